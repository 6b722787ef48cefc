package vigil;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What every Vigil JVM logs, and that an operator's own logback file still takes precedence. */
class ConsoleLoggingTest {
    private final LoggerContext context = new LoggerContext();

    @AfterEach
    void clearProperty() {
        System.clearProperty(ConsoleLogging.CONFIG_FILE_PROPERTY);
        context.stop();
    }

    @Test
    void warnAndAboveGoToStderrWithLibrariesAtWarn() {
        ConsoleLogging logging = new ConsoleLogging();
        logging.setContext(context);

        assertThat(logging.configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(root.getAppender("STDERR")).isInstanceOfSatisfying(ConsoleAppender.class, appender -> {
            assertThat(appender.getTarget()).isEqualTo("System.err");
            assertThat(appender.isStarted()).isTrue();
            assertThat(((PatternLayoutEncoder) appender.getEncoder()).getPattern()).contains("%-5level", "%msg");
        });
        assertThat(context.getLogger("org.apache.http.wire").isDebugEnabled()).as("the HTTP wire log").isFalse();
        assertThat(context.getLogger("io.restassured").isInfoEnabled()).isFalse();
        root.setLevel(Level.DEBUG);
        assertThat(context.getLogger("org.apache.http.headers").isDebugEnabled())
                .as("the HTTP headers log, with the root lowered to DEBUG").isFalse();
    }

    @Test
    void anOperatorsOwnLogbackFileTakesPrecedence() {
        System.setProperty(ConsoleLogging.CONFIG_FILE_PROPERTY, "/etc/vigil/logback.xml");
        ConsoleLogging logging = new ConsoleLogging();
        logging.setContext(context);

        assertThat(logging.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNull();
    }

    @Test
    void logbackFindsItAsAServiceAndThisJvmIsConfiguredByIt() {
        assertThat(ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class).stream()
                .map(provider -> provider.type().getName())).contains(ConsoleLogging.class.getName());
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(root.getAppender("STDERR")).isNotNull();
    }
}
