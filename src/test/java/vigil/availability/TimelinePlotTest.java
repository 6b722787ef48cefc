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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
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

    @Test
    void everyTextEndsInsideThePictureEvenALongTitleAndADeployEndingWithTheWindow() throws Exception {
        Timeline timeline = steady(T0, 60);
        String title = "a".repeat(90) + "-health: 99.31% available, 600 samples (3 outages, longest 1.8 s at 12:03:41Z)";

        Document svg = plot("edge", new TimelinePlot.Content(title, timeline, T0.plusSeconds(60), List.of(),
                T0.plusSeconds(50), T0.plusSeconds(60)));

        List<Element> texts = elements(svg, "//*[local-name()='text']");
        assertThat(texts).hasSizeGreaterThan(10);
        for (Element text : texts) {
            double x = Double.parseDouble(text.getAttribute("x"));
            double size = Double.parseDouble(text.getAttribute("font-size"));
            // An average sans-serif character is at most about 0.6 em wide.
            assertThat(x).as(text.getTextContent()).isGreaterThanOrEqualTo(0);
            assertThat(x + text.getTextContent().length() * size * 0.6).as(text.getTextContent())
                    .isLessThanOrEqualTo(TimelinePlot.WIDTH);
        }
        assertThat(text(svg, "deploy-label")).isEqualTo("deploy 12:00:50Z to 12:01:00Z");
    }

    @Test
    void theLatencyLabelStaysClearOfTheTopTickLabel() throws Exception {
        Document svg = plot("labels", new TimelinePlot.Content("labels", steady(T0, 10), T0.plusSeconds(10), List.of(),
                null, null));

        Element label = elements(svg, "//*[local-name()='text' and @class='latency-label']").get(0);
        double topTick = elements(svg, "//*[local-name()='text' and @class='latency-tick']").stream()
                .mapToDouble(t -> Double.parseDouble(t.getAttribute("y"))).min().orElseThrow();
        double labelY = Double.parseDouble(label.getAttribute("y"));
        double size = Double.parseDouble(label.getAttribute("font-size"));
        // Both sit at the left margin; the top tick's glyphs reach about one font size above its baseline.
        assertThat(labelY).isLessThanOrEqualTo(topTick - size);
    }

    @Test
    void aLatencySegmentOfOneBucketIsDrawnAsADot() throws Exception {
        Timeline timeline = new Timeline(T0);
        for (int i = 0; i < 30; i++) {
            // Only second 1 has successful samples: a latency segment of a single point.
            timeline.accept(T0.plusMillis(100L * i), i < 10 || i >= 20, false, 5_000);
        }

        Document svg = plot("dot", new TimelinePlot.Content("dot", timeline, T0.plusSeconds(3), List.of(), null,
                null));

        assertThat(count(svg, "//*[local-name()='polyline']")).isZero();
        List<Element> dots = elements(svg, "//*[local-name()='circle' and @class='latency-point']");
        assertThat(dots).hasSize(1);
        assertThat(Double.parseDouble(dots.get(0).getAttribute("r"))).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aWindowUnderOneSecondHasSubSecondTimeTicks() throws Exception {
        Instant origin = T0.plusMillis(200);
        Timeline timeline = new Timeline(origin);
        for (int i = 0; i < 6; i++) {
            timeline.accept(origin.plusMillis(100L * i), false, false, 3_000);
        }

        Document svg = plot("short", new TimelinePlot.Content("short", timeline, origin.plusMillis(600), List.of(),
                null, null));

        List<String> ticks = elements(svg, "//*[local-name()='text' and @class='tick']").stream()
                .map(Element::getTextContent).toList();
        assertThat(ticks).containsExactly("12:00:00.3", "12:00:00.4", "12:00:00.5", "12:00:00.6", "12:00:00.7",
                "12:00:00.8");
    }

    @Test
    void theLegendNamesTheDeployOnlyWhenThereWasOne() throws Exception {
        Document without = plot("without", new TimelinePlot.Content("without", steady(T0, 10), T0.plusSeconds(10),
                List.of(), null, null));
        Document with = plot("with", new TimelinePlot.Content("with", steady(T0, 10), T0.plusSeconds(10),
                List.of(), T0.plusSeconds(2), T0.plusSeconds(8)));

        assertThat(legend(without)).contains("shaded: outages").doesNotContain("deploy");
        assertThat(count(without, "//*[local-name()='text' and @class='deploy-label']")).isZero();
        assertThat(legend(with)).contains("dashed: deploy");
    }

    /** One successful sample every 100 ms for {@code seconds}. */
    private static Timeline steady(Instant origin, int seconds) {
        Timeline timeline = new Timeline(origin);
        for (int i = 0; i < seconds * 10; i++) {
            timeline.accept(origin.plusMillis(100L * i), false, false, 2_000 + i * 7L);
        }
        return timeline;
    }

    private Document plot(String name, TimelinePlot.Content content) throws Exception {
        Path file = TimelinePlot.write(dir.resolve(name + ".svg"), content);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static String legend(Document svg) throws Exception {
        return elements(svg, "//*[local-name()='text' and @class='legend']").stream().map(Element::getTextContent)
                .collect(Collectors.joining("; "));
    }

    private static String text(Document svg, String cssClass) throws Exception {
        return XPathFactory.newInstance().newXPath()
                .evaluate("//*[local-name()='text' and @class='" + cssClass + "']", svg);
    }

    private static List<Element> elements(Document svg, String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, svg, XPathConstants.NODESET);
        return IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }

    private static int count(Document svg, String xpath) throws Exception {
        return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, svg, XPathConstants.NODESET)).getLength();
    }
}
