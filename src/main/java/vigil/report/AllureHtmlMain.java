package vigil.report;

import io.qameta.allure.ConfigurationBuilder;
import io.qameta.allure.Extension;
import io.qameta.allure.ReportGenerator;
import io.qameta.allure.core.Configuration;
import io.qameta.allure.ga.GaPlugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of the child JVM that {@link AllureHtmlGenerator} starts:
 * {@code AllureHtmlMain <allure-results dir> <report dir>}. Exits 0 when the report was written: {@code index.html}
 * and the {@code history/} folder that a later run's results take in to show trends.
 */
final class AllureHtmlMain {
    private AllureHtmlMain() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: AllureHtmlMain RESULTS_DIR REPORT_DIR");
            System.exit(2);
        }
        try {
            Configuration defaults = new ConfigurationBuilder().useDefault().build();
            // GaPlugin posts usage statistics to Google Analytics while generating. ALLURE_NO_ANALYTICS
            // turns that off as well; leaving the plugin out keeps it off should the variable get lost.
            List<Extension> extensions = new ArrayList<>(defaults.getExtensions().stream()
                    .filter(e -> !(e instanceof GaPlugin)).toList());
            extensions.add(new AllureHistoryExport(Path.of(args[1])));
            // The Behaviors tab and the trend hint: a plugin of Vigil's own (its script is a file in a folder).
            extensions.addAll(AllureBehaviors.aggregators());
            Path pluginDir = Files.createTempDirectory("vigil-allure-plugin");
            try {
                Configuration offline = new ConfigurationBuilder().fromExtensions(extensions)
                        .fromPlugins(List.of(AllureBehaviors.plugin(pluginDir))).build();
                new ReportGenerator(offline).generateSingleFile(Path.of(args[1]), List.of(Path.of(args[0])));
            } finally {
                FileTrees.deleteRecursively(pluginDir);
            }
        } catch (IOException | RuntimeException e) {
            e.printStackTrace();
            System.err.println("Allure could not generate the report: " + rootCause(e));
            System.exit(1);
        }
        System.exit(0); // the parent waits for the process to end, not for Allure's threads
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
