package vigil.availability;

/**
 * The answer of one check.
 *
 * @param ok       whether the check succeeded
 * @param status   the protocol status (an HTTP status code), or {@code null} when there was no answer
 * @param error    the kind of failure, short and stable so that outages can count them and known-error
 *                 patterns can match them: {@code http_503}, {@code timeout}, {@code connection_refused},
 *                 {@code connection_reset}, ...; {@code null} when {@code ok}
 * @param instance the id of the instance that answered (Vigil's test app sends {@code X-Vigil-Instance}),
 *                 or {@code null} when unknown
 */
public record ProbeOutcome(boolean ok, Integer status, String error, String instance) {
    public ProbeOutcome {
        if (ok && error != null) {
            throw new IllegalArgumentException("a successful outcome has no error, got " + error);
        }
        if (!ok && (error == null || error.isBlank())) {
            throw new IllegalArgumentException("a failed outcome needs an error kind");
        }
    }

    public static ProbeOutcome success(Integer status, String instance) {
        return new ProbeOutcome(true, status, null, instance);
    }

    public static ProbeOutcome failure(Integer status, String error, String instance) {
        return new ProbeOutcome(false, status, error, instance);
    }
}
