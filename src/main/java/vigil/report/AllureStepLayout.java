package vigil.report;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.listener.FixtureLifecycleListener;
import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.FixtureResult;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.WithAttachments;
import io.qameta.allure.model.WithSteps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Keeps each step of the Allure report readable: steps recorded with {@link #groupedStep} (e.g. one per CF call,
 * its request and response attached) are gathered under one sub-step per group, {@code CF API calls (70)}, instead
 * of a step holding a hundred and more attachments; and a step's images (availability timelines) come first among
 * its attachments. Allure shows a step's sub-steps before its attachments, so a step's timeline follows one line.
 *
 * <p>Registered with Allure through {@code META-INF/services}; the layout is applied just before a result is written.
 */
public final class AllureStepLayout implements TestLifecycleListener, FixtureLifecycleListener {
    /** A hidden parameter that names a step's group; removed when the step is put into its group. */
    private static final String GROUP = "vigil.group";

    /**
     * Runs {@code body} (which attaches to Allure) inside a step of its own named {@code name}, to be gathered
     * with the other steps of {@code group}. Does nothing but run {@code body} when no scenario is being recorded.
     */
    public static void groupedStep(String group, String name, Runnable body) {
        AllureLifecycle lifecycle = Allure.getLifecycle();
        if (lifecycle.getCurrentTestCaseOrStep().isEmpty()) {
            body.run();
            return;
        }
        String uuid = UUID.randomUUID().toString();
        List<Parameter> marker = new ArrayList<>(List.of(new Parameter().setName(GROUP).setValue(group)
                .setMode(Parameter.Mode.HIDDEN)));
        lifecycle.startStep(uuid, new StepResult().setName(name).setStatus(Status.PASSED).setParameters(marker));
        try {
            body.run();
        } finally {
            lifecycle.stopStep(uuid);
        }
    }

    @Override
    public void beforeTestWrite(TestResult result) {
        layOut(result);
    }

    @Override
    public void beforeFixtureStop(FixtureResult result) {
        layOut(result);
    }

    /** Gathers grouped sub-steps, depth first, and puts images first among each step's attachments. */
    static void layOut(Object item) {
        if (item instanceof WithAttachments withAttachments && withAttachments.getAttachments() != null) {
            // A stable sort: the images keep their order, and so does the rest.
            withAttachments.getAttachments().sort(Comparator.comparing(a -> !isImage(a)));
        }
        if (!(item instanceof WithSteps withSteps) || withSteps.getSteps() == null) {
            return;
        }
        List<StepResult> laidOut = new ArrayList<>();
        Map<String, StepResult> groups = new LinkedHashMap<>();
        for (StepResult step : withSteps.getSteps()) {
            layOut(step);
            String group = groupOf(step);
            if (group == null) {
                laidOut.add(step);
                continue;
            }
            step.getParameters().removeIf(p -> GROUP.equals(p.getName()));
            StepResult holder = groups.computeIfAbsent(group, name -> {
                StepResult created = new StepResult().setName(name).setStatus(Status.PASSED).setStage(Stage.FINISHED)
                        .setStart(step.getStart());
                laidOut.add(created);
                return created;
            });
            holder.getSteps().add(step);
            holder.setStop(step.getStop());
            if (step.getStatus() != null && step.getStatus() != Status.PASSED) {
                holder.setStatus(Status.BROKEN);
            }
        }
        groups.forEach((name, holder) -> holder.setName(name + " (" + holder.getSteps().size() + ")"));
        withSteps.getSteps().clear();
        withSteps.getSteps().addAll(laidOut);
    }

    private static String groupOf(StepResult step) {
        if (step.getParameters() == null) {
            return null;
        }
        return step.getParameters().stream().filter(p -> GROUP.equals(p.getName())).map(Parameter::getValue)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static boolean isImage(Attachment attachment) {
        return attachment.getType() != null && attachment.getType().startsWith("image/");
    }
}
