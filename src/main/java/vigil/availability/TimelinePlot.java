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
    static final double WIDTH = 1000;
    private static final double HEIGHT = 390;
    private static final double LEFT = 70;
    private static final double RIGHT = 20;
    /** Space kept free at the edges of the picture, so that no text touches them. */
    private static final double MARGIN = 4;
    private static final double FONT = 11;
    private static final double DEPLOY_LABEL_Y = 42;
    private static final double STRIP_TOP = 50;
    private static final double STRIP_HEIGHT = 26;
    private static final double LATENCY_LABEL_Y = 94;
    private static final double LATENCY_TOP = 112;
    private static final double LATENCY_BOTTOM = 330;
    private static final double LEGEND_LINE = 13;
    /**
     * The widest a character of the sans-serif font is on average, in em (digits are 0.55 to 0.64): SVG has no
     * text measurement without a renderer, so a text is placed by this estimate of its width.
     */
    static final double CHAR_EM = 0.62;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** Tick steps in milliseconds: sub-second ones, so that a short window still has a time axis. */
    private static final long[] TICK_MILLIS = {10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000,
            30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000,
            21_600_000, 43_200_000, 86_400_000};
    /** At most this many ticks: their labels must not run into each other. */
    private static final int MAX_TICKS = 8;

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
        text(LEFT, 24, content.title(), "title", 14);
        List<Timeline.Bucket> buckets = content.timeline().buckets();
        strip(buckets);
        latency(buckets);
        outages();
        axis();
        deploy();
        legend();
        svg.writeEndElement();
        svg.writeEndDocument();
        svg.close();
    }

    private void strip(List<Timeline.Bucket> buckets) throws XMLStreamException {
        text(MARGIN, STRIP_TOP + 17, "failures", null, FONT);
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
            text(MARGIN, y + 4, num(value) + " ms", "latency-tick", FONT);
        }
        // Above the top tick's label, between it and the strip: the two must not overlap.
        text(MARGIN, LATENCY_LABEL_Y, "p99 latency", "latency-label", FONT);
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
            if (!run.contains(" ")) {
                // One bucket between gaps: a line through a single point has no length and would not show.
                String[] xy = run.split(",");
                svg.writeEmptyElement("circle");
                svg.writeAttribute("class", "latency-point");
                svg.writeAttribute("cx", xy[0]);
                svg.writeAttribute("cy", xy[1]);
                svg.writeAttribute("r", "2.5");
                svg.writeAttribute("fill", "#1e88e5");
                continue;
            }
            svg.writeEmptyElement("polyline");
            svg.writeAttribute("class", "latency");
            svg.writeAttribute("points", run);
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
        long step = tickMillis(spanNanos);
        long fromMillis = from.toEpochMilli();
        long firstTick = (Math.floorDiv(fromMillis, step) + 1) * step;
        Instant to = from.plusNanos((long) spanNanos);
        DateTimeFormatter format = step >= 1_000 ? CLOCK
                : DateTimeFormatter.ofPattern(step >= 100 ? "HH:mm:ss.S" : "HH:mm:ss.SS", Locale.ROOT)
                .withZone(ZoneOffset.UTC);
        for (long t = firstTick; !Instant.ofEpochMilli(t).isAfter(to); t += step) {
            double x = x(Instant.ofEpochMilli(t));
            line(x, LATENCY_BOTTOM, x, LATENCY_BOTTOM + 4, "#616161", null, null);
            String label = format.format(Instant.ofEpochMilli(t));
            text(x - width(label, FONT) / 2, LATENCY_BOTTOM + 16, label, "tick", FONT);
        }
        // In the left margin, on the ticks' row: at the right it would collide with the last tick's label.
        text(MARGIN, LATENCY_BOTTOM + 16, "UTC", "tick-zone", FONT);
    }

    /** The smallest step that gives at most {@link #MAX_TICKS} ticks over the span. */
    static long tickMillis(double spanNanos) {
        for (long candidate : TICK_MILLIS) {
            if (spanNanos / (candidate * 1e6) <= MAX_TICKS) {
                return candidate;
            }
        }
        return TICK_MILLIS[TICK_MILLIS.length - 1];
    }

    /** The deploy's start and end as dashed lines, and one label naming both (two labels would collide). */
    private void deploy() throws XMLStreamException {
        Instant start = content.deployStart();
        Instant end = content.deployEnd();
        if (start != null) {
            line(x(start), STRIP_TOP - 6, x(start), LATENCY_BOTTOM, "#6a1b9a", "5,3", "deploy-start");
        }
        if (end != null) {
            line(x(end), STRIP_TOP - 6, x(end), LATENCY_BOTTOM, "#6a1b9a", "5,3", "deploy-end");
        }
        if (start == null && end == null) {
            return;
        }
        String label = start == null ? "deploy until " + CLOCK.format(end) + "Z"
                : end == null ? "deploy from " + CLOCK.format(start) + "Z"
                : "deploy " + CLOCK.format(start) + "Z to " + CLOCK.format(end) + "Z";
        text(x(start != null ? start : end) + 3, DEPLOY_LABEL_Y, label, "deploy-label", FONT);
    }

    /** What the marks mean, in as many lines as it takes; the deploy's only when there was one. */
    private void legend() throws XMLStreamException {
        List<String> parts = new ArrayList<>(List.of(
                "strip: share of failed samples per " + describe(content.timeline().bucketWidth())
                        + " (green none, red all, grey no sample)",
                "line: p99 latency of successful samples (a dot: a single bucket)", "shaded: outages"));
        if (content.deployStart() != null || content.deployEnd() != null) {
            parts.add("dashed: deploy");
        }
        if (content.timeline().buckets().stream().anyMatch(b -> b.inconclusive() > 0)) {
            parts.add("violet bar: inconclusive (the control probe failed)"); // issue 15
        }
        double fontSize = 10;
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String part : parts) {
            String joined = current.length() == 0 ? part : current + "; " + part;
            if (current.length() > 0 && LEFT + width(joined, fontSize) > WIDTH - MARGIN) {
                lines.add(current.toString());
                current.setLength(0);
                current.append(part);
            } else {
                current.setLength(0);
                current.append(joined);
            }
        }
        lines.add(current.toString());
        for (int i = 0; i < lines.size(); i++) {
            text(LEFT, HEIGHT - 8 - LEGEND_LINE * (lines.size() - 1 - i), lines.get(i), "legend", fontSize);
        }
    }

    /** The estimated width of a text in the plot's font, in pixels. */
    static double width(String text, double fontSize) {
        return text.length() * fontSize * CHAR_EM;
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

    /**
     * A text whose left end is at {@code x}, moved left as far as it must to end inside the picture, and set
     * smaller when it is wider than the picture: a label cut off at the edge says nothing.
     */
    private void text(double x, double y, String value, String cssClass, double size) throws XMLStreamException {
        double fontSize = Math.min(size, Math.floor((WIDTH - 2 * MARGIN) / Math.max(1, value.length() * CHAR_EM)));
        double left = Math.max(MARGIN, Math.min(x, WIDTH - MARGIN - width(value, fontSize)));
        svg.writeStartElement("text");
        if (cssClass != null) {
            svg.writeAttribute("class", cssClass);
        }
        attribute("x", left);
        attribute("y", y);
        attribute("font-size", fontSize);
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
