package vigil.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import vigil.report.AvailabilityResult.Outage;

class TimelinePlotTest {
    private static final Instant T0 = Samples.T0;

    @TempDir
    Path dir;

    @Test
    void timelineIsWellFormedSvgWithOutagesShadedAndTheDeployMarked() throws Exception {
        Timeline timeline = new Timeline(T0);
        for (int i = 0; i < 600; i++) {
            timeline.accept(T0.plusMillis(100L * i), i >= 200 && i < 218, false, 3_000 + i * 10L);
        }
        Outage outage = new Outage(T0.plusSeconds(20), T0.plusMillis(21_800), 1.8, Map.of("http_502", 18L));

        Path file = TimelinePlot.write(dir.resolve("app-http.svg"), new TimelinePlot.Content(
                "app-http: 99.7% <&> \"quoted\"", timeline, T0.plusSeconds(60), List.of(outage), T0.plusSeconds(10),
                T0.plusSeconds(50)));

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document svg = factory.newDocumentBuilder().parse(file.toFile());
        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(count(svg, "//*[local-name()='rect' and @class='outage']")).isEqualTo(1);
        assertThat(count(svg, "//*[local-name()='line' and @class='deploy-start']")).isEqualTo(1);
        assertThat(count(svg, "//*[local-name()='line' and @class='deploy-end']")).isEqualTo(1);
        // The latency line breaks where no check succeeded (second 20).
        assertThat(count(svg, "//*[local-name()='polyline' and @class='latency']")).isEqualTo(2);
        assertThat(count(svg, "//*[local-name()='g' and @class='buckets']/*")).isEqualTo(60);
        assertThat(XPathFactory.newInstance().newXPath()
                .evaluate("//*[local-name()='text' and @class='title']", svg)).isEqualTo("app-http: 99.7% <&> \"quoted\"");
        assertThat(XPathFactory.newInstance().newXPath()
                .evaluate("//*[local-name()='rect' and @class='outage']/*[local-name()='title']", svg))
                .contains("12:00:20Z", "1.8 s", "http_502");
    }

    @Test
    void aRunWithoutSuccessDrawsNoLatencyLine() throws Exception {
        Timeline timeline = new Timeline(T0);
        timeline.accept(T0, true, false, 0);

        Path file = TimelinePlot.write(dir.resolve("down.svg"), new TimelinePlot.Content("down", timeline,
                T0.plusSeconds(1), List.of(), null, null));

        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        assertThat(count(svg, "//*[local-name()='polyline']")).isZero();
        assertThat(count(svg, "//*[local-name()='line' and @class='deploy-start']")).isZero();
    }

    private static int count(Document svg, String xpath) throws Exception {
        return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, svg, XPathConstants.NODESET)).getLength();
    }
}
