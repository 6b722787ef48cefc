package vigil.launch;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import java.nio.file.Path;

/**
 * Points Allure at this run's results folder. Allure keeps one lifecycle per JVM and otherwise reads its
 * folder once from allure.properties; setting it per run keeps runs in one JVM (tests) apart.
 */
final class AllureResults {
    private AllureResults() {
    }

    static void writeTo(Path resultsDir) {
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(resultsDir)));
    }
}
