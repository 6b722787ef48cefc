package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * concourse/run-vigil.sh and concourse/marker.sh as a Concourse task runs them, with a file:// marker store
 * and a stand-in for {@code java} that records its arguments (Vigil itself is tested elsewhere).
 */
class ConcourseScriptsTest {
    private static final Path RUN_VIGIL = Path.of("concourse/run-vigil.sh").toAbsolutePath();
    private static final Path MARKER = Path.of("concourse/marker.sh").toAbsolutePath();
    private static final Path HISTORY = Path.of("concourse/history.sh").toAbsolutePath();
    private static final String FAKE_JAVA = """
            #!/bin/sh
            echo "$@" > "$FAKE_ARGS"
            prev=""; ready=""
            for arg in "$@"; do [ "$prev" = "--ready-file" ] && ready="$arg"; prev="$arg"; done
            [ -n "$ready" ] && echo "probes live" > "$ready"
            if [ -n "$FAKE_WAIT_FOR_TERM" ]; then
              trap 'exit 143' TERM
              touch "$FAKE_STARTED"
              while :; do sleep 0.1; done
            fi
            exit "${FAKE_EXIT:-0}"
            """;

    @TempDir
    Path work;

    @Test
    void aMarkerPutByOneTaskIsFoundByAnotherWaitingForIt() throws Exception {
        Map<String, String> store = Map.of("MARKER_URL", "file://" + work.resolve("store/build-1"));
        Files.writeString(work.resolve("ready"), "probes live\n");

        Result put = run(List.of(MARKER.toString(), "put", "probes-live", work.resolve("ready").toString()), store);
        Result wait = run(List.of(MARKER.toString(), "wait", "probes-live"), store);

        assertThat(put.code()).as(put.output()).isZero();
        assertThat(wait.code()).as(wait.output()).isZero();
        assertThat(work.resolve("store/build-1/probes-live")).hasContent("probes live");
    }

    @Test
    void aMarkerThatSaysFailedMakesTheWaitFail() throws Exception {
        Map<String, String> store = Map.of("MARKER_URL", "file://" + work.resolve("store"),
                "MARKER_CONTENT", "failed (see the deploy task's log)");

        Result put = run(List.of(MARKER.toString(), "put", "deploy-done"), store);
        Result wait = run(List.of(MARKER.toString(), "wait", "deploy-done"), store);

        assertThat(put.code()).as(put.output()).isZero();
        assertThat(wait.code()).isEqualTo(1);
        assertThat(wait.output()).contains("deploy-done, which says: failed (see the deploy task's log)");
    }

    @Test
    void waitingForAMarkerThatNeverComesTimesOutSayingWhichOne() throws Exception {
        Result wait = run(List.of(MARKER.toString(), "wait", "deploy-done"), Map.of(
                "MARKER_URL", "file://" + work.resolve("store"), "MARKER_TIMEOUT", "1", "MARKER_POLL", "1"));

        assertThat(wait.code()).isEqualTo(1);
        assertThat(wait.output()).contains("no marker deploy-done after 1s");
    }

    @Test
    void runVigilPassesTheParamsAsFlagsHandsTheReadyMarkerOnAndLeavesAFailureToTheGate() throws Exception {
        Map<String, String> env = fakeVigil(Map.of(
                "VIGIL_SUITES", "availability",
                "VIGIL_TAGS", "not @sim",
                "VIGIL_SHARD", "1/2",
                "VIGIL_READY_PUT", MARKER + " put probes-live \"$VIGIL_READY_FILE\"",
                "MARKER_URL", "file://" + work.resolve("store"),
                "VIGIL_SOFT_FAIL", "true",
                "VIGIL_HISTORY", "history",
                "FAKE_EXIT", "1"));

        Result run = run(List.of(RUN_VIGIL.toString()), env);

        assertThat(run.code()).as(run.output()).isZero();
        assertThat(Files.readString(work.resolve("args")).strip()).isEqualTo("-jar vigil.jar run --reports reports"
                + " --suites availability --tags not @sim --shard 1/2 --history history --ready-file reports/probes.ready");
        assertThat(work.resolve("store/probes-live")).hasContent("probes live");
        assertThat(work.resolve("reports/exit-code")).hasContent("1");
    }

