package vigil.availability;

/**
 * Names of the series issue 15 adds beside a run's probes: an HTTP probe {@code NAME} is also measured over a fresh
 * connection per check as {@code NAME-new-conn}, and the control probe is {@code vigil-control[-N]}.
 *
 * <p>Rate budget: the fresh-connection series runs at the probe's own rate, on its own schedule, so an HTTP probe
 * sends twice the requests it did (app-http at 10 Hz: 20 requests a second, 10 of them on new connections). Halving
 * each series' rate instead would halve how finely either one measures an outage; the target and Vigil both carry
 * 10 extra connections a second easily, and {@code availability.new_connections: false} turns the series off.
 */
public final class NewConnectionSeries {
    /** Appended to an HTTP probe's name for its fresh-connection series. */
    public static final String SUFFIX = "-new-conn";
    /** The control probe's name, before its measurement's number. */
    public static final String CONTROL_PREFIX = "vigil-control-";

    private NewConnectionSeries() {
    }

    /** {@code app-http-1} -> {@code app-http-1-new-conn}. */
    public static String name(String probe) {
        return probe + SUFFIX;
    }
}
