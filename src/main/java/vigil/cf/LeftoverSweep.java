package vigil.cf;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds (and removes) what earlier runs left behind: orgs, spaces, apps and routes whose names carry
 * Vigil's pattern {@code <prefix>-<runid>-<kind>[-n]} and that are older than a given age. Orgs go first,
 * taking everything inside with them; then leftovers in other orgs (runs in an existing org).
 */
public final class LeftoverSweep {
    /** One thing found; {@code kind} is organization, space, app or route. */
    public record Leftover(String kind, String guid, String name, Instant createdAt) {
    }

    private final CfClient cf;
    private final String prefix;

    public LeftoverSweep(CfClient cf, String prefix) {
        this.cf = cf;
        this.prefix = prefix;
    }

    /** Everything matching, older than {@code minAge} at {@code now}. */
    public List<Leftover> find(Duration minAge, Instant now) {
        Instant cutoff = now.minus(minAge);
        List<Leftover> found = new ArrayList<>();
        for (Organization org : cf.organizations().list()) {
            if (matches(org.name(), org.createdAt(), cutoff)) {
                found.add(new Leftover("organization", org.guid(), org.name(), Instant.parse(org.createdAt())));
            }
        }
        for (Space space : cf.spaces().list()) {
            if (matches(space.name(), space.createdAt(), cutoff)) {
                found.add(new Leftover("space", space.guid(), space.name(), Instant.parse(space.createdAt())));
            }
        }
        for (App app : cf.apps().list()) {
            if (matches(app.name(), app.createdAt(), cutoff)) {
                found.add(new Leftover("app", app.guid(), app.name(), Instant.parse(app.createdAt())));
            }
        }
        for (Route route : cf.routes().list()) {
            if (matches(route.host(), route.createdAt(), cutoff)) {
                found.add(new Leftover("route", route.guid(), route.url(), Instant.parse(route.createdAt())));
            }
        }
        return found;
    }

    /**
     * Removes what {@link #find} returned, orgs first; a thing already gone with its org is skipped.
     * Reports each removal (or failure) to {@code say}.
     */
    public int remove(List<Leftover> leftovers, Consumer<String> say) {
        int removed = 0;
        for (String kind : List.of("organization", "space", "app", "route")) {
            for (Leftover leftover : leftovers) {
                if (!leftover.kind().equals(kind)) {
                    continue;
                }
                try {
                    switch (kind) {
                        case "organization" -> cf.organizations().delete(leftover.guid());
                        case "space" -> cf.spaces().delete(leftover.guid());
                        case "app" -> cf.apps().delete(leftover.guid());
                        default -> cf.routes().delete(leftover.guid());
                    }
                    removed++;
                    say.accept("removed " + kind + " " + leftover.name() + " (created " + leftover.createdAt() + ")");
                } catch (CfApiException e) {
                    if (e.status() == 404) {
                        removed++;
                        say.accept("removed " + kind + " " + leftover.name() + " (with its org or space)");
                    } else {
                        say.accept("could not remove " + kind + " " + leftover.name() + ": " + e.getMessage());
                    }
                }
            }
        }
        return removed;
    }

    private boolean matches(String name, String createdAt, Instant cutoff) {
        return name != null && ResourceNames.madeByVigil(name, prefix) && createdAt != null
                && Instant.parse(createdAt).isBefore(cutoff);
    }
}
