package vigil.sim.cells;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The most recent output lines of each app, bounded so that a chatty app cannot fill the sim's
 * memory (log-cache keeps a bounded window per source too). Output pumps of many instances write
 * concurrently while the Cloud Controller reads.
 */
final class AppLogBuffer {

    static final int DEFAULT_LINES_PER_APP = 1000;

    private final int linesPerApp;
    private final Map<String, ArrayDeque<LogLine>> byApp = new ConcurrentHashMap<>();
    /** Who gets every line as it is added (the log stream, syslog drains); each must return at once. */
    private final List<Consumer<LogLine>> listeners = new CopyOnWriteArrayList<>();

    AppLogBuffer(int linesPerApp) {
        if (linesPerApp < 1) {
            throw new IllegalArgumentException("linesPerApp must be at least 1, was " + linesPerApp);
        }
        this.linesPerApp = linesPerApp;
    }

    void add(LogLine line) {
        ArrayDeque<LogLine> lines = byApp.computeIfAbsent(line.appGuid(), guid -> new ArrayDeque<>());
        synchronized (lines) {
            if (lines.size() == linesPerApp) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }
        listeners.forEach(listener -> listener.accept(line));
    }

    /** Hands every line added from now on to the listener, on the adding thread, until the returned handle is closed. */
    AutoCloseable subscribe(Consumer<LogLine> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The newest {@code limit} lines of the app, oldest first; empty for an app that wrote nothing. */
    List<LogLine> recent(String appGuid, int limit) {
        ArrayDeque<LogLine> lines = byApp.get(appGuid);
        if (lines == null || limit <= 0) {
            return List.of();
        }
        synchronized (lines) {
            List<LogLine> all = new ArrayList<>(lines);
            return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
        }
    }
}
