package vigil.sim.cells;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What a shell opened in a running instance's container needs (Diego's SSH daemon runs inside the container):
 * the instance's working directory, the environment its process was started with, and the port its app listens on.
 *
 * @param environment exactly what the instance process got: the app's environment plus {@code CF_INSTANCE_*},
 *                    {@code PORT}, {@code VCAP_APPLICATION} with the instance's fields, {@code HOME}, {@code PATH}
 * @param ended       completes when the instance's process has exited (its container is destroyed then)
 */
public record InstanceAccess(String appGuid, int index, String instanceGuid, Path directory,
                             Map<String, String> environment, int port, CompletableFuture<?> ended) {
    public InstanceAccess {
        environment = Map.copyOf(environment);
    }
}
