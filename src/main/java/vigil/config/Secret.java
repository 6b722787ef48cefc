package vigil.config;

/**
 * A password or client secret. Its {@code toString()} never shows the value, so a secret that ends up
 * in a log line, a record's {@code toString()} or a report reads {@code [REDACTED]}; code that really
 * needs the value (the UAA token request) calls {@link #reveal()}.
 *
 * <pre>{@code
 * Secret password = config.adminPassword();
 * form.put("password", password.reveal());   // only where the value must leave the process
 * log.info("using {}", password);             // prints "using [REDACTED]"
 * }</pre>
 *
 * @param value the secret text; {@code null} is stored as the empty string (no secret given)
 */
public record Secret(String value) {
    private static final String REDACTED = "[REDACTED]";
    private static final Secret EMPTY = new Secret("");

    public Secret {
        value = value == null ? "" : value;
    }

    /** The secret that stands for "none given", so callers never have to handle {@code null}. */
    public static Secret empty() {
        return EMPTY;
    }

    /** The secret text itself; call it only where the value must be sent somewhere. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return REDACTED;
    }
}
