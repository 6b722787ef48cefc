package vigil.testapp;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import vigil.testapp.app.TestApp;

/**
 * Reads the compiled classes of the test app's package ({@code vigil.testapp.app}) from the class path
 * root that holds its main class: a directory ({@code target/classes}) or a JAR (the shaded {@code vigil.jar}).
 * Listing the package instead of naming classes keeps nested and synthetic classes from being forgotten.
 */
final class AppClassFiles {
    static final String PACKAGE_PATH = "vigil/testapp/app/";
    static final String MAIN_CLASS = TestApp.class.getName();

    private AppClassFiles() {
    }

    /** Entry name (e.g. {@code vigil/testapp/app/TestApp.class}) to class file bytes, sorted by name. */
    static SortedMap<String, byte[]> read(ClassLoader loader) throws IOException {
        String anchor = MAIN_CLASS.replace('.', '/') + ".class";
        URL url = loader.getResource(anchor);
        if (url == null) {
            throw new IOException("the test app's classes are not on the class path: no " + anchor);
        }
        SortedMap<String, byte[]> classes = switch (url.getProtocol()) {
            case "file" -> fromDirectory(directoryOf(url));
            case "jar" -> fromJar((JarURLConnection) url.openConnection());
            default -> throw new IOException("cannot list the test app's classes from " + url);
        };
        if (!classes.containsKey(anchor)) {
            throw new IOException("listing " + url + " did not find " + anchor);
        }
        return classes;
    }

    private static Path directoryOf(URL classFile) throws IOException {
        try {
            return Path.of(classFile.toURI()).getParent();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("cannot read the test app's classes from " + classFile, e);
        }
    }

    private static SortedMap<String, byte[]> fromDirectory(Path directory) throws IOException {
        SortedMap<String, byte[]> classes = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && Files.isRegularFile(file)) {
                    classes.put(PACKAGE_PATH + name, Files.readAllBytes(file));
                }
            }
        }
        return classes;
    }

    private static SortedMap<String, byte[]> fromJar(JarURLConnection connection) throws IOException {
        SortedMap<String, byte[]> classes = new TreeMap<>();
        // A JarFile of our own: the one the connection caches is shared with the class loader, not ours to close.
        try (JarFile jar = new JarFile(jarPath(connection))) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                boolean inPackage = name.startsWith(PACKAGE_PATH) && name.indexOf('/', PACKAGE_PATH.length()) < 0;
                if (inPackage && name.endsWith(".class") && !entry.isDirectory()) {
                    try (InputStream stream = jar.getInputStream(entry)) {
                        classes.put(name, stream.readAllBytes());
                    }
                }
            }
        }
        return classes;
    }

    private static java.io.File jarPath(JarURLConnection connection) throws IOException {
        try {
            return Path.of(connection.getJarFileURL().toURI()).toFile();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("cannot open the JAR " + connection.getJarFileURL(), e);
        }
    }
}
