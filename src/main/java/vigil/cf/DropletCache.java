package vigil.cf;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Droplets already staged in this run, by the key of their bits, so a run stages each set of bits once
 * and copies the droplet ({@code POST /v3/droplets?source_guid=}) for every other push. CC deletes an
 * app's droplets with the app, so each cached droplet is a copy held by an app that is never started and
 * lives as long as the run ({@code holderAppGuid}).
 */
public final class DropletCache {
    private final String holderAppGuid;
    private final Map<String, CompletableFuture<String>> dropletsByBits = new ConcurrentHashMap<>();

    public DropletCache(String holderAppGuid) {
        this.holderAppGuid = holderAppGuid;
    }

    String holderAppGuid() {
        return holderAppGuid;
    }

    /**
     * The cached droplet for these bits; the first caller for a key stages (through {@code stage}) while
     * later callers wait for it. A failed staging is not cached, so the next push tries again.
     */
    String droplet(String bitsKey, Supplier<String> stage) {
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> existing = dropletsByBits.putIfAbsent(bitsKey, mine);
        if (existing != null) {
            try {
                return existing.join();
            } catch (CompletionException failed) {
                dropletsByBits.remove(bitsKey, existing);
                return droplet(bitsKey, stage);
            }
        }
        try {
            String droplet = stage.get();
            mine.complete(droplet);
            return droplet;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            dropletsByBits.remove(bitsKey, mine);
            throw e;
        }
    }
}
