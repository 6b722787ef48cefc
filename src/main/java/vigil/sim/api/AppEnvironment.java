package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vigil.sim.http.JsonWriter;

/**
 * The environment CC gives an app: {@code VCAP_APPLICATION} (CC's VarsBuilder, field for field and
 * in its order), {@code VCAP_SERVICES} (the app's service bindings) and {@code MEMORY_LIMIT}.
 */
final class AppEnvironment {

    /** CC's default {@code instance_file_descriptor_limit}. */
    static final int FILE_DESCRIPTORS = 16384;

    private final CcRepositories store;
    private final ApiUrlBuilder urls;
    private final CcFaults faults;

    AppEnvironment(CcRepositories store, ApiUrlBuilder urls, CcFaults faults) {
        this.store = store;
        this.urls = urls;
        this.faults = faults;
    }

    /** {@code VCAP_APPLICATION} as {@code GET /v3/apps/:guid/env} shows it: app-wide, without process fields. */
    ObjectNode applicationEnv(App app) {
        ObjectNode vcap = common(app, null);
        vcap.putObject("limits").put("fds", FILE_DESCRIPTORS);
        vcap.putNull("users");
        vcap.put("application_id", app.guid());
        return vcap;
    }

    /**
     * The environment a process runs with, as CC sends it to Diego: the user's variables, then
     * {@code VCAP_APPLICATION} (without {@code users}, which CC leaves out for Diego), {@code MEMORY_LIMIT}
     * and {@code VCAP_SERVICES}. Non-string user values are passed as JSON text, as CC does.
     */
    Map<String, String> runningEnv(App app, AppProcess process) {
        Map<String, String> env = new LinkedHashMap<>();
        ObjectNode userVariables = faults.userEnvironmentLeftOut() ? JsonWriter.object() : app.environmentVariables();
        userVariables.fields().forEachRemaining(entry ->
                env.put(entry.getKey(), entry.getValue().isTextual() ? entry.getValue().asText() : entry.getValue().toString()));
        ObjectNode vcap = common(app, process);
        ObjectNode limits = vcap.putObject("limits");
        limits.put("fds", FILE_DESCRIPTORS).put("mem", process.memoryMb()).put("disk", process.diskMb());
        vcap.put("process_id", process.guid());
        vcap.put("process_type", process.type());
        vcap.put("application_id", app.guid());
        vcap.put("version", process.version());
        vcap.put("application_version", process.version());
        env.put("VCAP_APPLICATION", new String(JsonWriter.write(vcap), StandardCharsets.UTF_8));
        env.put("MEMORY_LIMIT", process.memoryMb() + "m");
        ObjectNode services = faults.bindingsLeftOutOfVcapServices() ? JsonWriter.object() : vcapServices(app);
        env.put("VCAP_SERVICES", new String(JsonWriter.write(services), StandardCharsets.UTF_8));
        return env;
    }

    /** {@code system_env_json}: what CC adds for bound services. */
    ObjectNode systemEnv(App app) {
        ObjectNode system = JsonWriter.object();
        system.set("VCAP_SERVICES", vcapServices(app));
        return system;
    }

    /**
     * {@code VCAP_SERVICES}: the app's bindings grouped by label ({@code user-provided}, or a managed instance's
     * offering name), each entry as CC's ServiceBindingPresenter writes it: label, provider (managed), plan
     * (managed), name, tags (offering's then instance's), then the binding's fields. {@code name} is the
     * binding's name, or the instance's when it has none. Bindings still being created are left out.
     */
    ObjectNode vcapServices(App app) {
        ObjectNode services = JsonWriter.object();
        for (ServiceCredentialBinding binding : store.serviceBindings.where(b -> b.forApp(app.guid())
                && LastOperation.SUCCEEDED.equals(b.lastOperation().state()))) {
            ServiceInstance instance = store.serviceInstances.get(binding.serviceInstanceGuid()).orElse(null);
            if (instance == null) {
                continue;
            }
            ServicePlan plan = instance.managed() ? store.servicePlans.get(instance.servicePlanGuid()).orElse(null) : null;
            ServiceOffering offering = plan == null ? null : store.serviceOfferings.get(plan.offeringGuid()).orElse(null);
            if (instance.managed() && offering == null) {
                continue;
            }
            String label = offering == null ? ServiceInstance.USER_PROVIDED : offering.name();
            ObjectNode entry = services.withArray(label).addObject();
            entry.put("label", label);
            if (offering != null) {
                entry.putNull("provider");
                entry.put("plan", plan.name());
            }
            entry.put("name", binding.name() != null && !binding.name().isEmpty() ? binding.name() : instance.name());
            ArrayNode tags = entry.putArray("tags");
            if (offering != null) {
                offering.tags().forEach(tags::add);
            }
            instance.tags().forEach(tags::add);
            entry.put("instance_guid", instance.guid());
            entry.put("instance_name", instance.name());
            entry.put("binding_guid", binding.guid());
            entry.put("binding_name", binding.name());
            entry.set("credentials", offering != null && faults.managedCredentialsLeftOutOfVcapServices()
                    ? JsonWriter.object() : binding.credentials());
            entry.put("syslog_drain_url", binding.syslogDrainUrl());
            entry.putArray("volume_mounts");
        }
        return services;
    }

    List<String> uris(String appGuid) {
        return store.routes.where(route -> route.appGuids().contains(appGuid)).stream().map(store::uri).toList();
    }

    /**
     * The fields VarsBuilder writes first. {@code limits} is a placeholder: putting it again replaces
     * the value in place (ObjectNode is a LinkedHashMap), so it keeps CC's position.
     */
    private ObjectNode common(App app, AppProcess process) {
        Space space = store.spaces.get(app.spaceGuid()).orElse(null);
        Organization org = space == null ? null : store.organizations.get(space.organizationGuid()).orElse(null);
        ArrayNode uris = JsonWriter.object().arrayNode();
        uris(app.guid()).forEach(uris::add);
        ObjectNode vcap = JsonWriter.object();
        vcap.put("cf_api", urls.url());
        vcap.putObject("limits");
        vcap.put("application_name", app.name());
        vcap.set("application_uris", uris);
        vcap.put("name", app.name());
        vcap.put("space_name", space == null ? null : space.name());
        vcap.put("space_id", app.spaceGuid());
        vcap.put("organization_id", org == null ? null : org.guid());
        vcap.put("organization_name", org == null ? null : org.name());
        vcap.set("uris", uris.deepCopy());
        return vcap;
    }
}
