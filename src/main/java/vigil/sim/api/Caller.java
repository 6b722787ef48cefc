package vigil.sim.api;

import java.util.Set;

/**
 * Who a valid token speaks for: a user ({@code user_id}) or, for client_credentials tokens, the
 * client ({@code client_id}); CC uses either as the user guid. Roles come from the token scopes.
 */
record Caller(String guid, String userName, Set<String> scopes) {

    Caller {
        scopes = Set.copyOf(scopes);
    }

    boolean isAdmin() {
        return scopes.contains("cloud_controller.admin");
    }

    /** CC's check for GET requests: global read roles, or the plain read scope. */
    boolean canRead() {
        return isAdmin()
                || scopes.contains("cloud_controller.admin_read_only")
                || scopes.contains("cloud_controller.global_auditor")
                || scopes.contains("cloud_controller.read");
    }

    /** Admin, or the write scope; the sim has no roles yet, so a writer may change everything. */
    boolean canWrite() {
        return isAdmin() || scopes.contains("cloud_controller.write");
    }
}
