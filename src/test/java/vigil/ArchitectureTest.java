package vigil;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of DESIGN.md: data flows cli -> config -> launch -> steps -> cf -> report; sim apart. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vigil");
    }

    @Test
    void onlyTheCliReachesTheEmbeddedCf() {
        noClasses().that().resideOutsideOfPackages("vigil.cli..", "vigil.sim..")
                .should().dependOnClassesThat().resideInAPackage("vigil.sim..")
                .because("the harness reaches the embedded CF over HTTP exactly as it reaches a real CF")
                .check(classes);
    }

    @Test
    void theEmbeddedCfDependsOnNoHarnessPackage() {
        noClasses().that().resideInAPackage("vigil.sim..")
                .should().dependOnClassesThat().resideInAnyPackage("vigil.cli..", "vigil.config..", "vigil.launch..",
                        "vigil.steps..", "vigil.cf..", "vigil.availability..", "vigil.report..")
                .because("the embedded CF is a world of its own, as a real CF is")
                .check(classes);
    }

    @Test
    void reportsAndClientDoNotKnowTheSteps() {
        noClasses().that().resideInAnyPackage("vigil.report..", "vigil.cf..")
                .should().dependOnClassesThat().resideInAPackage("vigil.steps..")
                .check(classes);
    }

    @Test
    void dataFlowsOneWay() {
        noClasses().that().resideInAnyPackage("vigil.config..", "vigil.launch..", "vigil.steps..", "vigil.cf..",
                        "vigil.report..")
                .should().dependOnClassesThat().resideInAPackage("vigil.cli..")
                .check(classes);
        noClasses().that().resideInAPackage("vigil.report..")
                .should().dependOnClassesThat().resideInAnyPackage("vigil.launch..", "vigil.cf..", "vigil.config..")
                .check(classes);
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("vigil.(*)..").should().beFreeOfCycles().check(classes);
    }
}
