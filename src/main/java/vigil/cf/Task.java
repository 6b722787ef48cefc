package vigil.cf;

import com.fasterxml.jackson.databind.JsonNode;

/** A one-off task of an app: PENDING, RUNNING, then SUCCEEDED or FAILED (CANCELING on the way to FAILED). */
public record Task(String guid, String name, String state, int sequenceId, JsonNode result) {

    /** Why the task FAILED, as CF says; {@code null} otherwise. */
    public String failureReason() {
        return result == null || result.path("failure_reason").isNull() ? null
                : result.path("failure_reason").asText(null);
    }

    public boolean finished() {
        return state.equals("SUCCEEDED") || state.equals("FAILED");
    }
}
