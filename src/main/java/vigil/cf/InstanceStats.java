package vigil.cf;

/**
 * One instance of a process as {@code GET /v3/processes/:guid/stats} reports it.
 *
 * @param state   STARTING, RUNNING, CRASHED or DOWN
 * @param details  why it is not running, when CF says
 * @param routable whether the router sends it requests (false while its readiness check fails)
 */
public record InstanceStats(int index, String state, String instanceGuid, String host, long uptime, String details,
                            boolean routable) {
}
