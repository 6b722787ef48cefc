package vigil.cf;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import vigil.config.Secret;

/**
 * Service instances ({@code /v3/service_instances}, user-provided and managed), credential bindings and keys
 * ({@code /v3/service_credential_bindings}), route bindings ({@code /v3/service_route_bindings}), instance
 * sharing, and the brokers, offerings and plans behind managed instances. Creates and deletes that CC answers
 * with a job are awaited unless the method says otherwise.
 */
public final class Services {
    private final CfClient cf;

    Services(CfClient cf) {
        this.cf = cf;
    }

    /** Creates a user-provided service instance; returns its GUID. */
    public String createUserProvided(String name, String spaceGuid, Map<String, String> credentials) {
        return cf.post("/v3/service_instances", Map.of("type", "user-provided", "name", name,
                "credentials", credentials, "relationships", Map.of("space", Relationship.to(spaceGuid))),
                JsonNode.class).path("guid").asText();
    }

    /**
     * Binds the instance to the app; returns the binding's GUID. A managed instance's binding is made by the broker
     * in a job (202, no body), which is awaited; the binding is then found by app and instance.
     */
    public String bind(String serviceInstanceGuid, String appGuid) {
        CcAnswer answer = cf.send("POST", "/v3/service_credential_bindings", Map.of("type", "app", "relationships", Map.of(
                "service_instance", Relationship.to(serviceInstanceGuid), "app", Relationship.to(appGuid))));
        if (answer.jobLocation().isEmpty()) {
            return answer.body().path("guid").asText();
        }
        awaitJob(answer);
        return onlyGuid("/v3/service_credential_bindings?app_guids=" + appGuid + "&service_instance_guids="
                + serviceInstanceGuid, "binding of app " + appGuid + " to instance " + serviceInstanceGuid);
    }

    // managed services: brokers, offerings, plans, instances, keys, route bindings, sharing (issue 11)

    /**
     * Registers a space-scoped broker; CC answers with a job that fetches the catalog ({@link #await}). The broker
     * exists from now on, whatever the job says, so it can be removed.
     */
    public Pending registerBroker(String name, String url, String username, Secret password, String spaceGuid) {
        CcAnswer answer = cf.send("POST", "/v3/service_brokers", Map.of("name", name, "url", url,
                "authentication", Map.of("type", "basic", "credentials", Map.of("username", username,
                        "password", password.value())),
                "relationships", Map.of("space", Relationship.to(spaceGuid))));
        return new Pending(onlyGuid("/v3/service_brokers?names=" + name, "service broker " + name), answer.jobLocation());
    }

    /** Something CC created at once and finishes in a job; the job may be absent (done at once). */
    public record Pending(String guid, Optional<String> job) {
    }

    /** Awaits the job; a FAILED job raises its error. */
    public void await(Pending pending) {
        pending.job().ifPresent(cf::awaitJob);
    }

    public void deleteBroker(String brokerGuid) {
        cf.sendAndAwaitJob("DELETE", "/v3/service_brokers/" + brokerGuid, null);
    }

    /** The plans of the broker's offerings, as the caller sees them. */
    public List<ServicePlan> plansOfBroker(String brokerGuid) {
        Map<String, String> offeringNames = new HashMap<>();
        cf.list("/v3/service_offerings?service_broker_guids=" + brokerGuid, JsonNode.class)
                .forEach(offering -> offeringNames.put(offering.path("guid").asText(), offering.path("name").asText()));
        List<ServicePlan> plans = new ArrayList<>();
        for (JsonNode plan : cf.list("/v3/service_plans?service_broker_guids=" + brokerGuid, JsonNode.class)) {
            String offering = plan.path("relationships").path("service_offering").path("data").path("guid").asText();
            plans.add(new ServicePlan(plan.path("guid").asText(), plan.path("name").asText(), offering,
                    offeringNames.get(offering), plan.path("visibility_type").asText()));
        }
        return plans;
    }

    /** {@code GET /v3/service_plans/:guid/visibility}. */
    public JsonNode planVisibility(String planGuid) {
        return cf.getJson("/v3/service_plans/" + planGuid + "/visibility");
    }

    /**
     * Asks for a managed instance and returns at once (CC answers 202 with a job); the instance exists from then
     * on, its {@code last_operation} says how provisioning goes.
     */
    public Pending createManaged(String name, String spaceGuid, String planGuid) {
        CcAnswer answer = cf.send("POST", "/v3/service_instances", Map.of("type", "managed", "name", name,
                "relationships", Map.of("space", Relationship.to(spaceGuid), "service_plan", Relationship.to(planGuid))));
        return new Pending(onlyGuid("/v3/service_instances?names=" + name + "&space_guids=" + spaceGuid,
                "service instance " + name), answer.jobLocation());
    }

    public ServiceInstanceState instance(String guid) {
        return ServiceInstanceState.of(cf.getJson("/v3/service_instances/" + guid));
    }

    /** Waits until the instance's last operation is no longer in progress, and returns it as it ended. */
    public ServiceInstanceState awaitOperationEnd(String guid, Duration timeout) {
        AtomicReference<ServiceInstanceState> last = new AtomicReference<>();
        Awaitility.await("the last operation of service instance " + guid + " to end (last seen: " + last + ")")
                .pollInSameThread()
                .pollInterval(cf.timeouts().poll())
                .atMost(timeout)
                .until(() -> {
                    last.set(instance(guid));
                    return !last.get().inProgress();
                });
        return last.get();
    }

