package vigil.cf;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A service instance as CC shows it, with its {@code last_operation}.
 *
 * @param operationState {@code in progress}, {@code succeeded} or {@code failed}
 */
public record ServiceInstanceState(String guid, String name, String type, String operationType, String operationState,
                                   String operationDescription) {

    static ServiceInstanceState of(JsonNode instance) {
        JsonNode operation = instance.path("last_operation");
        return new ServiceInstanceState(instance.path("guid").asText(), instance.path("name").asText(),
                instance.path("type").asText(), operation.path("type").asText(null), operation.path("state").asText(null),
                operation.path("description").isNull() ? null : operation.path("description").asText(null));
    }

    public boolean inProgress() {
        return "in progress".equals(operationState);
    }

    /** For messages: {@code create failed ("...")}. */
    public String operation() {
        return operationType + " " + operationState + (operationDescription == null ? "" : " (\"" + operationDescription + "\")");
    }
}
