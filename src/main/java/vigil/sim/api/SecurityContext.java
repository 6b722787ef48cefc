package vigil.sim.api;

import java.util.Optional;

/**
 * The outcome of reading a request's {@code Authorization} header, established for every request
 * as CC's middleware does; endpoints that need a user call {@link #requireCaller()}. CC tells a
 * missing token (NotAuthenticated) from a bad one (InvalidAuthToken).
 */
final class SecurityContext {

    private enum State { MISSING, INVALID, VALID }

    private static final SecurityContext MISSING = new SecurityContext(State.MISSING, null);
    private static final SecurityContext INVALID = new SecurityContext(State.INVALID, null);

    private final State state;
    private final Caller caller;

    private SecurityContext(State state, Caller caller) {
        this.state = state;
        this.caller = caller;
    }

    static SecurityContext missing() {
        return MISSING;
    }

    static SecurityContext invalid() {
        return INVALID;
    }

    static SecurityContext valid(Caller caller) {
        return new SecurityContext(State.VALID, caller);
    }

    Optional<Caller> caller() {
        return Optional.ofNullable(caller);
    }

    Caller requireCaller() {
        return switch (state) {
            case VALID -> caller;
            case MISSING -> throw CcError.NOT_AUTHENTICATED.raise();
            case INVALID -> throw CcError.INVALID_AUTH_TOKEN.raise();
        };
    }

    /** For GET and HEAD endpoints: an authenticated caller that may read. */
    Caller requireReader() {
        Caller reader = requireCaller();
        if (!reader.canRead()) {
            throw CcError.NOT_AUTHORIZED.raise();
        }
        return reader;
    }

    /**
     * For endpoints that change something: CC requires the write scope (or admin) before it looks at
     * roles; a token that can only read gets 403 NotAuthorized.
     */
    Caller requireWriter() {
        Caller writer = requireCaller();
        if (!writer.canWrite()) {
            throw CcError.NOT_AUTHORIZED.raise();
        }
        return writer;
    }
}
