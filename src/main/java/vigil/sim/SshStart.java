package vigil.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import vigil.sim.ssh.SshProxy;

/** Starts the SSH proxy on a thread of its own while the rest of the embedded CF starts, and waits for it. */
final class SshStart {

    /** What starts the proxy. */
    @FunctionalInterface
    interface Starter {
        SshProxy start() throws IOException;
    }

    private SshStart() {
    }

    static CompletableFuture<SshProxy> begin(Starter starter) {
        CompletableFuture<SshProxy> starting = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                starting.complete(starter.start());
            } catch (IOException | RuntimeException | Error e) {
                starting.completeExceptionally(e);
            }
        }, "vigil-sim-ssh-start");
        thread.setDaemon(true);
        thread.start();
        return starting;
    }

    /** The started proxy; its start's failure as it was thrown. */
    static SshProxy await(CompletableFuture<SshProxy> starting) throws IOException {
        try {
            return starting.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException(new IOException("the SSH proxy did not start: " + e.getCause(), e.getCause()));
        }
    }

    /** When the sim's start fails: the proxy is closed once (if ever) it has started. */
    static void closeWhenStarted(CompletableFuture<SshProxy> starting) {
        starting.thenAccept(SshProxy::close);
    }
}
