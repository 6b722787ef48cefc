package vigil.report;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * The {@code --during} command (a deploy, a fault script) and how it ended.
 *
 * @param exitCode its exit code, or {@code null} if it was still running when the run ended
 */
public record DuringResult(
        @JsonProperty("command") String command,
        @JsonProperty("exit_code") Integer exitCode,
        @JsonProperty("start") Instant start,
        @JsonProperty("end") Instant end) {
}
