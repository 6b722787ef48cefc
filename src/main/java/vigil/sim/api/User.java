package vigil.sim.api;

import java.time.Instant;

/**
 * A Cloud Controller user: the guid is the UAA user's (or client's) id. CC asks UAA for the name;
 * the sim asks once, when the user is created, and keeps the answer.
 *
 * @param userName null when UAA does not know the guid (a client, or a user UAA has not got)
 * @param origin   null likewise
 */
record User(String guid, String userName, String origin, Instant createdAt, Instant updatedAt, Metadata metadata)
        implements CcResource {

    /** CC's presentation_name: the user name, or the guid when there is none. */
    String presentationName() {
        return userName != null ? userName : guid;
    }
}
