package vigil.sim.api;

import java.time.Instant;
import java.util.List;

/**
 * A user's role in an organization or a space (CC's role types). Roles have no metadata in CC.
 *
 * @param organizationGuid set for organization roles only
 * @param spaceGuid        set for space roles only
 */
record Role(String guid, String type, String userGuid, String organizationGuid, String spaceGuid, Instant createdAt,
            Instant updatedAt) implements CcResource {

    static final String ORGANIZATION_USER = "organization_user";
    static final String ORGANIZATION_MANAGER = "organization_manager";
    static final String ORGANIZATION_AUDITOR = "organization_auditor";
    static final String ORGANIZATION_BILLING_MANAGER = "organization_billing_manager";
    static final String SPACE_DEVELOPER = "space_developer";
    static final String SPACE_MANAGER = "space_manager";
    static final String SPACE_AUDITOR = "space_auditor";
    static final String SPACE_SUPPORTER = "space_supporter";

    /** In CC's order (RoleTypes::ALL_ROLES), which its validation message lists. */
    static final List<String> ORGANIZATION_TYPES = List.of(ORGANIZATION_AUDITOR, ORGANIZATION_MANAGER,
            ORGANIZATION_BILLING_MANAGER, ORGANIZATION_USER);
    static final List<String> SPACE_TYPES = List.of(SPACE_AUDITOR, SPACE_MANAGER, SPACE_DEVELOPER, SPACE_SUPPORTER);

    boolean forSpace() {
        return spaceGuid != null;
    }

    @Override
    public Metadata metadata() {
        return Metadata.EMPTY;
    }
}
