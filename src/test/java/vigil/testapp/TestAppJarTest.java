package vigil.testapp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vigil.testapp.app.TestApp;

class TestAppJarTest {

    @Test
    void packsTheSameBytesForTheSameMarker() throws IOException {
        assertThat(TestAppJar.bytes("v1")).isEqualTo(TestAppJar.bytes("v1"));
        assertThat(TestAppJar.bytes("v1")).isNotEqualTo(TestAppJar.bytes("v2"));
    }

    @Test
    void writeCreatesParentsAndWritesWhatBytesReturns(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("droplets/app.jar");

        Path written = TestAppJar.write(jar, "v1");

        assertThat(written).isEqualTo(jar);
        assertThat(Files.readAllBytes(jar)).isEqualTo(TestAppJar.bytes("v1"));
    }

    @Test
    void manifestNamesTheMainClassAndComesFirst() throws IOException {
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(TestAppJar.bytes("v1")))) {
            assertThat(jar.getManifest()).as("manifest seen by JarInputStream").isNotNull();
            assertThat(jar.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS))
                    .isEqualTo(TestApp.class.getName());
        }
    }

    @Test
    void holdsOnlyTheAppClassesTheManifestAndTheVersion(@TempDir Path dir) throws IOException, URISyntaxException {
        Map<String, byte[]> entries = entries(TestAppJar.write(dir.resolve("app.jar"), "droplet-7"));

        List<String> names = new ArrayList<>(entries.keySet());
        List<String> expected = new ArrayList<>(compiledAppClasses());
        expected.add("vigil-testapp/version.txt");
        assertThat(names.get(0)).isEqualTo("META-INF/MANIFEST.MF");
        assertThat(names.subList(1, names.size())).isSorted().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(entries).containsKey("vigil/testapp/app/TestApp.class")
                .doesNotContainKeys("vigil/testapp/TestAppJar.class", "vigil/testapp/AppClassFiles.class");
        assertThat(new String(entries.get("vigil-testapp/version.txt"), StandardCharsets.UTF_8)).isEqualTo("droplet-7\n");
    }

    @Test
    void stampsEveryEntryWithTheSameFixedTime(@TempDir Path dir) throws IOException {
        try (JarFile jar = new JarFile(TestAppJar.write(dir.resolve("app.jar"), "v1").toFile())) {
            assertThat(jar.stream().map(JarEntry::getTimeLocal).distinct())
                    .containsExactly(LocalDateTime.of(2000, 1, 1, 0, 0));
        }
    }

    @Test
    void packsTheSameBytesWhenVigilRunsFromAJar(@TempDir Path dir) throws IOException {
        // A stand-in for the shaded vigil.jar: the app's classes among the packer's and a nested package's.
        Path fatJar = dir.resolve("vigil.jar");
        Map<String, byte[]> content = new LinkedHashMap<>();
        content.put("vigil/", new byte[0]);
        content.put("vigil/testapp/TestAppJar.class", resource("vigil/testapp/TestAppJar.class"));
        content.put("vigil/testapp/app/nested/Other.class", new byte[] {1, 2, 3});
        entries(TestAppJar.write(dir.resolve("app.jar"), "v1")).forEach((name, bytes) -> {
            if (name.endsWith(".class")) {
                content.put(name, bytes);
            }
        });
        writeJar(fatJar, content);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {fatJar.toUri().toURL()}, null)) {
            assertThat(loader.getResource("vigil/testapp/app/TestApp.class").getProtocol()).isEqualTo("jar");
            assertThat(TestAppJar.bytes("v1", loader)).isEqualTo(TestAppJar.bytes("v1"));
        }
    }

    @Test
    void failsClearlyWhenTheAppClassesAreMissing() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> TestAppJar.bytes("v1", empty))
                    .isInstanceOf(IOException.class).hasMessageContaining("vigil/testapp/app/TestApp.class");
        }
    }

    @Test
    void rejectsABlankOrMultiLineMarker() {
        assertThatThrownBy(() -> TestAppJar.bytes(null)).hasMessageContaining("versionMarker");
        assertThatThrownBy(() -> TestAppJar.bytes(" ")).hasMessageContaining("versionMarker");
        assertThatThrownBy(() -> TestAppJar.bytes("v1\nv2")).hasMessageContaining("versionMarker");
        assertThatThrownBy(() -> TestAppJar.bytes(" v1")).hasMessageContaining("versionMarker");
    }

    @Test
    void appClassesUseTheJdkOnly() throws URISyntaxException {
        // Importing the one directory is much faster than scanning the class path for the package.
        JavaClasses app = new ClassFileImporter().importPath(appClassDirectory());

        classes().that().resideInAPackage("vigil.testapp.app")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.sun.net.httpserver..", "vigil.testapp.app")
                .because("the app runs in its own JVM from a JAR that carries nothing but its own classes")
                .check(app);
    }

    /** The class files that compiling vigil.testapp.app produced, as JAR entry names. */
    private static List<String> compiledAppClasses() throws URISyntaxException, IOException {
        try (Stream<Path> files = Files.list(appClassDirectory())) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".class"))
                    .map(name -> "vigil/testapp/app/" + name).toList();
        }
    }

    private static Path appClassDirectory() throws URISyntaxException {
        return Path.of(TestApp.class.getResource("TestApp.class").toURI()).getParent();
    }

    private static Map<String, byte[]> entries(Path jarFile) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (JarFile jar = new JarFile(jarFile.toFile())) {
            for (JarEntry entry : jar.stream().toList()) {
                try (InputStream stream = jar.getInputStream(entry)) {
                    entries.put(entry.getName(), stream.readAllBytes());
                }
            }
        }
        return entries;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream stream = TestAppJarTest.class.getClassLoader().getResourceAsStream(name)) {
            return stream.readAllBytes();
        }
    }

    private static void writeJar(Path file, Map<String, byte[]> content) throws IOException {
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> entry : content.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        }
    }
}
