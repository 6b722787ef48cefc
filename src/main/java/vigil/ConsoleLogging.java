package vigil;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import java.util.List;

/**
 * Logging of every Vigil JVM (the CLI, the embedded CF, the Allure generator): WARN and above, to stderr, with
 * libraries at WARN too, since HTTP wire logs at DEBUG would print Authorization headers and tokens.
 *
 * <p>Set in code through logback's {@link Configurator} service rather than a {@code logback.xml}: parsing the XML
 * took about 0.25 s of CPU at every start, a sixth of the embedded CF's start-up. An operator's own file given with
 * {@code -Dlogback.configurationFile=FILE} still wins: this configurator then steps aside.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class ConsoleLogging extends ContextAwareBase implements Configurator {
    static final String CONFIG_FILE_PROPERTY = "logback.configurationFile";
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";
    /** Chatty libraries, kept at WARN even if the root level is lowered. */
    static final List<String> LIBRARIES = List.of("org.apache.http", "io.restassured");

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty(CONFIG_FILE_PROPERTY) != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        // Logback's own status messages stay off the console, as with a <statusListener> of this class.
        context.getStatusManager().add(new NopStatusListener());

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        for (String library : LIBRARIES) {
            context.getLogger(library).setLevel(Level.WARN);
        }
        // Apache SSHD's forwarder logs a refused port forward (cf ssh -L) as a WARN with a stack trace; the SSH
        // client reports that failure itself.
        context.getLogger("org.apache.sshd.common.forward").setLevel(Level.ERROR);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
