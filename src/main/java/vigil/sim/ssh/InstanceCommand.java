package vigil.sim.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.sshd.common.channel.PtyMode;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.shell.TtyFilterInputStream;
import org.apache.sshd.server.shell.TtyFilterOutputStream;
import vigil.sim.cells.InstanceAccess;

/**
 * One shell process of an SSH session: the session's input goes to its stdin (closed when the client sends EOF),
 * its stdout and stderr go back on the session's two streams, and its exit status is reported once both streams
 * ended, so no output is lost. With a PTY requested, line endings are translated as a terminal would (there is no
 * real terminal). The session closing, or the instance ending, kills the process and what it forked.
 */
final class InstanceCommand implements Command {

    private static final int BUFFER = 8192;

    private final InstanceShells shells;
    private final List<String> command;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private volatile Process process;

    InstanceCommand(InstanceShells shells, List<String> command) {
        this.shells = shells;
        this.command = List.copyOf(command);
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        InstanceAccess instance = shells.instanceOf(channel.getServerSession().getAttribute(CfPasswordAuthenticator.INSTANCE));
        ProcessBuilder builder = new ProcessBuilder(command).directory(instance.directory().toFile());
        builder.environment().clear();
        builder.environment().putAll(shells.environment(instance, env.getEnv()));
        process = shells.start(builder);
        Process started = process;
        // Diego destroys the container when the instance stops or crashes, and the session's processes with it.
        instance.ended().thenRun(() -> InstanceShells.kill(started));
        Map<PtyMode, Integer> modes = env.getPtyModes();
        boolean pty = modes != null && !modes.isEmpty();
        InputStream stdout = pty ? new TtyFilterInputStream(process.getInputStream(), modes) : process.getInputStream();
        InputStream stderr = pty ? new TtyFilterInputStream(process.getErrorStream(), modes) : process.getErrorStream();
        OutputStream stdin = pty ? new TtyFilterOutputStream(process.getOutputStream(), modes) : process.getOutputStream();
        shells.pump(() -> copy(in, stdin, true));
        CompletableFuture<Void> outputDone = CompletableFuture.allOf(
                CompletableFuture.runAsync(() -> copy(stdout, out, false), shells::pump),
                CompletableFuture.runAsync(() -> copy(stderr, err, false), shells::pump));
        outputDone.thenCompose(ignored -> started.onExit()).whenComplete((done, error) -> exit.onExit(started.exitValue()));
    }

    /** Copies until the source ends; {@code closeTarget}: the process's stdin is closed at the client's EOF. */
    private static void copy(InputStream from, OutputStream to, boolean closeTarget) {
        byte[] buffer = new byte[BUFFER];
        try {
            for (int read = from.read(buffer); read >= 0; read = from.read(buffer)) {
                to.write(buffer, 0, read);
                to.flush();
            }
        } catch (IOException e) {
            // The process or the session went away: the copy simply ends.
        } finally {
            if (closeTarget) {
                try {
                    to.close();
                } catch (IOException e) {
                    // already closed with the process
                }
            }
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        Process running = process;
        if (running != null && running.isAlive()) {
            InstanceShells.kill(running);
        }
    }
}
