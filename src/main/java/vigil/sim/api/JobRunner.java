package vigil.sim.api;

import java.util.List;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs CC's pollable jobs: the job is recorded PROCESSING and the work runs on the background
 * executor, so a client sees PROCESSING first and must poll {@code GET /v3/jobs/:guid} until
 * COMPLETE or FAILED, as against a real CC whose workers pick jobs from a queue.
 */
final class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final CcRepositories store;
    private final ExecutorService executor;
    private final ApiUrlBuilder urls;

    JobRunner(CcRepositories store, ExecutorService executor, ApiUrlBuilder urls) {
        this.store = store;
        this.executor = executor;
        this.urls = urls;
    }

    /**
     * @param operation    CC's name, e.g. {@code app.delete}
     * @param resourceType the job's resource, e.g. {@code app}, linked from the job while it exists
     * @return the job's URL, for the Location header
     */
    String enqueue(String operation, String resourceType, String resourceGuid, Runnable work) {
        Job job = new Job(CcRepositories.newGuid(), operation, Job.PROCESSING, resourceType, resourceGuid, List.of(),
                store.now(), store.now());
        store.jobs.add(job);
        executor.execute(() -> {
            try {
                work.run();
                store.jobs.update(job.guid(), current -> current.finished(Job.COMPLETE, List.of(), store.now()));
            } catch (ApiError e) {
                store.jobs.update(job.guid(), current -> current.finished(Job.FAILED, List.of(e), store.now()));
            } catch (RuntimeException e) {
                LOG.error("job {} ({}) failed", job.guid(), operation, e);
                store.jobs.update(job.guid(), current ->
                        current.finished(Job.FAILED, List.of(CcError.UNKNOWN_ERROR.raise()), store.now()));
            }
        });
        return urls.url("/v3/jobs/" + job.guid());
    }
}
