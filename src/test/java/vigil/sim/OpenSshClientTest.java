package vigil.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.sim.HttpProbe.Reply;
import vigil.testapp.TestAppJar;

/**
 * An ordinary OpenSSH client reaches an app instance of the embedded CF the way {@code cf ssh} does: the endpoint
 * and host key fingerprint from {@code /v2/info}, a one-time code from UAA's authorize endpoint as the password of
 * {@code cf:<app guid>/0}. The command runs in the instance with its environment; the code works once; a session
 * ends when its instance stops.
 * Needs {@code /usr/bin/ssh} (Debian: openssh-client); skipped, saying so, where it is missing.
 */
class OpenSshClientTest {
    private static final Path SSH = Path.of("/usr/bin/ssh");

    @TempDir
    Path dir;

    @Test
    void openSshRunsACommandInTheInstanceWithAOneTimeCode() throws Exception {
        assumeTrue(Files.isExecutable(SSH), "/usr/bin/ssh is not installed (Debian package openssh-client):"
                + " the OpenSSH interoperability check of the embedded CF's SSH proxy is skipped");
        try (Sim sim = Sim.start(SimOptions.defaults()); CcFixture cf = CcFixture.against(sim)) {
            String space = cf.createSpace("ssh-space", cf.createOrg("ssh-org"));
            String app = cf.createApp("ssh-app", space);
            cf.pushDroplet(app, TestAppJar.bytes("ssh-v1"));
            assertThat(cf.post("/v3/apps/" + app + "/actions/start", null).status()).isEqualTo(200);
            await("instance 0 of ssh-app RUNNING").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> cf.get("/v3/processes/" + app + "/stats").json().at("/resources/0/state").asText(),
                            "RUNNING"::equals);

            JsonNode info = cf.get("/v2/info").json();
            String endpoint = info.get("app_ssh_endpoint").asText();
            Path code = dir.resolve("code");
            Files.writeString(code, oneTimeCode(sim, cf, info.get("app_ssh_oauth_client").asText()));
            Path askpass = dir.resolve("askpass.sh");
            Files.writeString(askpass, "#!/bin/sh\ncat '" + code + "'\n");
            Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
            String user = "cf:" + app + "/0@" + endpoint.substring(0, endpoint.lastIndexOf(':'));
            String port = endpoint.substring(endpoint.lastIndexOf(':') + 1);

            Result first = ssh(askpass, port, user, "echo \"pwd=$PWD\"; /usr/bin/env");
            assertThat(first.exitCode()).as(first.toString()).isEqualTo(0);
            assertThat(first.out()).contains("CF_INSTANCE_INDEX=0").containsPattern("VCAP_APPLICATION=.*\"application_name\":\"ssh-app\"")
                    .containsPattern("(?m)^PORT=\\d+$");
            String home = first.out().lines().filter(line -> line.startsWith("HOME=")).findFirst().orElseThrow();
            assertThat(first.out()).as("the command runs in the instance's directory").contains("pwd=" + home.substring(5));
            assertThat(first.err()).as("OpenSSH checked the host key announced in /v2/info")
                    .contains("Server host key: ecdsa-sha2-nistp256 SHA256:" + info.get("app_ssh_host_key_fingerprint").asText());

            Result second = ssh(askpass, port, user, "true");
            assertThat(second.exitCode()).as("the same code again: %s", second).isEqualTo(255);
            assertThat(second.err()).contains("Permission denied");

            // The instance stopping destroys its container: a session still running there ends with it.
            Files.writeString(code, oneTimeCode(sim, cf, info.get("app_ssh_oauth_client").asText()));
            Process longSession = start(askpass, port, user, "sleep 321");
            await("the SSH session's 'sleep 321' running in the instance").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50)).until(() -> sleeping().isPresent());
            assertThat(cf.post("/v3/apps/" + app + "/actions/stop", null).status()).isEqualTo(200);
            assertThat(longSession.waitFor(30, TimeUnit.SECONDS)).as("ssh ended once the instance stopped").isTrue();
            assertThat(sleeping()).as("the session's command is gone with the instance").isEmpty();
        }
    }

    private static String oneTimeCode(Sim sim, CcFixture cf, String client) {
        Reply authorize = new HttpProbe().get(URI.create(sim.uaaUrl() + "/oauth/authorize?response_type=code&client_id="
                + client), "Authorization", "bearer " + cf.token(""));
        assertThat(authorize.status()).as(authorize.raw().body()).isEqualTo(302);
        return URI.create(authorize.header("Location")).getQuery().replaceFirst("^code=", "");
    }

    private static Optional<ProcessHandle> sleeping() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains("sleep 321")
                        || p.info().arguments().map(args -> String.join(" ", args)).orElse("").contains("sleep 321"))
                .filter(p -> !p.info().command().orElse("").endsWith("/ssh"))
                .findFirst();
    }

    private Result ssh(Path askpass, String port, String user, String command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "ssh", ".out");
        Path err = Files.createTempFile(dir, "ssh", ".err");
        Process process = start(askpass, port, user, command, out, err);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("ssh did not end within 60 s: " + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private Process start(Path askpass, String port, String user, String command) throws IOException {
        return start(askpass, port, user, command, Files.createTempFile(dir, "ssh", ".out"),
                Files.createTempFile(dir, "ssh", ".err"));
    }

    private static Process start(Path askpass, String port, String user, String command, Path out, Path err)
            throws IOException {
        List<String> line = new ArrayList<>(List.of(SSH.toString(), "-v", "-p", port,
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=no",
                "-o", "PreferredAuthentications=password", "-o", "NumberOfPasswordPrompts=1", "-F", "/dev/null",
                user, command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("SSH_ASKPASS", askpass.toString());
        builder.environment().put("SSH_ASKPASS_REQUIRE", "force");
        builder.environment().put("DISPLAY", ":0");
        return builder.start();
    }

    private record Result(int exitCode, String out, String err) {
    }
}
