package vigil.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Finds the {@link ResourceScope} of a resource named by its collection in the path ({@code apps},
 * {@code routes}, ...) and its guid. Kinds the sim stores are looked up directly; for a kind nobody
 * registered, the scope is read from the resource's own CC representation ({@code relationships.space},
 * {@code relationships.app}, {@code links.app}, {@code relationships.organization}), so a new endpoint
 * that presents its resources as CC does is covered without further work. {@link #register} is there for
 * kinds whose representation says nothing about where they live.
 */
final class ResourceScopes {

    /** The result of a lookup: found with a scope, not there at all, or there but placed nowhere known. */
    record Lookup(Optional<ResourceScope> scope, boolean exists) {
        static final Lookup MISSING = new Lookup(Optional.empty(), false);
        static final Lookup UNPLACED = new Lookup(Optional.empty(), true);

        static Lookup found(ResourceScope scope) {
            return new Lookup(Optional.of(scope), true);
        }
    }

    private final CcRepositories store;
    private final Function<String, Optional<JsonNode>> representation;
    private final Map<String, Function<String, Optional<ResourceScope>>> byKind = new ConcurrentHashMap<>();

    /**
     * @param representation a resource's JSON by its path ({@code /v3/tasks/GUID}), empty when there is none
     */
    ResourceScopes(CcRepositories store, Function<String, Optional<JsonNode>> representation) {
        this.store = store;
        this.representation = representation;
        register("organizations", guid -> store.organizations.get(guid).map(org -> ResourceScope.organization(org.guid())));
        register("spaces", guid -> store.spaces.get(guid).map(space -> ResourceScope.space(space.organizationGuid(), space.guid())));
        register("apps", guid -> store.apps.get(guid).map(app -> ofSpace(app.spaceGuid())));
        register("packages", guid -> store.packages.get(guid).map(pkg -> ofApp(pkg.appGuid())));
        register("builds", guid -> store.builds.get(guid).map(build -> ofApp(build.appGuid())));
        register("droplets", guid -> store.droplets.get(guid).map(droplet -> ofApp(droplet.appGuid())));
        register("processes", guid -> store.processes.get(guid).map(process -> ofApp(process.appGuid())));
        register("routes", guid -> store.routes.get(guid).map(route -> ofSpace(route.spaceGuid())));
        register("domains", guid -> store.domains.get(guid).map(domain ->
                domain.shared() ? ResourceScope.GLOBAL : ResourceScope.organization(domain.organizationGuid())));
        // A job's guid is its capability: CC shows jobs to the user who started them; the sim to anyone.
        register("jobs", guid -> store.jobs.get(guid).map(job -> ResourceScope.GLOBAL));
        register("roles", guid -> store.roles.get(guid).map(role -> role.forSpace()
                ? ofSpace(role.spaceGuid()) : ResourceScope.organization(role.organizationGuid())));
        // Users belong to no space; who sees which user is Access#canSeeUser's rule.
        register("users", guid -> store.users.get(guid).map(user -> ResourceScope.GLOBAL));
        register("service_instances", guid -> store.serviceInstances.get(guid).map(instance -> ofSpace(instance.spaceGuid())));
        // A key has no app: it lives where its instance does.
        register("service_credential_bindings", guid -> store.serviceBindings.get(guid).map(binding ->
                binding.appGuid() != null ? ofApp(binding.appGuid()) : instanceScope(binding.serviceInstanceGuid())));
        register("service_route_bindings", guid -> store.routeBindings.get(guid).map(binding ->
                store.routes.get(binding.routeGuid()).map(route -> ofSpace(route.spaceGuid()))
                        .orElseGet(() -> instanceScope(binding.serviceInstanceGuid()))));
        // A global broker (and what it offers) is the admins' alone here; a space-scoped one is its space's.
        register("service_brokers", guid -> store.serviceBrokers.get(guid).map(this::brokerScope));
        register("service_offerings", guid -> store.serviceOfferings.get(guid)
                .flatMap(offering -> store.serviceBrokers.get(offering.brokerGuid())).map(this::brokerScope));
        register("service_plans", guid -> store.servicePlans.get(guid)
                .flatMap(plan -> store.serviceOfferings.get(plan.offeringGuid()))
                .flatMap(offering -> store.serviceBrokers.get(offering.brokerGuid())).map(this::brokerScope));
    }

    /** Registers how to place the resources of a kind; replaces the representation-based lookup for it. */
    void register(String kind, Function<String, Optional<ResourceScope>> resolver) {
        byKind.put(kind, resolver);
    }

    Lookup of(String kind, String guid) {
        Function<String, Optional<ResourceScope>> resolver = byKind.get(kind);
        if (resolver != null) {
            return resolver.apply(guid).map(Lookup::found).orElse(Lookup.MISSING);
        }
        return representation.apply("/v3/" + kind + "/" + guid)
                .map(json -> fromRepresentation(json).map(Lookup::found).orElse(Lookup.UNPLACED))
                .orElse(Lookup.MISSING);
    }

    /** For a listed resource, whose representation is at hand already. */
    Lookup ofListed(String kind, JsonNode resource) {
        if (byKind.containsKey(kind)) {
            return of(kind, resource.path("guid").asText(""));
        }
        return fromRepresentation(resource).map(Lookup::found).orElse(Lookup.UNPLACED);
    }

    Optional<ResourceScope> fromRepresentation(JsonNode resource) {
        JsonNode relationships = resource.path("relationships");
        String space = relationships.path("space").path("data").path("guid").asText(null);
        if (space != null) {
            return Optional.of(ofSpace(space));
        }
        String app = relationships.path("app").path("data").path("guid").asText(null);
        if (app == null) {
            String appLink = resource.path("links").path("app").path("href").asText("");
            app = appLink.contains("/v3/apps/") ? appLink.substring(appLink.lastIndexOf('/') + 1) : null;
        }
        if (app != null) {
            return Optional.of(ofApp(app));
        }
        String org = relationships.path("organization").path("data").path("guid").asText(null);
        return Optional.ofNullable(org).map(ResourceScope::organization);
    }

    /**
     * The spaces a resource is shared into besides its own: a service instance's shared spaces, whose users
     * may read it and bind their apps to it (CC's can_read_service_instance?), but not change it.
     */
    List<ResourceScope> sharedInto(String kind, String guid) {
        if (!"service_instances".equals(kind)) {
            return List.of();
        }
        return store.serviceInstances.get(guid).map(instance -> instance.sharedSpaceGuids().stream()
                .map(this::ofSpace).toList()).orElse(List.of());
    }

    ResourceScope ofSpace(String spaceGuid) {
        return ResourceScope.space(store.organizationGuidOfSpace(spaceGuid), spaceGuid);
    }

    private ResourceScope instanceScope(String instanceGuid) {
        return store.serviceInstances.get(instanceGuid).map(instance -> ofSpace(instance.spaceGuid()))
                .orElse(ResourceScope.space(null, "deleted-instance-" + instanceGuid));
    }

    private ResourceScope brokerScope(ServiceBroker broker) {
        return broker.spaceGuid() != null ? ofSpace(broker.spaceGuid()) : ResourceScope.space(null, "global-broker");
    }

    private ResourceScope ofApp(String appGuid) {
        String space = store.spaceGuidOfApp(appGuid);
        // An app that is gone places its leftovers nowhere anyone but an admin can see.
        return space == null ? ResourceScope.space(null, "deleted-app-" + appGuid) : ofSpace(space);
    }
}
