package vigil.availability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import vigil.report.DuringResult;

/**
 * The window a measurement is about: waits until every probe is live, writes the ready file (for pipelines
 * that start the deploy in another task), marks the deploy's start, runs the {@code --during} command or
 * waits the fixed duration, and marks the end. {@link #abort} ends the window early from another thread.
 *
 * <pre>{@code
 * DeployWatch watch = new DeployWatch(measurement, Duration.ofMinutes(2), readyFile);
 * DuringResult during = watch.runDuring(new DuringCommand(cmd, layout.duringLog(), clock));
 * }</pre>
 */
public final class DeployWatch {
    private final Measurement measurement;
    private final Duration liveBound;
    private final Path readyFile;
    private final CountDownLatch aborted = new CountDownLatch(1);
    private volatile DuringCommand running;

    /** @param readyFile written once every probe is live; {@code null} for none */
    public DeployWatch(Measurement measurement, Duration liveBound, Path readyFile) {
        this.measurement = Objects.requireNonNull(measurement, "measurement");
        this.liveBound = Objects.requireNonNull(liveBound, "liveBound");
        this.readyFile = readyFile;
    }

    /** Runs {@code command} once the probes are live and returns how it ended. */
    public DuringResult runDuring(DuringCommand command)
            throws ProbesNotLiveException, DuringCommandException, IOException {
        goLive();
        running = command;
        if (aborted.getCount() == 0) {
            command.stop();
        }
        measurement.markDeployStart();
        try {
            return command.run();
        } finally {
            measurement.markDeployEnd();
        }
    }

    /** Measures for {@code duration} once the probes are live; returns early when aborted. */
    public void measureFor(Duration duration) throws ProbesNotLiveException, IOException {
        goLive();
        try {
            aborted.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the window now: stops the {@code --during} command or the wait. */
    public void abort() {
        aborted.countDown();
        DuringCommand command = running;
        if (command != null) {
            command.stop();
        }
    }

    private void goLive() throws ProbesNotLiveException, IOException {
        measurement.awaitLive(liveBound);
        if (readyFile != null) {
            Path parent = readyFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(readyFile, "probes live since " + Instant.now() + "\n", StandardCharsets.UTF_8);
        }
    }
}
