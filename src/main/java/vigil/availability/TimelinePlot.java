package vigil.availability;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vigil.report.AvailabilityResult.Outage;

/**
 * Draws one probe's timeline as a self-contained SVG: a strip of buckets coloured by their share of failed
 * samples, the p99 latency per bucket as a line, outages shaded across both, the deploy's start and end as
 * dashed lines, and a time axis in UTC. Written with the JDK's XML writer, so every text is escaped.
 */
final class TimelinePlot {
    private static final double WIDTH = 1000;
    private static final double HEIGHT = 380;
    private static final double LEFT = 70;
    private static final double RIGHT = 20;
    private static final double STRIP_TOP = 44;
    private static final double STRIP_HEIGHT = 26;
    private static final double LATENCY_TOP = 90;
    private static final double LATENCY_BOTTOM = 320;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final long[] TICK_SECONDS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200,
            10800, 21600, 43200, 86400};

    /** What the plot shows. {@code deployStart}/{@code deployEnd} may be {@code null}. */
    record Content(String title, Timeline timeline, Instant end, List<Outage> outages, Instant deployStart,
                   Instant deployEnd) {
    }

    private final Content content;
    private final Instant from;
    private final double spanNanos;
    private XMLStreamWriter svg;

    private TimelinePlot(Content content) {
        this.content = content;
        this.from = content.timeline().origin();
        Instant to = content.end().isAfter(from) ? content.end() : from.plusSeconds(1);
        this.spanNanos = Duration.between(from, to).toNanos();
    }

    static Path write(Path file, Content content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            new TimelinePlot(content).draw(out);
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private void draw(OutputStream out) throws XMLStreamException {
        svg = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        svg.writeStartDocument("UTF-8", "1.0");
        svg.writeStartElement("svg");
        svg.writeDefaultNamespace("http://www.w3.org/2000/svg");
        attribute("width", WIDTH);
        attribute("height", HEIGHT);
        svg.writeAttribute("viewBox", "0 0 " + num(WIDTH) + " " + num(HEIGHT));
        svg.writeAttribute("font-family", "sans-serif");
        svg.writeAttribute("font-size", "11");
        rect(0, 0, WIDTH, HEIGHT, "#ffffff", null, "background");
        text(LEFT, 24, content.title(), "title", "14");
        List<Timeline.Bucket> buckets = content.timeline().buckets();
        strip(buckets);
        latency(buckets);
        outages();
        axis();
        deploy(content.deployStart(), "deploy-start", "deploy start");
        deploy(content.deployEnd(), "deploy-end", "deploy end");
        text(LEFT, HEIGHT - 10, "strip: share of failed samples per " + describe(content.timeline().bucketWidth())
                + " (green none, red all, grey no sample); line: p99 latency of successful samples;"
                + " shaded: outages; dashed: deploy; violet bar: inconclusive (the control probe failed)", "legend",
                "10");
        svg.writeEndElement();
        svg.writeEndDocument();
        svg.close();
    }

    private void strip(List<Timeline.Bucket> buckets) throws XMLStreamException {
        text(4, STRIP_TOP + 17, "failures", null, null);
        svg.writeStartElement("g");
        svg.writeAttribute("class", "buckets");
        for (Timeline.Bucket bucket : buckets) {
            double x1 = x(bucket.start());
            double x2 = x(bucket.start().plus(bucket.width()));
            rect(x1, STRIP_TOP, Math.max(0.5, x2 - x1), STRIP_HEIGHT, colour(bucket), null, null);
        }
        svg.writeEndElement();
        inconclusive(buckets);
    }

    /** Issue 15: a violet bar over the strip where the control probe said the instrument was in trouble. */
    private void inconclusive(List<Timeline.Bucket> buckets) throws XMLStreamException {
        for (Timeline.Bucket bucket : buckets) {
            if (bucket.inconclusive() > 0) {
                double x1 = x(bucket.start());
                double x2 = x(bucket.start().plus(bucket.width()));
                rect(x1, STRIP_TOP - 6, Math.max(0.5, x2 - x1), 5, "#7b1fa2", null, "inconclusive");
            }
        }
    }

    private void latency(List<Timeline.Bucket> buckets) throws XMLStreamException {
        double max = 0;
        for (Timeline.Bucket bucket : buckets) {
            if (!Double.isNaN(bucket.p99LatencyMs())) {
                max = Math.max(max, bucket.p99LatencyMs());
            }
        }
        double top = niceCeiling(max);
        line(LEFT, LATENCY_BOTTOM, WIDTH - RIGHT, LATENCY_BOTTOM, "#9e9e9e", null, null);
        line(LEFT, LATENCY_TOP, LEFT, LATENCY_BOTTOM, "#9e9e9e", null, null);
        for (int i = 0; i <= 4; i++) {
            double value = top * i / 4;
            double y = LATENCY_BOTTOM - (LATENCY_BOTTOM - LATENCY_TOP) * i / 4;
            if (i > 0) {
                line(LEFT, y, WIDTH - RIGHT, y, "#eeeeee", null, null);
            }
            text(4, y + 4, num(value) + " ms", null, null);
        }
        text(4, LATENCY_TOP - 6, "p99 latency", null, null);
        List<String> runs = new ArrayList<>();
        StringBuilder points = new StringBuilder();
        for (Timeline.Bucket bucket : buckets) {
            if (Double.isNaN(bucket.p99LatencyMs())) {
                if (points.length() > 0) {
                    runs.add(points.toString().trim());
                    points.setLength(0);
                }
                continue;
            }
            double xMid = x(bucket.start().plus(bucket.width().dividedBy(2)));
            double y = LATENCY_BOTTOM - (LATENCY_BOTTOM - LATENCY_TOP) * bucket.p99LatencyMs() / top;
            points.append(num(xMid)).append(',').append(num(y)).append(' ');
        }
        if (points.length() > 0) {
            runs.add(points.toString().trim());
        }
        for (String run : runs) {
            svg.writeEmptyElement("polyline");
            svg.writeAttribute("class", "latency");
            svg.writeAttribute("points", run.contains(" ") ? run : run + " " + run);
            svg.writeAttribute("fill", "none");
            svg.writeAttribute("stroke", "#1e88e5");
            svg.writeAttribute("stroke-width", "1.5");
        }
    }

    private void outages() throws XMLStreamException {
        for (Outage outage : content.outages()) {
            double x1 = x(outage.start());
            double x2 = x(outage.end());
            svg.writeStartElement("rect");
            svg.writeAttribute("class", "outage");
            attribute("x", x1);
            attribute("y", STRIP_TOP);
            attribute("width", Math.max(1, x2 - x1));
            attribute("height", LATENCY_BOTTOM - STRIP_TOP);
            svg.writeAttribute("fill", "#d32f2f");
            svg.writeAttribute("fill-opacity", "0.18");
            svg.writeStartElement("title");
            svg.writeCharacters("outage " + CLOCK.format(outage.start()) + "Z for "
                    + ProbeVerdict.seconds(outage.durationS()) + ": " + outage.errorKinds());
            svg.writeEndElement();
            svg.writeEndElement();
        }
    }

    private void axis() throws XMLStreamException {
        long spanSeconds = (long) Math.ceil(spanNanos / 1e9);
        long step = TICK_SECONDS[TICK_SECONDS.length - 1];
        for (long candidate : TICK_SECONDS) {
            if (spanSeconds / candidate <= 8) {
                step = candidate;
                break;
            }
        }
        long firstTick = (from.getEpochSecond() / step + 1) * step;
        Instant to = from.plusNanos((long) spanNanos);
        for (long t = firstTick; !Instant.ofEpochSecond(t).isAfter(to); t += step) {
            double x = x(Instant.ofEpochSecond(t));
            line(x, LATENCY_BOTTOM, x, LATENCY_BOTTOM + 4, "#616161", null, null);
            text(x - 22, LATENCY_BOTTOM + 16, CLOCK.format(Instant.ofEpochSecond(t)), "tick", null);
        }
        text(WIDTH - RIGHT - 24, LATENCY_BOTTOM + 30, "UTC", null, null);
    }

    private void deploy(Instant at, String cssClass, String label) throws XMLStreamException {
        if (at == null) {
            return;
        }
        double x = x(at);
        line(x, STRIP_TOP - 6, x, LATENCY_BOTTOM, "#6a1b9a", "5,3", cssClass);
        text(x + 3, LATENCY_TOP - 6 + (cssClass.endsWith("end") ? 12 : 0), label + " " + CLOCK.format(at) + "Z",
                cssClass + "-label", null);
    }

    private double x(Instant at) {
        double offset = Duration.between(from, at).toNanos();
        double clamped = Math.max(0, Math.min(spanNanos, offset));
        return LEFT + (WIDTH - LEFT - RIGHT) * clamped / spanNanos;
    }

    private static String colour(Timeline.Bucket bucket) {
        if (bucket.samples() == 0) {
            return "#e0e0e0";
        }
        double share = bucket.failureShare();
        if (share == 0) {
            return bucket.tolerated() > 0 ? "#aed581" : "#43a047";
        }
        // From amber (a few failures) to red (all failed): one failure in a bucket must be visible.
        int green = (int) Math.round(0xc1 - (0xc1 - 0x2f) * share);
        int blue = (int) Math.round(0x07 + (0x2f - 0x07) * share);
        int red = (int) Math.round(0xff - (0xff - 0xd3) * share);
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }

    private static double niceCeiling(double max) {
        if (max <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
            if (factor * magnitude >= max) {
                return factor * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String describe(Duration width) {
        long s = width.toSeconds();
        return s % 60 == 0 && s >= 60 ? s / 60 + " min" : s + " s";
    }

    private void rect(double x, double y, double w, double h, String fill, String opacity, String cssClass)
            throws XMLStreamException {
        svg.writeEmptyElement("rect");
        if (cssClass != null) {
            svg.writeAttribute("class", cssClass);
        }
        attribute("x", x);
        attribute("y", y);
        attribute("width", w);
        attribute("height", h);
        svg.writeAttribute("fill", fill);
        if (opacity != null) {
            svg.writeAttribute("fill-opacity", opacity);
        }
    }

    private void line(double x1, double y1, double x2, double y2, String stroke, String dash, String cssClass)
            throws XMLStreamException {
        svg.writeEmptyElement("line");
        if (cssClass != null) {
            svg.writeAttribute("class", cssClass);
        }
        attribute("x1", x1);
        attribute("y1", y1);
        attribute("x2", x2);
        attribute("y2", y2);
        svg.writeAttribute("stroke", stroke);
        if (dash != null) {
            svg.writeAttribute("stroke-dasharray", dash);
            svg.writeAttribute("stroke-width", "1.5");
        }
    }

    private void text(double x, double y, String value, String cssClass, String size) throws XMLStreamException {
        svg.writeStartElement("text");
        if (cssClass != null) {
            svg.writeAttribute("class", cssClass);
        }
        attribute("x", x);
        attribute("y", y);
        if (size != null) {
            svg.writeAttribute("font-size", size);
        }
        svg.writeCharacters(value);
        svg.writeEndElement();
    }

    private void attribute(String name, double value) throws XMLStreamException {
        svg.writeAttribute(name, num(value));
    }

    private static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
