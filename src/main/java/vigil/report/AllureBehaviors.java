package vigil.report;

import io.qameta.allure.Aggregator2;
import io.qameta.allure.CommonJsonAggregator2;
import io.qameta.allure.PluginConfiguration;
import io.qameta.allure.core.LaunchResults;
import io.qameta.allure.core.Plugin;
import io.qameta.allure.entity.LabelName;
import io.qameta.allure.entity.Statistic;
import io.qameta.allure.entity.TestResult;
import io.qameta.allure.plugin.DefaultPlugin;
import io.qameta.allure.tree.TestResultTree;
import io.qameta.allure.tree.TestResultTreeGroup;
import io.qameta.allure.tree.Tree;
import io.qameta.allure.tree.TreeUtils;
import io.qameta.allure.tree.TreeWidgetData;
import io.qameta.allure.tree.TreeWidgetItem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The Allure report's Behaviors tab and its "Features by stories" widget: the results grouped by their epic
 * (the suite), feature and story (the scenario) labels, which {@link AllureLabels} sets. allure-generator has no
 * behaviors plugin of its own (allure-commandline ships one beside it), so without this the single-file report has
 * no such tab and its address shows "Not found". The page script ({@code allure-plugin/static/index.js}) also tells
 * a reader of an empty trend chart how to get one ({@code --history}).
 */
final class AllureBehaviors {
    static final String ID = "behaviors";
    private static final String SCRIPT = "index.js";
    private static final String FILE = "behaviors.json";
    private static final int WIDGET_ITEMS = 10;

    private AllureBehaviors() {
    }

    /** The plugin that adds the page script; its static files are copied into {@code dir}. */
    static Plugin plugin(Path dir) throws IOException {
        Path script = dir.resolve("static").resolve(SCRIPT);
        Files.createDirectories(script.getParent());
        try (InputStream in = AllureBehaviors.class.getResourceAsStream("allure-plugin/static/" + SCRIPT)) {
            if (in == null) {
                throw new IOException("the Allure plugin script " + SCRIPT + " is missing from the classpath");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        PluginConfiguration config = new PluginConfiguration().setId(ID).setName("Vigil behaviors")
                .setDescription("Results by epic, feature and story; how to get trend charts")
                .setJsFiles(List.of(SCRIPT));
        return new DefaultPlugin(config, List.of(), dir);
    }

    /** What writes {@code data/behaviors.json} (the tab) and {@code widgets/behaviors.json} (the widget). */
    static List<Aggregator2> aggregators() {
        return List.of(new Tab(), new Widget());
    }

    static Tree<TestResult> tree(List<LaunchResults> launches) {
        Tree<TestResult> tree = new TestResultTree(ID,
                result -> TreeUtils.groupByLabels(result, LabelName.EPIC, LabelName.FEATURE, LabelName.STORY));
        launches.stream().map(LaunchResults::getResults).flatMap(Collection::stream)
                .sorted(TestResult.comparingByTimeAsc()).forEach(tree::add);
        return tree;
    }

    private static final class Tab extends CommonJsonAggregator2 {
        Tab() {
            super(FILE);
        }

        @Override
        protected Object getData(List<LaunchResults> launches) {
            return tree(launches);
        }
    }

    private static final class Widget extends CommonJsonAggregator2 {
        Widget() {
            super("widgets", FILE);
        }

        @Override
        protected Object getData(List<LaunchResults> launches) {
            Tree<TestResult> tree = tree(launches);
            List<TreeWidgetItem> items = tree.getChildren().stream()
                    .filter(TestResultTreeGroup.class::isInstance).map(TestResultTreeGroup.class::cast)
                    .map(group -> new TreeWidgetItem().setUid(group.getUid()).setName(group.getName())
                            .setStatistic(TreeUtils.calculateStatisticByLeafs(group)))
                    .sorted(Comparator.comparing(TreeWidgetItem::getStatistic, Statistic.comparator()).reversed())
                    .limit(WIDGET_ITEMS)
                    .toList();
            return new TreeWidgetData().setItems(items).setTotal(tree.getChildren().size());
        }
    }
}
