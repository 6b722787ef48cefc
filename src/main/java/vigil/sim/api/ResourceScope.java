package vigil.sim.api;

/**
 * Where a resource lives, which decides who may see and change it: a space (and its organization),
 * an organization, or everywhere (a shared domain, a job).
 */
record ResourceScope(String organizationGuid, String spaceGuid) {

    static final ResourceScope GLOBAL = new ResourceScope(null, null);

    static ResourceScope organization(String guid) {
        return new ResourceScope(guid, null);
    }

    static ResourceScope space(String organizationGuid, String spaceGuid) {
        return new ResourceScope(organizationGuid, spaceGuid);
    }

    boolean global() {
        return organizationGuid == null && spaceGuid == null;
    }

    boolean inSpace() {
        return spaceGuid != null;
    }
}
