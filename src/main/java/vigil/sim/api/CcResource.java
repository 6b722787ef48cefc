package vigil.sim.api;

import java.time.Instant;

/** What every stored CC resource has, so lists can filter by guid and labels and order by time. */
interface CcResource {
    String guid();

    Instant createdAt();

    Instant updatedAt();

    Metadata metadata();
}
