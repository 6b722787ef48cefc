package vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input through the real command line: each case ends with its exit code (2, nothing run) and one
 * clear message on stderr that names what is wrong, never a stack trace. The configured API is a closed
 * port, so a case that slipped past validation and tried the CF would end with 3 instead.
 */
class BadInputTest {
    private static final String GOOD = "api: {api}\napps_domain: apps.example.com\nadmin_user: admin\n"
            + "admin_password: Pa55-w0rd-xyz\n";

    @TempDir
    static Path dir;
    private static String closedApi;

    /** A bad input: files to write ({name, content} pairs), the command line ({@code {dir}} is the temp folder). */
    record Case(String name, List<String> files, List<String> args, int exitCode, List<String> mentions) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            closedApi = "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>(List.of(
                config("malformed YAML", "bad.yml", "api: [unclosed\napps_domain: x\n", "bad.yml"),
                config("malformed JSON", "bad.json", "{\"api\": \"{api}\", \"apps_domain\": ", "bad.json"),
                config("binary garbage", "garbage.yml", "\u0000\u0001\u00ff\u0007PK\u0003\u0004", "garbage.yml"),
                config("empty file", "empty.yml", "", "empty.yml"),
                config("a list, not a map", "list.yml", "- api\n- apps_domain\n", "list.yml"),
                config("wrong types", "types.yml", GOOD + "timeout_scale: fast\nskip_ssl_validation: maybe\n",
                        "timeout_scale", "skip_ssl_validation"),
                config("wrong types in a CATS JSON", "cats.json", "{\"api\": \"{api}\", \"apps_domain\": \"a.example.com\","
                        + " \"admin_user\": \"admin\", \"admin_password\": \"Pa55-w0rd-xyz\", \"timeout_scale\": \"x\","
                        + " \"include_apps\": 3}", "timeout_scale", "include_apps"),
                config("nested garbage", "nested.yml", GOOD.replace("admin_user: admin", "admin_user: {a: [1, {b: 2}]}"),
                        "admin_user"),
                config("missing keys", "missing.yml", "apps_domain: apps.example.com\n", "api", "admin_user"),
                new Case("nonexistent config file", List.of(), List.of("run", "--config", "{dir}/no-such.yml",
                        "--reports", "{dir}/reports"), ExitCode.USAGE, List.of("no-such.yml")),
                new Case("config file is a folder", List.of(), List.of("run", "--config", "{dir}",
                        "--reports", "{dir}/reports"), ExitCode.USAGE, List.of("{dir}")),
                run("unknown suite", List.of("--suites", "smoke,smokey"), "smokey"),
                run("bad tag expression", List.of("--tags", "@smoke and ("), "--tags"),
                run("nonexistent features folder", List.of("--features", "{dir}/no-such-features"), "no-such-features"),
                run("zero parallel", List.of("--parallel", "0"), "--parallel"),
                run("unknown option", List.of("--frobnicate"), "--frobnicate"),
                run("bad duration", List.of("--suites", "availability", "--duration", "soon"), "--duration"),
                run("bad timeout scale flag", List.of("--timeout-scale", "-1"), "timeout_scale"),
                new Case("reports folder is a file", List.of("a-file", "not a folder", "good.yml", GOOD), List.of("run",
                        "--config", "{dir}/good.yml", "--reports", "{dir}/a-file/reports"), ExitCode.USAGE,
                        List.of("--reports", "a-file")),
                run("unknown router address form", List.of("--router-address", "no port here"), "router_address"),
                new Case("monitor of something that is not a URL", List.of(), List.of("monitor", "not a url",
                        "--duration", "1s", "--reports", "{dir}/reports"), ExitCode.USAGE, List.of("not a url")),
                new Case("gate of a missing summary", List.of(), List.of("gate", "--summary", "{dir}/no-summary.json"),
                        ExitCode.USAGE, List.of("no-summary.json"))));
        return cases.stream();
    }

    private static Case config(String name, String file, String content, String... mentions) {
        return new Case(name, List.of(file, content), List.of("run", "--config", "{dir}/" + file, "--suites", "smoke",
                "--reports", "{dir}/reports"), ExitCode.USAGE, List.of(mentions));
    }

    private static Case run(String name, List<String> extra, String... mentions) {
        List<String> args = new ArrayList<>(List.of("run", "--config", "{dir}/good.yml", "--reports", "{dir}/reports"));
        args.addAll(extra);
        return new Case(name, List.of("good.yml", GOOD), args, ExitCode.USAGE, List.of(mentions));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsWithItsExitCodeAndOneClearMessage(Case bad) throws IOException {
        for (int i = 0; i < bad.files().size(); i += 2) {
            Files.writeString(dir.resolve(bad.files().get(i)), fill(bad.files().get(i + 1)));
        }
        String[] args = bad.args().stream().map(BadInputTest::fill).toArray(String[]::new);

        CommandLineRun run = CommandLineRun.of(args);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(bad.exitCode());
        for (String mention : bad.mentions()) {
            assertThat(run.err()).as(run.toString()).contains(fill(mention));
        }
        assertThat(run.out() + run.err()).as(run.toString()).doesNotContain("\tat ").doesNotContain("Exception")
                .doesNotContain("Usage:").doesNotContain("Pa55-w0rd-xyz");
        assertThat(run.err().lines().filter(line -> line.startsWith("vigil"))).as(run.toString()).hasSize(1);
        assertThat(run.out()).as("nothing ran").isEmpty();
        assertThat(dir.resolve("reports/summary.json")).as("nothing ran").doesNotExist();
    }

    private static String fill(String text) {
        return text.replace("{api}", closedApi).replace("{dir}", dir.toString());
    }
}
