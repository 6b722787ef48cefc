package vigil.sim.uaa;

import java.util.List;

/** A user of the identity zone; {@code groups} are the scopes the user may be granted. */
record UaaUser(String id, String userName, String password, String email, String origin, List<String> groups) {

    UaaUser {
        groups = List.copyOf(groups);
    }

    /** Never print the password. */
    @Override
    public String toString() {
        return "UaaUser[" + userName + "]";
    }
}
