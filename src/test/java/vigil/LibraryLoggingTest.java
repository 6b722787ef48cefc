package vigil;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

/**
 * Apache HttpClient (under rest-assured and the Allure generator) logs through commons-logging. Its lines must go
 * through logback's configuration like every other library's: at WARN, so neither its INFO retry chatter reaches
 * the console nor its DEBUG wire log (which would carry Authorization headers and tokens) is ever written.
 */
class LibraryLoggingTest {
    @Test
    void apacheHttpClientLogsThroughLogbackAtWarnOnly() {
        Log retries = LogFactory.getLog("org.apache.http.impl.client.DefaultHttpClient");
        Log wire = LogFactory.getLog("org.apache.http.wire");
        Log headers = LogFactory.getLog("org.apache.http.headers");

        assertThat(retries.getClass().getName()).as("commons-logging's implementation").startsWith("org.apache.commons.logging.impl.SLF4J");
        assertThat(retries.isWarnEnabled()).isTrue();
        assertThat(retries.isInfoEnabled()).as("INFO of org.apache.http").isFalse();
        assertThat(wire.isDebugEnabled()).as("the wire log").isFalse();
        assertThat(headers.isDebugEnabled()).as("the headers log").isFalse();
    }
}
