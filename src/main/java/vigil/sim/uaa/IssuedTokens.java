package vigil.sim.uaa;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * <b>Test-only</b> record of every token (access and refresh) the embedded UAA signs, so a test can look for
 * each of them, and each of their parts, in what a run wrote. Off unless a test turns it on: a sim serving
 * users never holds on to the tokens it issued. Bounded: past {@link #LIMIT} tokens the oldest are dropped.
 */
public final class IssuedTokens {
    static final int LIMIT = 20_000;

    private final AtomicBoolean recording = new AtomicBoolean();
    private final ConcurrentLinkedQueue<String> tokens = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();

    /** From now on, every token signed is kept until {@link #stopRecording()}. */
    public void startRecording() {
        recording.set(true);
    }

    /** Stops and forgets what was recorded. */
    public void stopRecording() {
        recording.set(false);
        tokens.clear();
        size.set(0);
    }

    /** The tokens signed while recording, oldest first. */
    public List<String> all() {
        return List.copyOf(tokens);
    }

    void signed(String token) {
        if (!recording.get()) {
            return;
        }
        tokens.add(token);
        if (size.incrementAndGet() > LIMIT && tokens.poll() != null) {
            size.decrementAndGet();
        }
    }
}
