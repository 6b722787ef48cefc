package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;

/** A broker's answer: its status and its JSON body (an empty object when it sent none or no JSON). */
record BrokerReply(int status, JsonNode body) {

    boolean accepted() {
        return status == 202;
    }

    /** The broker's {@code description}, or null. */
    String description() {
        return body.hasNonNull("description") ? body.get("description").asText() : null;
    }
}
