package vigil.sim.admin;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The faults the embedded CF can inject, by the names the command line and the admin API use. */
public enum FaultKind {
    /** A cell dies: its instances are killed and rescheduled on other cells; it comes back when the fault ends. */
    KILL_CELL,
    /** The Cloud Controller answers 503 to every CF API request. */
    API_OUTAGE,
    /** The Cloud Controller answers every CF API request late. */
    SLOW_API,
    /** The router fails a share of routed requests with 502 endpoint_failure. */
    ROUTER_ERRORS,
    /**
     * The Cloud Controller has bursts, every 30 s: of 503s, of 429s with Retry-After, of late answers
     * (see {@link BurstCycle}), quiet in between.
     */
    API_BURSTS;

    /** {@code kill-cell}, {@code api-outage}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<FaultKind> of(String label) {
        return Arrays.stream(values()).filter(kind -> kind.label().equals(label)).findFirst();
    }

    /** "kill-cell, api-outage, slow-api, router-errors, api-bursts", for messages that list the choices. */
    public static String labels() {
        return Arrays.stream(values()).map(FaultKind::label).collect(Collectors.joining(", "));
    }
}
