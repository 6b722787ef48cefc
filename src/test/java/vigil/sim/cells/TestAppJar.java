package vigil.sim.cells;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Packs {@link CellsTestApp} from the test classpath into a runnable JAR, as a droplet the cells can run. */
final class TestAppJar {

    private TestAppJar() {
    }

    static Path write(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, CellsTestApp.class.getName());
        String entry = CellsTestApp.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream classBytes = CellsTestApp.class.getResourceAsStream("/" + entry)) {
            if (classBytes == null) {
                throw new IOException(entry + " is not on the test classpath");
            }
            out.putNextEntry(new JarEntry(entry));
            classBytes.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
