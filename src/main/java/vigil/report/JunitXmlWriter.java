package vigil.report;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes one JUnit XML file per selected suite, {@code <dir>/<suite>.xml}, so that CI shows each suite
 * apart and no suite overwrites another's results.
 *
 * <p>JUnit's {@code LegacyXmlReportGeneratingListener} is not used because it writes one file per
 * test engine, and all three suites run in the one Cucumber engine.
 */
public final class JunitXmlWriter {
    private static final String INDENT = "\n  ";

    /** Writes the files into {@code dir} (created when missing) and returns them, in suite order. */
    public List<Path> write(Path dir, RunReport report) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Suite suite : Suite.values()) {
            if (report.suites().contains(suite)) {
                Path file = dir.resolve(suite.id() + ".xml");
                written.add(AtomicFileWriter.write(file, out -> writeSuite(out, suite, report)));
            }
        }
        return written;
    }

    private static void writeSuite(OutputStream out, Suite suite, RunReport report) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory()
                    .createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            writeSuite(xml, suite, report);
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML for suite " + suite.id() + ": " + e.getMessage(), e);
        }
    }

    private static void writeSuite(XMLStreamWriter xml, Suite suite, RunReport report) throws XMLStreamException {
        SuiteTally tally = SuiteTally.of(suite, report);
        xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", suite.id());
        xml.writeAttribute("tests", Integer.toString(tally.total()));
        xml.writeAttribute("failures", Integer.toString(tally.failed()));
        xml.writeAttribute("errors", "0"); // Cucumber reports every broken scenario as failed
        xml.writeAttribute("skipped", Integer.toString(tally.skipped()));
        xml.writeAttribute("time", seconds(tally.duration()));
        if (report.started() != null) {
            // The common JUnit XML schema has a timestamp without a zone; it is UTC here.
            xml.writeAttribute("timestamp", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                    LocalDateTime.ofInstant(report.started(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)));
        }
        for (ScenarioResult scenario : SuiteTally.scenariosOf(suite, report)) {
            xml.writeCharacters(INDENT);
            writeCase(xml, scenario);
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private static void writeCase(XMLStreamWriter xml, ScenarioResult scenario) throws XMLStreamException {
        boolean empty = scenario.status() == ScenarioStatus.PASSED;
        if (empty) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("classname", text(scenario.feature()));
        xml.writeAttribute("name", text(scenario.name()));
        xml.writeAttribute("time", seconds(scenario.duration()));
        switch (scenario.status()) {
            case FAILED -> {
                // Maven Surefire's convention for reruns: the first failure, then one element per failed rerun.
                writeFailure(xml, "failure", scenario.error());
                for (String rerun : scenario.rerunErrors()) {
                    writeFailure(xml, "rerunFailure", rerun);
                }
            }
            case FLAKY -> {
                // Surefire's convention for a test that passed on a rerun: a passed testcase that lists the failed
                // attempts, which Jenkins and other JUnit readers show as flaky.
                for (String failure : scenario.failures()) {
                    writeFailure(xml, "flakyFailure", failure);
                }
            }
            case SKIPPED -> {
                xml.writeCharacters(INDENT + "  ");
                xml.writeEmptyElement("skipped");
            }
            case PASSED -> {
            }
        }
        if (!empty) {
            xml.writeCharacters(INDENT);
            xml.writeEndElement();
        }
    }

    /**
     * {@code <failure>} carries its text in the element; Surefire's rerun and flaky elements carry it in a
     * {@code <stackTrace>} child.
     */
    private static void writeFailure(XMLStreamWriter xml, String element, String message) throws XMLStreamException {
        String error = message == null ? "failed" : text(message);
        xml.writeCharacters(INDENT + "  ");
        xml.writeStartElement(element);
        xml.writeAttribute("message", firstLine(error));
        if (element.equals("failure")) {
            xml.writeCharacters(error);
        } else {
            xml.writeAttribute("type", "failure");
            xml.writeStartElement("stackTrace");
            xml.writeCharacters(error);
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", Seconds.of(duration));
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }

    /**
     * The stream writer escapes markup but passes through characters that XML 1.0 forbids (such as the
     * ESC of an ANSI colour code in an error message), which would make the whole file unreadable.
     */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)) {
                clean.appendCodePoint(c);
            } else {
                clean.append(String.format(Locale.ROOT, "\\u%04x", c));
            }
        });
        return clean.toString();
    }
}