    /** Creates a service key and awaits the broker's credentials; returns the key's GUID. */
    public String createKey(String serviceInstanceGuid, String name) {
        CcAnswer answer = cf.send("POST", "/v3/service_credential_bindings", Map.of("type", "key", "name", name,
                "relationships", Map.of("service_instance", Relationship.to(serviceInstanceGuid))));
        awaitJob(answer);
        return answer.jobLocation().isEmpty() ? answer.body().path("guid").asText()
                : onlyGuid("/v3/service_credential_bindings?type=key&names=" + name + "&service_instance_guids="
                        + serviceInstanceGuid, "service key " + name);
    }

    /** The credentials of a binding or key ({@code GET .../details}). */
    public JsonNode credentials(String bindingGuid) {
        return cf.getJson("/v3/service_credential_bindings/" + bindingGuid + "/details").path("credentials");
    }

    /** Whether CC still has the binding or key. */
    public boolean bindingExists(String bindingGuid) {
        return !cf.list("/v3/service_credential_bindings?guids=" + bindingGuid, JsonNode.class).isEmpty();
    }

    /** A user-provided instance whose {@code route_service_url} routes bound routes' traffic; returns its GUID. */
    public String createUserProvidedRouteService(String name, String spaceGuid, String routeServiceUrl) {
        return cf.post("/v3/service_instances", Map.of("type", "user-provided", "name", name,
                "route_service_url", routeServiceUrl, "relationships", Map.of("space", Relationship.to(spaceGuid))),
                JsonNode.class).path("guid").asText();
    }

    /** Binds a route to a route service instance (201 at once, or a job for a managed one); returns the binding. */
    public String bindRoute(String routeGuid, String serviceInstanceGuid) {
        CcAnswer answer = cf.send("POST", "/v3/service_route_bindings", Map.of("relationships", Map.of(
                "route", Relationship.to(routeGuid), "service_instance", Relationship.to(serviceInstanceGuid))));
        if (answer.jobLocation().isEmpty()) {
            return answer.body().path("guid").asText();
        }
        awaitJob(answer);
        return onlyGuid("/v3/service_route_bindings?route_guids=" + routeGuid, "route binding of route " + routeGuid);
    }

    public void unbindRoute(String routeBindingGuid) {
        cf.sendAndAwaitJob("DELETE", "/v3/service_route_bindings/" + routeBindingGuid, null);
    }

    public void share(String serviceInstanceGuid, String spaceGuid) {
        cf.postJson("/v3/service_instances/" + serviceInstanceGuid + "/relationships/shared_spaces",
                Map.of("data", List.of(Map.of("guid", spaceGuid))));
    }

    public void unshare(String serviceInstanceGuid, String spaceGuid) {
        cf.send("DELETE", "/v3/service_instances/" + serviceInstanceGuid + "/relationships/shared_spaces/" + spaceGuid, null);
    }

    /** The GUIDs of the spaces the instance is shared to. */
    public List<String> sharedSpaces(String serviceInstanceGuid) {
        List<String> spaces = new ArrayList<>();
        cf.getJson("/v3/service_instances/" + serviceInstanceGuid + "/relationships/shared_spaces").path("data")
                .forEach(space -> spaces.add(space.path("guid").asText()));
        return spaces;
    }

    /** The names of the instances CC lists in a space (its own and those shared to it). */
    public List<String> instanceNamesInSpace(String spaceGuid) {
        return cf.list("/v3/service_instances?space_guids=" + spaceGuid, JsonNode.class).stream()
                .map(instance -> instance.path("name").asText()).toList();
    }

    private void awaitJob(CcAnswer answer) {
        answer.jobLocation().ifPresent(cf::awaitJob);
    }

    private String onlyGuid(String listPath, String what) {
        List<JsonNode> found = cf.list(listPath, JsonNode.class);
        return Optional.of(found).filter(list -> list.size() == 1).map(list -> list.get(0).path("guid").asText())
                .orElseThrow(() -> new IllegalStateException("expected one " + what + " at " + listPath + ", found "
                        + found.size()));
    }

    public void unbind(String bindingGuid) {
        cf.sendAndAwaitJob("DELETE", "/v3/service_credential_bindings/" + bindingGuid, null);
    }

    public void delete(String serviceInstanceGuid) {
        cf.sendAndAwaitJob("DELETE", "/v3/service_instances/" + serviceInstanceGuid, null);
    }

    /**
     * Creates a user-provided service instance that drains bound apps' logs to {@code syslogDrainUrl}
     * ({@code cf cups NAME -l URL}); returns its GUID.
     */
    public String createSyslogDrain(String name, String spaceGuid, String syslogDrainUrl) {
        return cf.post("/v3/service_instances", Map.of("type", "user-provided", "name", name,
                "syslog_drain_url", syslogDrainUrl, "relationships", Map.of("space", Relationship.to(spaceGuid))),
                JsonNode.class).path("guid").asText();
    }
}
