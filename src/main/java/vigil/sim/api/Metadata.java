package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import vigil.sim.http.JsonWriter;

/**
 * A resource's {@code metadata}: labels (which {@code label_selector} filters on) and annotations.
 * An update merges key by key and a {@code null} value deletes the key, as CC's MetadataUpdate does.
 */
record Metadata(Map<String, String> labels, Map<String, String> annotations) {

    static final Metadata EMPTY = new Metadata(Map.of(), Map.of());

    Metadata {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
    }

    /** This metadata with the request's {@code metadata} object applied; problems go to the message. */
    Metadata updatedBy(RequestMessage message) {
        JsonNode metadata = message.body().get("metadata");
        if (metadata == null || metadata.isNull()) {
            return this;
        }
        if (!metadata.isObject()) {
            message.problem("Metadata must be an object");
            return this;
        }
        message.rejectUnknown(metadata, "labels", "annotations");
        return new Metadata(merged(labels, metadata.get("labels"), "labels", message),
                merged(annotations, metadata.get("annotations"), "annotations", message));
    }

    ObjectNode present() {
        ObjectNode node = JsonWriter.object();
        ObjectNode labelsNode = node.putObject("labels");
        labels.forEach(labelsNode::put);
        ObjectNode annotationsNode = node.putObject("annotations");
        annotations.forEach(annotationsNode::put);
        return node;
    }

    private static Map<String, String> merged(Map<String, String> current, JsonNode changes, String kind,
                                              RequestMessage message) {
        if (changes == null || changes.isNull()) {
            return current;
        }
        if (!changes.isObject()) {
            message.problem("Metadata " + kind + " must be an object");
            return current;
        }
        Map<String, String> result = new LinkedHashMap<>(current);
        changes.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                result.remove(entry.getKey());
            } else if (value.isTextual()) {
                result.put(entry.getKey(), value.asText());
            } else {
                message.problem("Metadata " + kind + " values must be strings");
            }
        });
        return result;
    }
}
