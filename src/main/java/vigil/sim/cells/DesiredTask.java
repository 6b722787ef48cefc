package vigil.sim.cells;

import java.nio.file.Path;
import java.util.Map;

/**
 * A one-off task CC asks the cells to run (Diego: a desired Task): {@code sh -c command} in a directory
 * of its own where the droplet is {@code app.jar}, so {@code java -jar app.jar} works as a task command.
 *
 * @param taskGuid    the CC task GUID, used to cancel it
 * @param name        the task's name; its output is labelled {@code APP/TASK/<name>}
 * @param droplet     the staged JAR of the droplet the task runs in, or {@code null} for none
 * @param environment the task's environment as CC computes it (user variables, {@code VCAP_APPLICATION},
 *                    {@code VCAP_SERVICES}, {@code MEMORY_LIMIT}); there is no {@code PORT}
 */
public record DesiredTask(String taskGuid, String appGuid, String name, Path droplet, String command, int memoryMb,
                          int diskMb, Map<String, String> environment) {
    public DesiredTask {
        environment = Map.copyOf(environment);
    }
}
