package vigil.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import vigil.sim.cells.AppRuntime;
import vigil.sim.cells.DesiredTask;
import vigil.sim.cells.TaskCompletion;
import vigil.sim.http.JsonWriter;

/**
 * What CC does with a task once it is valid: records it PENDING with the app's next sequence id, asks the
 * cells to run it and marks it RUNNING (as CC marks it once Diego accepted it), takes the cells' completion
 * as Diego's callback (SUCCEEDED, or FAILED with the reason), and cancels it (CANCELING until the cells
 * report it ended).
 */
final class TaskRunner {

    private final CcRepositories store;
    private final AppRuntime runtime;
    private final AppEnvironment environment;
    private final CcFaults faults;

    TaskRunner(CcRepositories store, AppRuntime runtime, AppEnvironment environment, CcFaults faults) {
        this.faults = faults;
        this.store = store;
        this.runtime = runtime;
        this.environment = environment;
    }

    /** Creates and submits the task; returns it as CC answers the create, normally RUNNING. */
    Task run(App app, Droplet droplet, String name, String command, int memoryMb, int diskMb, long logRateLimit,
             Metadata metadata) {
        Task task;
        // The sequence id and the insert are one step, so that two tasks created at once differ.
        synchronized (this) {
            int sequenceId = store.tasks.where(other -> other.appGuid().equals(app.guid())).stream()
                    .mapToInt(Task::sequenceId).max().orElse(0) + 1;
            task = new Task(CcRepositories.newGuid(), app.guid(), name, command, Task.PENDING, memoryMb, diskMb,
                    logRateLimit, null, droplet.guid(), sequenceId, store.now(), store.now(), metadata);
            store.tasks.add(task);
        }
        DesiredTask desired = new DesiredTask(task.guid(), app.guid(), name, droplet.jar(), command, memoryMb, diskMb,
                environment(app, task));
        try {
            runtime.runTask(desired, this::completed);
        } catch (RuntimeException e) {
            store.tasks.update(task.guid(), current -> current.withState(Task.FAILED,
                    "Unable to request task to be run", store.now()));
            throw e;
        }
        // A quick task may have ended already; its end is not undone.
        return store.tasks.update(task.guid(), current -> Task.PENDING.equals(current.state())
                ? current.withState(Task.RUNNING, null, store.now()) : current).orElseThrow();
    }

    /** Diego's completion callback; a task that ended already keeps its end, as CC refuses a second one. */
    private void completed(TaskCompletion completion) {
        store.tasks.update(completion.taskGuid(), current -> {
            if (current.ended()) {
                return current;
            }
            boolean exitIgnored = faults.taskExitStatusIgnored() && !TaskCompletion.CANCELLED.equals(completion.failureReason());
            return completion.failed() && !exitIgnored ? current.withState(Task.FAILED, completion.failureReason(), store.now())
                    : current.withState(Task.SUCCEEDED, null, store.now());
        });
    }

    /** CANCELING, then the cells stop it; a task that has ended cannot be cancelled (422). */
    Task cancel(Task task) {
        Task canceling = store.tasks.update(task.guid(), current -> {
            if (current.ended()) {
                throw CcError.unprocessable("Task state is " + current.state() + " and therefore cannot be canceled");
            }
            return current.withState(Task.CANCELING, current.failureReason(), store.now());
        }).orElseThrow(() -> CcError.notFound("Task"));
        runtime.cancelTask(task.guid());
        return canceling;
    }

    /** The app's tasks, when it is deleted: running ones are stopped. */
    void deleteFor(String appGuid) {
        for (Task task : store.tasks.where(task -> task.appGuid().equals(appGuid))) {
            if (!task.ended()) {
                runtime.cancelTask(task.guid());
            }
            store.tasks.remove(task.guid());
        }
    }

    /**
     * CC's task environment: what the app's processes get (user variables, {@code VCAP_SERVICES}), with
     * {@code VCAP_APPLICATION} built for the app rather than a process (task memory and disk as its limits,
     * a fresh version) and the task's {@code MEMORY_LIMIT}.
     */
    private Map<String, String> environment(App app, Task task) {
        Map<String, String> env = new LinkedHashMap<>();
        store.processOf(app.guid(), AppProcess.WEB).ifPresent(web -> env.putAll(environment.runningEnv(app, web)));
        ObjectNode vcap = environment.applicationEnv(app);
        ((ObjectNode) vcap.get("limits")).put("mem", task.memoryMb()).put("disk", AppsEndpoint.DEFAULT_DISK_MB);
        String version = CcRepositories.newGuid();
        vcap.put("version", version);
        vcap.put("application_version", version);
        env.put("VCAP_APPLICATION", new String(JsonWriter.write(vcap), StandardCharsets.UTF_8));
        env.put("MEMORY_LIMIT", task.memoryMb() + "m");
        env.putIfAbsent("VCAP_SERVICES", "{}");
        return env;
    }
}
