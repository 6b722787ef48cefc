package vigil.testapp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import vigil.testapp.app.TestApp;

/**
 * Packs the test app into a runnable JAR at run time, so the same bits run on the embedded CF and on a
 * real CF's Java buildpack. The output depends only on the app's classes and the marker, so its sha256
 * is stable: a run can stage once and reuse the droplet.
 *
 * <pre>{@code
 * byte[] bits = TestAppJar.bytes("v2");     // upload as the package's bits
 * // ... once running, GET /version answers "v2"
 * }</pre>
 */
public final class TestAppJar {

    /**
     * A Procfile adding a {@code worker} process ({@link vigil.testapp.app.Worker}), started the way the Java
     * buildpack lays out a droplet: the JAR unpacked in the working directory, its JRE under {@code .java-buildpack}.
     */
    public static final String WORKER_PROCFILE =
            "worker: $PWD/.java-buildpack/open_jdk_jre/bin/java -Xmx64m -cp $PWD/. vigil.testapp.app.Worker\n";

    /** Every entry gets this time stamp, stored as local date-time so the time zone cannot change the bytes. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private TestAppJar() {
    }

    /** Writes the test app as a runnable JAR (Main-Class manifest) carrying the version marker; returns the path. */
    public static Path write(Path jarFile, String versionMarker) throws IOException {
        Objects.requireNonNull(jarFile, "jarFile");
        byte[] bytes = bytes(versionMarker);
        Path parent = jarFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(jarFile, bytes);
        return jarFile;
    }

    /** The bytes of that JAR (same content), e.g. for an upload. */
    public static byte[] bytes(String versionMarker) throws IOException {
        return bytes(versionMarker, TestAppJar.class.getClassLoader());
    }

    /**
     * The same JAR with a {@code Procfile} at its root, e.g. {@link #WORKER_PROCFILE}: staging makes its process
     * types the droplet's, next to the buildpack's web.
     */
    public static byte[] bytes(String versionMarker, String procfile) throws IOException {
        Objects.requireNonNull(procfile, "procfile");
        return bytes(versionMarker, TestAppJar.class.getClassLoader(), procfile);
    }

    /** Packs the app classes that {@code loader} sees; tests use it to pack from a JAR. */
    static byte[] bytes(String versionMarker, ClassLoader loader) throws IOException {
        return bytes(versionMarker, loader, null);
    }

    private static byte[] bytes(String versionMarker, ClassLoader loader, String procfile) throws IOException {
        checkMarker(versionMarker);
        SortedMap<String, byte[]> entries = new TreeMap<>(AppClassFiles.read(loader));
        entries.put(TestApp.VERSION_RESOURCE, (versionMarker + "\n").getBytes(StandardCharsets.UTF_8));
        if (procfile != null) {
            entries.put("Procfile", procfile.getBytes(StandardCharsets.UTF_8));
        }

        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(buffer)) {
            // The manifest goes first, as JarInputStream expects, and by hand: JarOutputStream would stamp it with the current time.
            put(jar, JarFile.MANIFEST_NAME, manifest());
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                put(jar, entry.getKey(), entry.getValue());
            }
        }
        return buffer.toByteArray();
    }

    private static void checkMarker(String versionMarker) {
        if (versionMarker == null || versionMarker.isBlank()) {
            throw new IllegalArgumentException("versionMarker must not be blank, was " + (versionMarker == null ? "null" : "'" + versionMarker + "'"));
        }
        if (!versionMarker.equals(versionMarker.strip()) || versionMarker.contains("\n") || versionMarker.contains("\r")) {
            throw new IllegalArgumentException("versionMarker must be one line without surrounding spaces, was '" + versionMarker + "'");
        }
    }

    private static byte[] manifest() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, AppClassFiles.MAIN_CLASS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        manifest.write(out);
        return out.toByteArray();
    }

    private static void put(JarOutputStream jar, String name, byte[] content) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        jar.putNextEntry(entry);
        jar.write(content);
        jar.closeEntry();
    }
}
