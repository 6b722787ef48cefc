package vigil.sim.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import vigil.sim.http.Request;

/**
 * A JSON request body read the way CC's messages read it: a body that is not a JSON object is a
 * 400 MessageParseError; unknown keys and invalid values are collected and reported together as one
 * 422 UnprocessableEntity, with CC's wording ("Unknown field(s): 'x'", "Name must be a string").
 */
final class RequestMessage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode body;
    private final List<String> problems = new ArrayList<>();

    private RequestMessage(ObjectNode body) {
        this.body = body;
    }

    /** An empty body counts as {@code {}}, as Rails' params do. */
    static RequestMessage of(Request request, String... allowedKeys) {
        byte[] raw = request.body();
        ObjectNode body;
        if (new String(raw, StandardCharsets.UTF_8).isBlank()) {
            body = JSON.createObjectNode();
        } else {
            try {
                JsonNode parsed = JSON.readTree(raw);
                if (!(parsed instanceof ObjectNode object)) {
                    throw CcError.MESSAGE_PARSE_ERROR.raise("invalid request body");
                }
                body = object;
            } catch (JsonProcessingException e) {
                throw CcError.MESSAGE_PARSE_ERROR.raise("invalid request body");
            } catch (java.io.IOException e) {
                throw CcError.MESSAGE_PARSE_ERROR.raise("invalid request body");
            }
        }
        RequestMessage message = new RequestMessage(body);
        message.rejectUnknown(body, allowedKeys);
        return message;
    }

    ObjectNode body() {
        return body;
    }

    boolean has(String field) {
        return body.has(field);
    }

    /** Adds "Unknown field(s): ..." when the object has keys outside the allowed ones. */
    void rejectUnknown(JsonNode object, String... allowedKeys) {
        if (object == null || !object.isObject()) {
            return;
        }
        List<String> allowed = Arrays.asList(allowedKeys);
        List<String> unknown = new ArrayList<>();
        object.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            problems.add("Unknown field(s): '" + String.join("', '", unknown) + "'");
        }
    }

    void problem(String text) {
        problems.add(text);
    }

    /** A string field that may be absent; present but not a string is a problem named by label. */
    Optional<String> optionalString(String field, String label) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            problems.add(label + " must be a string");
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    /** A string field that must be given and not blank ("Name can't be blank"). */
    String requiredString(String field, String label) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            problems.add(label + " can't be blank");
            return null;
        }
        if (!value.isTextual()) {
            problems.add(label + " must be a string");
            return null;
        }
        return value.asText();
    }

    /** An integer field within bounds, with ActiveModel's numericality wording. */
    Optional<Integer> optionalInteger(String field, String label, long min, boolean minInclusive) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            problems.add(label + " is not a number");
            return Optional.empty();
        }
        if (!value.isIntegralNumber()) {
            problems.add(label + " must be an integer");
            return Optional.empty();
        }
        long number = value.asLong();
        if (minInclusive ? number < min : number <= min) {
            problems.add(label + " must be greater than " + (minInclusive ? "or equal to " : "") + min);
            return Optional.empty();
        }
        if (number > Integer.MAX_VALUE) {
            problems.add(label + " must be less than or equal to " + Integer.MAX_VALUE);
            return Optional.empty();
        }
        return Optional.of((int) number);
    }

    /** The guid of a to-one relationship {@code relationships.NAME.data.guid}, or a problem. */
    String relationshipGuid(String name, String label) {
        JsonNode relationships = body.get("relationships");
        if (relationships == null || !relationships.isObject()) {
            problems.add("Relationships must be an object");
            return null;
        }
        JsonNode guid = relationships.path(name).path("data").path("guid");
        if (!guid.isTextual() || guid.asText().isEmpty()) {
            problems.add("Relationships " + label + " must be structured like this: \"" + name
                    + "\": {\"data\": {\"guid\": \"valid-guid\"}}");
            return null;
        }
        return guid.asText();
    }

    /** Throws the collected problems as one 422, joined as CC joins full_messages. */
    void validate() {
        if (!problems.isEmpty()) {
            throw CcError.unprocessable(String.join(", ", problems));
        }
    }
}
