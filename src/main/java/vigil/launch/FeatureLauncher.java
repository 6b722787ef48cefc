package vigil.launch;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import vigil.report.ScenarioResult;
import vigil.report.Shard;

/**
 * Runs the selected features on the JUnit Platform with the Cucumber engine, in parallel.
 * Discovery comes first and on its own, so a selection that matches nothing is reported before
 * anything touches the CF.
 */
final class FeatureLauncher implements AutoCloseable {
    /** Where the bundled features sit on the classpath (inside vigil.jar). */
    static final String BUNDLED_FEATURES_PACKAGE = "features";
    private static final String CUCUMBER_ENGINE = "cucumber";

    private final RunPlan plan;
    private final Set<String> excludedGroups;
    private final LauncherSession session = LauncherFactory.openSession();
    private TestPlan testPlan;

    /** @param excludedGroups group tags switched off by the config (CATS {@code include_*}) */
    FeatureLauncher(RunPlan plan, Set<String> excludedGroups) {
        this.plan = plan;
        this.excludedGroups = excludedGroups;
    }

    /**
     * Finds the scenarios the plan selects and, with {@code --shard}, keeps this shard's part of them. Fails
     * when the selection matches nothing; a shard left without scenarios is not an error and returns 0.
     */
    long discover() throws SelectionException {
        DiscoverySelector selector = selector();
        TagExpressionFilter tags = TagSelection.filter(plan.suites(), plan.tags(), excludedGroups);
        testPlan = discover(selector, tags);
        long scenarios = testPlan.countTestIdentifiers(test -> test.isTest());
        if (scenarios == 0) {
            throw new SelectionException("no scenario matches " + describeSelection()
                    + (excludedGroups.isEmpty() ? "" : " (groups switched off by include_* in the config: "
                    + String.join(", ", excludedGroups) + ")")
                    + ": check --suites, --tags and the feature files' tags (@smoke, @acceptance, @availability)");
        }
        if (plan.shard().isPresent()) {
            // The split needs the whole selection, so the shard's part is a second discovery of the same features.
            Shard shard = plan.shard().get();
            Set<String> ids = ShardScenarios.of(testPlan, plan.featuresDir()).uniqueIdsOf(shard);
            testPlan = discover(selector, tags, new ShardFilter(shard, ids));
            return testPlan.countTestIdentifiers(test -> test.isTest());
        }
        return scenarios;
    }

    private TestPlan discover(DiscoverySelector selector, PostDiscoveryFilter... filters) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selector)
                .filters(EngineFilter.includeEngines(CUCUMBER_ENGINE))
                .filters(filters)
                .configurationParameters(CucumberParameters.of(plan.parallel(), plan.reportsDir()))
                .build();
        Launcher launcher = session.getLauncher();
        return launcher.discover(request);
    }

    /** The unique ids of the scenarios {@link #discover()} found. */
    List<String> scenarioIds() {
        return testPlan.getRoots().stream()
                .flatMap(root -> testPlan.getDescendants(root).stream())
                .filter(TestIdentifier::isTest)
                .map(TestIdentifier::getUniqueId)
                .toList();
    }

    /**
     * Runs the scenarios with the given unique ids (feature URI and line) once more, as {@code attempt}, and
     * returns what {@code listener} saw. Cucumber writes this pass's own reports; Allure's results join the
     * first pass's, under the same history id.
     */
    List<ScenarioAttempt> rerun(Set<String> uniqueIds, ScenarioListener listener, int attempt) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(uniqueIds.stream().sorted().map(id -> selectUniqueId(id)).toList())
                .filters(EngineFilter.includeEngines(CUCUMBER_ENGINE))
                .configurationParameters(CucumberParameters.of(plan.parallel(), plan.reportsDir(), attempt))
                .build();
        Launcher launcher = session.getLauncher();
        launcher.execute(launcher.discover(request), listener);
        return listener.attempts();
    }

    List<ScenarioResult> execute(ScenarioListener listener) {
        session.getLauncher().execute(testPlan, listener);
        return listener.results();
    }

    private DiscoverySelector selector() throws SelectionException {
        if (plan.featuresDir().isEmpty()) {
            return selectPackage(BUNDLED_FEATURES_PACKAGE);
        }
        Path dir = plan.featuresDir().get();
        if (!Files.isDirectory(dir)) {
            throw new SelectionException("--features: " + dir.toAbsolutePath() + " is not a directory."
                    + " Give a folder that holds .feature files.");
        }
        return selectDirectory(dir.toFile());
    }

    private String describeSelection() {
        StringBuilder text = new StringBuilder("--suites ");
        text.append(String.join(",", plan.suites().stream().sorted().map(s -> s.id()).toList()));
        plan.tags().ifPresent(tags -> text.append(" --tags '").append(tags).append('\''));
        plan.featuresDir().ifPresent(dir -> text.append(" in ").append(dir.toAbsolutePath()));
        return text.toString();
    }

    @Override
    public void close() {
        session.close();
    }
}
