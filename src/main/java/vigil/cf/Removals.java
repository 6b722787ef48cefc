package vigil.cf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What a run or a scenario created, as the steps that remove it, newest first. Every step is tried even when one
 * fails; a thing the CF no longer has (404) counts as removed. What could not be removed is returned, each
 * naming the thing and why, never thrown: the caller decides how loud to be.
 */
final class Removals {
    private final Deque<Removal> steps = new ArrayDeque<>();

    private record Removal(String what, Runnable remove) {
    }

    /** @param what the thing, e.g. "organization vigil-abc123-org", for the message when it cannot be removed */
    synchronized void push(String what, Runnable remove) {
        steps.push(new Removal(what, remove));
    }

    /** Runs every step, newest first, each once; returns what could not be removed. */
    synchronized List<String> removeAll() {
        List<String> failures = new ArrayList<>();
        while (!steps.isEmpty()) {
            Removal step = steps.pop();
            try {
                step.remove().run();
            } catch (CfApiException e) {
                if (e.status() != 404) {
                    failures.add(step.what() + ": " + e.getMessage());
                }
            } catch (RuntimeException e) {
                failures.add(step.what() + ": " + e.getMessage());
            }
        }
        return failures;
    }
}
