package vigil.sim.api;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one non-admin user's roles let them see and do, read from the roles at the time of the
 * request (so a deleted role takes effect at once). CC's rules, simplified to what the sim serves:
 * a space is visible to its members and to its organization's managers; an organization to anyone
 * with a role in it or in one of its spaces; space developers change what is in their space.
 */
final class Access {

    private final String userGuid;
    private final CcRepositories store;
    private final Map<String, Set<String>> spaceRoles = new HashMap<>();
    private final Map<String, Set<String>> organizationRoles = new HashMap<>();
    /** Organizations in which the user has any role, directly or through a space. */
    private final Set<String> memberOrganizations = new HashSet<>();

    private Access(String userGuid, CcRepositories store) {
        this.userGuid = userGuid;
        this.store = store;
        for (Role role : store.roles.where(role -> role.userGuid().equals(userGuid))) {
            if (role.forSpace()) {
                spaceRoles.computeIfAbsent(role.spaceGuid(), guid -> new HashSet<>()).add(role.type());
                String org = store.organizationGuidOfSpace(role.spaceGuid());
                if (org != null) {
                    memberOrganizations.add(org);
                }
            } else {
                organizationRoles.computeIfAbsent(role.organizationGuid(), guid -> new HashSet<>()).add(role.type());
                memberOrganizations.add(role.organizationGuid());
            }
        }
    }

    static Access of(String userGuid, CcRepositories store) {
        return new Access(userGuid, store);
    }

    boolean canSee(ResourceScope scope) {
        if (scope.global()) {
            return true;
        }
        if (scope.inSpace()) {
            return spaceRoles.containsKey(scope.spaceGuid()) || isOrganizationManager(scope.organizationGuid());
        }
        return memberOrganizations.contains(scope.organizationGuid());
    }

    boolean isSpaceDeveloper(ResourceScope scope) {
        return scope.inSpace() && spaceRoles.getOrDefault(scope.spaceGuid(), Set.of()).contains(Role.SPACE_DEVELOPER);
    }

    boolean isSpaceManager(ResourceScope scope) {
        return scope.inSpace() && spaceRoles.getOrDefault(scope.spaceGuid(), Set.of()).contains(Role.SPACE_MANAGER);
    }

    boolean isOrganizationManager(String organizationGuid) {
        return organizationGuid != null
                && organizationRoles.getOrDefault(organizationGuid, Set.of()).contains(Role.ORGANIZATION_MANAGER);
    }

    /** CC shows a user yourself and the users who have a role in an organization you belong to. */
    boolean canSeeUser(String otherUserGuid) {
        return otherUserGuid.equals(userGuid) || store.roles.any(role -> role.userGuid().equals(otherUserGuid)
                && memberOrganizations.contains(role.forSpace()
                        ? store.organizationGuidOfSpace(role.spaceGuid()) : role.organizationGuid()));
    }
}
