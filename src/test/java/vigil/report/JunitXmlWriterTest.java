package vigil.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static vigil.report.SampleRuns.FINISHED;
import static vigil.report.SampleRuns.STARTED;
import static vigil.report.SampleRuns.failed;
import static vigil.report.SampleRuns.failedSmokeRun;
import static vigil.report.SampleRuns.passed;

class JunitXmlWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesOneFilePerSelectedSuite() throws Exception {
        List<Path> files = new JunitXmlWriter().write(dir.resolve("junit"), failedSmokeRun());

        assertThat(files).containsExactly(dir.resolve("junit/smoke.xml"), dir.resolve("junit/acceptance.xml"));
        assertThat(dir.resolve("junit/availability.xml")).doesNotExist();
    }

    @Test
    void suiteCarriesCountsTimeAndTimestamp() throws Exception {
        new JunitXmlWriter().write(dir, failedSmokeRun());

        Element smoke = parse(dir.resolve("smoke.xml")).getDocumentElement();
        assertThat(smoke.getTagName()).isEqualTo("testsuite");
        assertThat(smoke.getAttribute("name")).isEqualTo("smoke");
        assertThat(smoke.getAttribute("tests")).isEqualTo("2");
        assertThat(smoke.getAttribute("failures")).isEqualTo("1");
        assertThat(smoke.getAttribute("errors")).isEqualTo("0");
        assertThat(smoke.getAttribute("skipped")).isEqualTo("0");
        assertThat(smoke.getAttribute("time")).isEqualTo("4.600");
        assertThat(smoke.getAttribute("timestamp")).isEqualTo("2025-05-01T10:00:00");

        Element acceptance = parse(dir.resolve("acceptance.xml")).getDocumentElement();
        assertThat(acceptance.getAttribute("tests")).isEqualTo("2");
        assertThat(acceptance.getAttribute("skipped")).isEqualTo("1");
        Element skippedCase = (Element) acceptance.getElementsByTagName("testcase").item(1);
        assertThat(skippedCase.getAttribute("name")).isEqualTo("Run a task");
        assertThat(skippedCase.getElementsByTagName("skipped").getLength()).isEqualTo(1);
    }

    @Test
    void rerunScenariosFollowSurefiresFlakyAndRerunConvention() throws Exception {
        ScenarioResult flaky = new ScenarioResult(Suite.SMOKE, "Platform", "Flaky one", ScenarioStatus.FLAKY,
                Duration.ofSeconds(3), "first failure\ndetail", List.of("second failure"));
        ScenarioResult failed = new ScenarioResult(Suite.SMOKE, "Platform", "Broken one", ScenarioStatus.FAILED,
                Duration.ofSeconds(2), "failed first", List.of("failed again"));
        new JunitXmlWriter().write(dir, new RunReport("r1", STARTED, FINISHED, Set.of(Suite.SMOKE),
                List.of(flaky, failed), Verdict.FAILED, 1, null));

        Element suite = parse(dir.resolve("smoke.xml")).getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        Element flakyCase = (Element) suite.getElementsByTagName("testcase").item(0);
        assertThat(flakyCase.getElementsByTagName("failure").getLength()).isZero();
        NodeList flakyFailures = flakyCase.getElementsByTagName("flakyFailure");
        assertThat(flakyFailures.getLength()).isEqualTo(2);
        assertThat(((Element) flakyFailures.item(0)).getAttribute("message")).isEqualTo("first failure");
        assertThat(((Element) flakyFailures.item(0)).getElementsByTagName("stackTrace").item(0).getTextContent())
                .isEqualTo("first failure\ndetail");
        assertThat(((Element) flakyFailures.item(1)).getAttribute("message")).isEqualTo("second failure");
        Element failedCase = (Element) suite.getElementsByTagName("testcase").item(1);
        assertThat(failedCase.getElementsByTagName("failure").item(0).getTextContent()).isEqualTo("failed first");
        assertThat(((Element) failedCase.getElementsByTagName("rerunFailure").item(0)).getAttribute("message"))
                .isEqualTo("failed again");
    }

    @Test
    void failedCaseHasFirstLineAsMessageAndFullErrorAsText() throws Exception {
        new JunitXmlWriter().write(dir, failedSmokeRun());

        NodeList cases = parse(dir.resolve("smoke.xml")).getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(2);
        Element passedCase = (Element) cases.item(0);
        assertThat(passedCase.getAttribute("classname")).isEqualTo("API");
        assertThat(passedCase.getAttribute("name")).isEqualTo("The API answers");
        assertThat(passedCase.getAttribute("time")).isEqualTo("1.200");
        assertThat(passedCase.getChildNodes().getLength()).isZero();
        Element failure = (Element) ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("expected status 200 but was 502");
        assertThat(failure.getTextContent())
                .isEqualTo("expected status 200 but was 502\n\tat vigil.steps.AppSteps.push(AppSteps.java:42)");
    }

    @Test
    void escapesMarkupAndCharactersXmlForbids() throws Exception {
        String tricky = "<b>Tom & \"Jerry\"</b> 'é' ☃";
        RunReport run = new RunReport("r1", STARTED, FINISHED, Set.of(Suite.SMOKE),
                List.of(passed(Suite.SMOKE, "Feature <&\">", tricky, 10),
                        failed(Suite.SMOKE, "F", "colours", 10, "\u001b[31mred\u001b[0m <&\"> ]]> end\u0000")),
                Verdict.FAILED, 1, null);

        new JunitXmlWriter().write(dir, run);

        assertThat(Files.readString(dir.resolve("smoke.xml"))).startsWith("<?xml version='1.0' encoding='UTF-8'?>");
        NodeList cases = parse(dir.resolve("smoke.xml")).getElementsByTagName("testcase");
        Element first = (Element) cases.item(0);
        assertThat(first.getAttribute("classname")).isEqualTo("Feature <&\">");
        assertThat(first.getAttribute("name")).isEqualTo(tricky);
        Element failure = (Element) ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("\\u001b[31mred\\u001b[0m <&\"> ]]> end\\u0000");
        assertThat(failure.getTextContent()).isEqualTo("\\u001b[31mred\\u001b[0m <&\"> ]]> end\\u0000");
    }

    @Test
    void selectedSuiteWithoutScenariosStillGetsAFile() throws Exception {
        RunReport run = new RunReport("r1", STARTED, FINISHED, Set.of(Suite.AVAILABILITY), List.of(),
                Verdict.PASSED, 0, null);

        new JunitXmlWriter().write(dir, run);

        Element suite = parse(dir.resolve("availability.xml")).getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("0");
        assertThat(suite.getAttribute("time")).isEqualTo("0.000");
    }

    private static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }
}
