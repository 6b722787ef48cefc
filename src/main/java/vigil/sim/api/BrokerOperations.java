package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import vigil.sim.http.JsonWriter;

/**
 * What CC asks of a broker for managed instances and their bindings, run inside CC's jobs: provision with
 * {@code accepts_incomplete=true} and, when the broker answers 202, poll {@code last_operation} with the
 * {@code operation} it gave until {@code succeeded} or {@code failed}; bind and unbind; unbind every binding
 * before deprovisioning. Every broker call carries the offering's and plan's catalog ids. The instance's
 * {@code last_operation} says how each step went, with the broker's description.
 */
final class BrokerOperations {

    /** The sim polls faster than CC's default 60 s so that scenarios stay short; brokers must not care. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    /** CC's default {@code broker_client_max_async_poll_duration_minutes}. */
    private static final Duration MAX_POLLING = Duration.ofDays(7);

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BrokerOperations.class);

    private final CcRepositories store;
    private final BrokerClient client;
    private final CcFaults faults;

    BrokerOperations(CcRepositories store, BrokerClient client, CcFaults faults) {
        this.store = store;
        this.client = client;
        this.faults = faults;
    }

    /** The broker, offering and plan behind a managed instance. */
    record Target(ServiceBroker broker, ServiceOffering offering, ServicePlan plan) {
    }

    Target targetOf(ServiceInstance instance) {
        ServicePlan plan = store.servicePlan(instance.servicePlanGuid());
        ServiceOffering offering = store.serviceOffering(plan.offeringGuid());
        return new Target(store.serviceBroker(offering.brokerGuid()), offering, plan);
    }

    /** Whether the test fault that takes a broker's 202 for a finished provision is on. */
    boolean reportsAsyncProvisionDoneAtOnce() {
        return faults.asyncProvisionReportedDoneAtOnce();
    }

    void provision(ServiceInstance instance, JsonNode parameters) {
        Target target = targetOf(instance);
        ObjectNode body = JsonWriter.object();
        body.put("service_id", target.offering().catalogId());
        body.put("plan_id", target.plan().catalogId());
        body.put("organization_guid", store.organizationGuidOfSpace(instance.spaceGuid()));
        body.put("space_guid", instance.spaceGuid());
        body.set("context", context(instance));
        if (parameters != null && parameters.isObject()) {
            body.set("parameters", parameters);
        }
        String path = "/v2/service_instances/" + instance.guid();
        BrokerReply reply = client.provision(target.broker().endpoint(), instance.guid(), body);
        if (reply.status() / 100 != 2) {
            fail(instance, BrokerClient.badResponse(target.broker().endpoint(), "PUT", path, reply));
        }
        String dashboard = reply.body().path("dashboard_url").asText(null);
        store.serviceInstances.update(instance.guid(), current -> current.withDashboardUrl(dashboard));
        if (reply.accepted() && !faults.asyncProvisionReportedDoneAtOnce()) {
            String operation = reply.body().path("operation").asText(null);
            store.serviceInstances.update(instance.guid(), current -> current.withOperation(
                    current.lastOperation(), operation, store.now()));
            awaitBroker(instance.guid(), target, operation, false);
        } else {
            finish(instance.guid(), LastOperation.SUCCEEDED, reply.description());
        }
    }

    /** Unbinds every binding and route binding of the instance, deprovisions it and forgets it. */
    void deprovision(ServiceInstance instance) {
        Target target = targetOf(instance);
        store.serviceBindings.where(binding -> binding.serviceInstanceGuid().equals(instance.guid()))
                .forEach(binding -> unbind(instance, binding.guid(), true));
        store.routeBindings.where(binding -> binding.serviceInstanceGuid().equals(instance.guid()))
                .forEach(binding -> unbind(instance, binding.guid(), false));
        BrokerReply reply = client.deprovision(target.broker().endpoint(), instance.guid(),
                target.offering().catalogId(), target.plan().catalogId());
        if (reply.status() != 410 && reply.status() / 100 != 2) {
            fail(instance, BrokerClient.badResponse(target.broker().endpoint(), "DELETE",
                    "/v2/service_instances/" + instance.guid(), reply));
        }
        if (reply.accepted()) {
            awaitBroker(instance.guid(), target, reply.body().path("operation").asText(null), true);
        }
        store.serviceInstances.remove(instance.guid());
        // A binding asked for while the instance was being deprovisioned goes with it, as CC's cascade does.
        store.serviceBindings.where(binding -> binding.serviceInstanceGuid().equals(instance.guid()))
                .forEach(binding -> store.serviceBindings.remove(binding.guid()));
    }

    /**
     * Asks the broker for a binding; returns its answer ({@code credentials}, {@code syslog_drain_url},
     * {@code route_service_url}).
     *
     * @param bindResource {@code {"app_guid": ...}} or {@code {"route": ...}}; empty for a key
     */
    JsonNode bind(ServiceInstance instance, String bindingGuid, String appGuid, ObjectNode bindResource,
                  JsonNode parameters) {
        Target target = targetOf(instance);
        ObjectNode body = JsonWriter.object();
        body.put("service_id", target.offering().catalogId());
        body.put("plan_id", target.plan().catalogId());
        if (appGuid != null) {
            body.put("app_guid", appGuid);
        }
        body.set("bind_resource", bindResource);
        body.set("context", context(instance));
        if (parameters != null && parameters.isObject()) {
            body.set("parameters", parameters);
        }
        BrokerReply reply = client.bind(target.broker().endpoint(), instance.guid(), bindingGuid, body);
        BrokerClient.requireSuccess(target.broker().endpoint(), "PUT",
                "/v2/service_instances/" + instance.guid() + "/service_bindings/" + bindingGuid, reply);
        return reply.body();
    }

    /** Unbinds at the broker (410 Gone counts as unbound) and forgets the binding. */
    void unbind(ServiceInstance instance, String bindingGuid, boolean credentialBinding) {
        Target target = targetOf(instance);
        BrokerReply reply = faults.unbindWithoutCatalogIds()
                ? client.unbind(target.broker().endpoint(), instance.guid(), bindingGuid, null, null)
                : client.unbind(target.broker().endpoint(), instance.guid(), bindingGuid,
                        target.offering().catalogId(), target.plan().catalogId());
        if (reply.status() != 410 && reply.status() / 100 != 2) {
            throw BrokerClient.badResponse(target.broker().endpoint(), "DELETE",
                    "/v2/service_instances/" + instance.guid() + "/service_bindings/" + bindingGuid, reply);
        }
        if (credentialBinding) {
            store.serviceBindings.remove(bindingGuid);
        } else {
            store.routeBindings.remove(bindingGuid);
        }
    }

    /**
     * What a space's deletion does to services, first: its managed instances are deprovisioned (bindings
     * first), instances shared into it are unshared, and its space-scoped brokers go with their offerings.
     * A broker that fails here is logged and its instance forgotten anyway (a real CC would fail the delete and
     * keep it); the sim must let a run's cleanup finish.
     */
    void removeFromSpace(String spaceGuid) {
        for (ServiceInstance instance : store.serviceInstances.where(i -> i.managed() && i.spaceGuid().equals(spaceGuid))) {
            try {
                deprovision(instance);
            } catch (ApiError e) {
                LOG.warn("deprovisioning {} while deleting its space failed: {}", instance.guid(), e.getMessage());
                store.serviceBindings.where(b -> b.serviceInstanceGuid().equals(instance.guid()))
                        .forEach(b -> store.serviceBindings.remove(b.guid()));
                store.serviceInstances.remove(instance.guid());
            }
        }
        store.serviceInstances.where(i -> i.sharedSpaceGuids().contains(spaceGuid)).forEach(instance ->
                store.serviceInstances.update(instance.guid(), current -> current.unsharedFrom(spaceGuid, store.now())));
        store.routeBindings.where(b -> store.routes.get(b.routeGuid()).map(Route::spaceGuid).filter(spaceGuid::equals)
                .isPresent()).forEach(b -> store.routeBindings.remove(b.guid()));
        BrokerCatalog catalog = new BrokerCatalog(store);
        store.serviceBrokers.where(broker -> spaceGuid.equals(broker.spaceGuid())).forEach(broker -> {
            catalog.removeFor(broker.guid());
            store.serviceBrokers.remove(broker.guid());
        });
    }

    /** What an app's deletion does to its bindings to managed instances: unbound at the broker (best effort). */
    void unbindApp(String appGuid) {
        for (ServiceCredentialBinding binding : store.serviceBindings.where(b -> b.forApp(appGuid))) {
            store.serviceInstances.get(binding.serviceInstanceGuid()).filter(ServiceInstance::managed).ifPresent(instance -> {
                try {
                    unbind(instance, binding.guid(), true);
                } catch (ApiError e) {
                    LOG.warn("unbinding {} while deleting its app failed: {}", binding.guid(), e.getMessage());
                }
            });
        }
    }

    /** CC's {@code context} object for the platform {@code cloudfoundry}. */
    private ObjectNode context(ServiceInstance instance) {
        ObjectNode context = JsonWriter.object();
        Space space = store.spaces.get(instance.spaceGuid()).orElse(null);
        String orgGuid = store.organizationGuidOfSpace(instance.spaceGuid());
        context.put("platform", "cloudfoundry");
        context.put("organization_guid", orgGuid);
        context.put("space_guid", instance.spaceGuid());
        context.put("instance_name", instance.name());
        context.put("organization_name", store.organizations.get(orgGuid == null ? "" : orgGuid)
                .map(Organization::name).orElse(null));
        context.put("space_name", space == null ? null : space.name());
        return context;
    }

    /** Polls {@code last_operation} until the broker says the operation ended; a failed one fails the job. */
    private void awaitBroker(String instanceGuid, Target target, String operation, boolean deleting) {
        Instant deadline = store.clock().instant().plus(MAX_POLLING);
        while (store.clock().instant().isBefore(deadline)) {
            sleep();
            ServiceInstance instance = store.serviceInstance(instanceGuid);
            BrokerReply reply = client.lastOperation(target.broker().endpoint(), instanceGuid,
                    target.offering().catalogId(), target.plan().catalogId(), operation);
            if (reply.status() == 410 && deleting) {
                return;
            }
            if (reply.status() != 200) {
                fail(instance, BrokerClient.badResponse(target.broker().endpoint(), "GET",
                        "/v2/service_instances/" + instanceGuid + "/last_operation", reply));
            }
            String state = reply.body().path("state").asText("");
            if (LastOperation.SUCCEEDED.equals(state)) {
                if (!deleting) {
                    finish(instanceGuid, LastOperation.SUCCEEDED, reply.description());
                }
                return;
            }
            if (LastOperation.FAILED.equals(state)) {
                fail(instance, CcError.unprocessable(reply.description() == null
                        ? "The service broker reported that the operation failed" : reply.description()));
            }
            store.serviceInstances.update(instanceGuid, current -> current.withOperation(current.lastOperation()
                    .finished(LastOperation.IN_PROGRESS, reply.description(), store.now()), operation, store.now()));
        }
        fail(store.serviceInstance(instanceGuid), CcError.unprocessable("Service Broker failed to "
                + (deleting ? "deprovision" : "provision") + " within the required time."));
    }

    private void finish(String instanceGuid, String state, String description) {
        store.serviceInstances.update(instanceGuid, current -> current.withOperation(
                current.lastOperation().finished(state, description, store.now()), null, store.now()));
    }

    /** Records the failure on the instance's last operation, then fails the job with the same error. */
    private void fail(ServiceInstance instance, ApiError error) {
        String description = faults.brokerErrorDescriptionDropped() ? null : error.detail();
        finish(instance.guid(), LastOperation.FAILED, description);
        throw error;
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CcError.UNKNOWN_ERROR.raise();
        }
    }
}
