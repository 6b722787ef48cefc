package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vigil.sim.http.JsonWriter;

/** A credential binding (app or key) in CC's field order, and its details (the credentials). */
final class ServiceCredentialBindingPresenter {

    private final ApiUrlBuilder urls;

    ServiceCredentialBindingPresenter(ApiUrlBuilder urls) {
        this.urls = urls;
    }

    ObjectNode present(ServiceCredentialBinding binding) {
        ObjectNode node = JsonWriter.object();
        node.put("guid", binding.guid());
        node.put("created_at", CcTimestamp.format(binding.createdAt()));
        node.put("updated_at", CcTimestamp.format(binding.updatedAt()));
        node.put("name", binding.name());
        node.put("type", binding.type());
        binding.lastOperation().writeTo(node);
        node.set("metadata", binding.metadata().present());
        ObjectNode relationships = node.putObject("relationships");
        Relationships.toOne(relationships, "service_instance", binding.serviceInstanceGuid());
        if (binding.appGuid() != null) {
            Relationships.toOne(relationships, "app", binding.appGuid());
        }
        String self = "/v3/service_credential_bindings/" + binding.guid();
        Links links = Links.of(node, urls)
             .add("self", self)
             .add("details", self + "/details")
             .add("service_instance", "/v3/service_instances/" + binding.serviceInstanceGuid());
        if (binding.appGuid() != null) {
            links.add("app", "/v3/apps/" + binding.appGuid());
        }
        return node;
    }

    /** {@code GET .../details}: CC leaves out what is null (a binding without a syslog drain). */
    ObjectNode presentDetails(ServiceCredentialBinding binding) {
        ObjectNode node = JsonWriter.object();
        node.set("credentials", binding.credentials());
        if (binding.syslogDrainUrl() != null) {
            node.put("syslog_drain_url", binding.syslogDrainUrl());
        }
        return node;
    }
}
