package vigil.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Joins the JUnit XML files of merged runs: one {@code <suite>.xml} per suite with every part's test cases
 * as they were written (so nothing a part's file holds is lost) and the counts and time summed. Every
 * file is read and checked against its part's summary before anything is written.
 */
public final class JunitMerger {
    private static final String INDENT = "\n  ";

    /** One suite's file of one part, read. */
    private record SuiteFile(Path file, Element root, List<Element> cases) {
    }

    /** The joined files, checked and ready to be written. */
    public static final class Checked {
        private final List<Suite> suites;
        private final List<Document> documents;

        private Checked(List<Suite> suites, List<Document> documents) {
            this.suites = List.copyOf(suites);
            this.documents = List.copyOf(documents);
        }

        /** Writes {@code <dir>/<suite>.xml} for every suite and returns the files. */
        public List<Path> writeTo(Path dir) throws IOException {
            List<Path> written = new ArrayList<>();
            for (int i = 0; i < suites.size(); i++) {
                Suite suite = suites.get(i);
                Document joined = documents.get(i);
                written.add(AtomicFileWriter.write(dir.resolve(suite.id() + ".xml"), out -> {
                    try {
                        transformer().transform(new DOMSource(joined), new StreamResult(out));
                    } catch (TransformerException e) {
                        throw new IOException("cannot write the merged JUnit XML of " + suite.id() + ": "
                                + e.getMessage(), e);
                    }
                }));
            }
            return written;
        }
    }

    /** Reads and checks every part's file of every suite the merged runs selected, and joins them per suite. */
    public Checked check(MergedRuns merged) throws MergeException {
        DocumentBuilder builder = builder();
        List<Suite> suites = new ArrayList<>();
        List<Document> documents = new ArrayList<>();
        for (Suite suite : Suite.values()) {
            if (merged.suites().contains(suite)) {
                List<SuiteFile> files = new ArrayList<>();
                for (ShardRun part : merged.parts()) {
                    if (part.summary().suites().of(suite).selected()) {
                        files.add(read(builder, part, suite));
                    }
                }
                suites.add(suite);
                documents.add(join(builder, suite, files));
            }
        }
        return new Checked(suites, documents);
    }

    private static SuiteFile read(DocumentBuilder builder, ShardRun part, Suite suite) throws MergeException {
        Path file = new ReportLayout(part.dir()).junitDir().resolve(suite.id() + ".xml");
        if (!Files.isRegularFile(file)) {
            throw new MergeException(file + ": no such file, though its summary.json says suite " + suite.id()
                    + " ran; give the whole reports folder of each run");
        }
        Document document;
        try {
            document = builder.parse(file.toFile());
        } catch (SAXException e) {
            throw new MergeException(file + ": is not valid XML: " + e.getMessage());
        } catch (IOException e) {
            throw new MergeException(file + ": cannot be read: " + e);
        }
        Element root = document.getDocumentElement();
        if (!"testsuite".equals(root.getTagName())) {
            throw new MergeException(file + ": is not a JUnit XML file (its root is <" + root.getTagName()
                    + ">, expected <testsuite>)");
        }
        List<Element> cases = new ArrayList<>();
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && "testcase".equals(element.getTagName())) {
                cases.add(element);
            }
        }
        long expected = part.summary().scenarios().stream().filter(s -> s.suite() == suite).count();
        if (cases.size() != expected) {
            throw new MergeException(file + ": has " + cases.size() + " test cases but the summary.json beside it "
                    + expected + " " + suite.id() + " scenarios; the folder mixes files of different runs");
        }
        return new SuiteFile(file, root, cases);
    }

    private static Document join(DocumentBuilder builder, Suite suite, List<SuiteFile> files) throws MergeException {
        Document joined = builder.newDocument();
        joined.setXmlStandalone(true);
        Element root = joined.createElement("testsuite");
        joined.appendChild(root);
        root.setAttribute("name", suite.id());
        int tests = 0;
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        double time = 0;
        String timestamp = null;
        for (SuiteFile file : files) {
            tests += count(file, "tests");
            failures += count(file, "failures");
            errors += count(file, "errors");
            skipped += count(file, "skipped");
            time += seconds(file);
            String started = file.root().getAttribute("timestamp");
            // ISO local date-times in UTC: the text order is the time order.
            if (!started.isEmpty() && (timestamp == null || started.compareTo(timestamp) < 0)) {
                timestamp = started;
            }
        }
        root.setAttribute("tests", Integer.toString(tests));
        root.setAttribute("failures", Integer.toString(failures));
        root.setAttribute("errors", Integer.toString(errors));
        root.setAttribute("skipped", Integer.toString(skipped));
        root.setAttribute("time", String.format(Locale.ROOT, "%.3f", time));
        if (timestamp != null) {
            root.setAttribute("timestamp", timestamp);
        }
        for (SuiteFile file : files) {
            for (Element testcase : file.cases()) {
                root.appendChild(joined.createTextNode(INDENT));
                root.appendChild(joined.importNode(testcase, true));
            }
        }
        root.appendChild(joined.createTextNode("\n"));
        return joined;
    }

    private static int count(SuiteFile file, String attribute) throws MergeException {
        String value = file.root().getAttribute(attribute);
        if (value.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new MergeException(file.file() + ": testsuite " + attribute + "=\"" + value + "\" is not a number");
        }
    }

    private static double seconds(SuiteFile file) throws MergeException {
        String value = file.root().getAttribute("time");
        try {
            return value.isEmpty() ? 0 : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new MergeException(file.file() + ": testsuite time=\"" + value + "\" is not a number of seconds");
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // A report is data: no DTDs, no external entities.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            // The default handler prints parse errors to stderr besides throwing them.
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a standard feature: " + e.getMessage(), e);
        }
    }

    private static Transformer transformer() throws TransformerException {
        TransformerFactory factory = TransformerFactory.newInstance();
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        Transformer transformer = factory.newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        return transformer;
    }
}
