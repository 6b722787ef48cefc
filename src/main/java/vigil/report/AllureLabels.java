package vigil.report;

import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.TestResult;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Files each scenario in the Allure report under its suite: Suites shows smoke / acceptance / availability, each
 * with its features ({@code parentSuite} = the suite, {@code suite} = the feature; the scenarios are the leaves, so
 * no {@code subSuite}), and Behaviors shows the same as epic / feature / story (the scenario). allure-cucumber7-jvm
 * puts every scenario in a suite named for its feature, so the report had no suite level at all.
 *
 * <p>Registered with Allure through {@code META-INF/services}; it changes only results that carry a suite tag.
 */
public final class AllureLabels implements TestLifecycleListener {
    private static final Set<String> REPLACED = Set.of("parentSuite", "suite", "subSuite", "epic");

    @Override
    public void beforeTestWrite(TestResult result) {
        List<Label> labels = result.getLabels();
        Optional<Suite> suite = labels.stream().filter(l -> "tag".equals(l.getName()) && l.getValue() != null)
                .map(l -> Suite.fromId(l.getValue().startsWith("@") ? l.getValue().substring(1) : l.getValue()))
                .flatMap(Optional::stream).findFirst();
        if (suite.isEmpty()) {
            return;
        }
        Optional<String> feature = value(labels, "feature");
        labels.removeIf(l -> REPLACED.contains(l.getName()));
        labels.add(label("parentSuite", suite.get().id()));
        labels.add(label("epic", suite.get().id()));
        feature.ifPresent(name -> labels.add(label("suite", name)));
        if (value(labels, "story").isEmpty() && result.getName() != null) {
            labels.add(label("story", result.getName()));
        }
    }

    private static Optional<String> value(List<Label> labels, String name) {
        return labels.stream().filter(l -> name.equals(l.getName())).map(Label::getValue).findFirst();
    }

    private static Label label(String name, String value) {
        return new Label().setName(name).setValue(value);
    }
}