    @Test
    void withoutSoftFailTheTaskFailsWithVigilsExitCode() throws Exception {
        Result run = run(List.of(RUN_VIGIL.toString()), fakeVigil(Map.of("FAKE_EXIT", "1")));

        assertThat(run.code()).as(run.output()).isEqualTo(1);
    }

    @Test
    void aShardPartLeavesTheHtmlToTheMerge() throws Exception {
        Result run = run(List.of(RUN_VIGIL.toString()), fakeVigil(Map.of("VIGIL_SHARD", "2/3", "VIGIL_NO_HTML", "true")));

        assertThat(run.code()).as(run.output()).isZero();
        assertThat(Files.readString(work.resolve("args")).strip())
                .isEqualTo("-jar vigil.jar run --reports reports --shard 2/3 --no-html");
    }

    @Test
    void anAbortedTaskPassesSigtermOnToVigil() throws Exception {
        Map<String, String> env = fakeVigil(Map.of("FAKE_WAIT_FOR_TERM", "true",
                "FAKE_STARTED", work.resolve("started").toString()));
        Process task = start(List.of(RUN_VIGIL.toString()), env);
        try {
            await("the stand-in for vigil to start").atMost(Duration.ofSeconds(20))
                    .until(() -> Files.exists(work.resolve("started")));
            task.destroy(); // SIGTERM, as Concourse sends when a build is aborted

            assertThat(task.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(task.exitValue()).isEqualTo(ExitCode.TERMINATED);
            assertThat(work.resolve("reports/exit-code")).hasContent("143");
        } finally {
            task.descendants().forEach(ProcessHandle::destroyForcibly);
            task.destroyForcibly();
        }
    }

    @Test
    void lastNightsAllureHistoryIsUnpackedWhereVigilRunHistoryReadsIt() throws Exception {
        // A reports folder packed as archive.yml packs it.
        Path night = Files.createDirectories(work.resolve("night/allure-report/history"));
        Files.writeString(night.resolve("history-trend.json"), "[{\"data\":{\"passed\":38}}]");
        Files.writeString(work.resolve("night/summary.json"), "{}");
        Path previous = Files.createDirectories(work.resolve("previous"));
        Result packed = run(List.of("tar", "-czf", previous.resolve("nightly-20261125010203.tgz").toString(),
                "-C", work.resolve("night").toString(), "."), Map.of());
        assertThat(packed.code()).as(packed.output()).isZero();

        Result run = run(List.of(HISTORY.toString(), "previous", "history"), Map.of());

        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output()).contains("carried 1 file of Allure history from nightly-20261125010203.tgz");
        assertThat(work.resolve("history/history/history-trend.json")).hasContent("[{\"data\":{\"passed\":38}}]");
    }

    @Test
    void theFirstNightStartsAnEmptyHistorySayingSo() throws Exception {
        // The s3 resource's initial_path: an empty file where an archive would be.
        Files.createFile(Files.createDirectories(work.resolve("previous")).resolve("nightly-00000000000000.tgz"));

        Result run = run(List.of(HISTORY.toString(), "previous", "history"), Map.of());

        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output()).contains("no earlier reports archive in previous; the trends start with this run");
        assertThat(work.resolve("history/history")).isEmptyDirectory();
    }

    @Test
    void aMergeWithoutFoldersIsAUsageError() throws Exception {
        Result run = run(List.of(RUN_VIGIL.toString()), fakeVigil(Map.of("VIGIL_COMMAND", "merge")));

        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.output()).contains("VIGIL_MERGE");
    }

    private Map<String, String> fakeVigil(Map<String, String> params) throws IOException {
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, FAKE_JAVA);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(work.resolve("vigil.jar"), "stand-in");
        Map<String, String> env = new HashMap<>(params);
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("VIGIL_JAR", "vigil.jar");
        env.put("FAKE_ARGS", work.resolve("args").toString());
        return env;
    }

    private record Result(int code, String output) {
    }

    private Result run(List<String> command, Map<String, String> env) throws Exception {
        Process process = start(command, env);
        try {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s ends", command).isTrue();
            return new Result(process.exitValue(),
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }

    private Process start(List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        return builder.start();
    }
}
