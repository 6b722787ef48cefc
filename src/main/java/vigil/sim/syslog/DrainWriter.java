package vigil.sim.syslog;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.sim.api.AppSyslogDrain;
import vigil.sim.cells.LogLine;

/**
 * The lines of one app for one of its drains, written in order on a thread of their own so that a slow or
 * dead drain holds up nothing else. A line that cannot be written is tried again with growing pauses, and the
 * app's log says why (source {@code LGR}), as CF's syslog agent does; a full queue drops its oldest line.
 * The writer ends, closing its connection, once no line came for a while.
 */
final class DrainWriter implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(DrainWriter.class);
    private static final int QUEUED_LINES = 10_000;
    private static final Duration IDLE = Duration.ofSeconds(30);
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration MAX_RETRY = Duration.ofSeconds(5);

    private final AppSyslogDrain drain;
    private final URI url;
    private final UnaryOperator<String> dialHost;
    private final Supplier<SyslogFormat.Variant> variant;
    private final Consumer<LogLine> appLog;
    private final Clock clock;
    private final Runnable ended;
    private final LinkedBlockingQueue<LogLine> queue = new LinkedBlockingQueue<>(QUEUED_LINES);
    private volatile boolean stopped;

    DrainWriter(AppSyslogDrain drain, UnaryOperator<String> dialHost, Supplier<SyslogFormat.Variant> variant, Consumer<LogLine> appLog, Clock clock,
                Runnable ended) {
        this.drain = drain;
        this.url = URI.create(drain.url());
        this.dialHost = dialHost;
        this.variant = variant;
        this.appLog = appLog;
        this.clock = clock;
        this.ended = ended;
    }

    /** Queues the line; false when this writer has ended and a new one must take it. */
    synchronized boolean offer(LogLine line) {
        if (stopped) {
            return false;
        }
        while (!queue.offer(line)) {
            queue.poll();
        }
        return true;
    }

    /** Ends the writer after an idle wait, unless a line came in meanwhile (then false: go on). */
    private synchronized boolean endIfIdle() {
        if (queue.isEmpty()) {
            stopped = true;
        }
        return stopped;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        DrainConnection connection = null;
        try {
            while (!stopped) {
                LogLine line = queue.poll(IDLE.toMillis(), TimeUnit.MILLISECONDS);
                if (line != null) {
                    connection = write(connection, line);
                } else if (endIfIdle()) {
                    return;
                }
            }
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        } finally {
            stopped = true;
            if (connection != null) {
                connection.close();
            }
            ended.run();
        }
    }

    /** Writes the line, reconnecting and pausing as long as it takes; the connection to use next. */
    private DrainConnection write(DrainConnection current, LogLine line) throws InterruptedException {
        DrainConnection connection = current;
        Duration pause = FIRST_RETRY;
        while (!stopped) {
            try {
                if (connection == null) {
                    connection = DrainConnection.open(url, dialHost.apply(url.getHost()), drain);
                }
                connection.write(SyslogFormat.frame(line, drain, variant.get()));
                return connection;
            } catch (IOException | RuntimeException e) {
                if (connection != null) {
                    connection.close();
                    connection = null;
                }
                String why = "failed to write to " + url.getHost() + ":" + url.getPort() + ", retrying in "
                        + pause.toMillis() + "ms, err: " + e.getMessage();
                LOG.debug("syslog drain of app {}: {}", drain.appGuid(), why);
                // Not for the agent's own lines, which this drain would only fail to take again.
                if (!line.sourceType().equals("LGR")) {
                    appLog.accept(new LogLine(clock.instant(), drain.appGuid(), "LGR", "", true, why));
                }
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : pause.multipliedBy(2);
            }
        }
        return connection;
    }
}
