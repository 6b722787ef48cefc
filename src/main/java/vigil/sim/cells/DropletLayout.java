package vigil.sim.cells;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The app's files in an instance's directory as the Java buildpack leaves them in a container: the droplet's
 * JAR unpacked in the working directory ({@code $PWD/.} is the class path) and the JRE at
 * {@code $PWD/.java-buildpack/open_jdk_jre/bin/java} (the sim's own). So a Procfile's or a user's command that
 * works on a real CF's Java buildpack, e.g. {@code $PWD/.java-buildpack/open_jdk_jre/bin/java -cp $PWD/. Main},
 * works on the embedded CF unchanged.
 */
final class DropletLayout {

    static final String JAVA = ".java-buildpack/open_jdk_jre/bin/java";

    private DropletLayout() {
    }

    static void unpack(Path droplet, Path directory, Path java) throws IOException {
        Path root = directory.toAbsolutePath().normalize();
        try (ZipFile zip = new ZipFile(droplet.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("droplet entry '" + entry.getName() + "' leaves the app directory");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path link = root.resolve(JAVA);
        Files.createDirectories(link.getParent());
        if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, java.toAbsolutePath());
        }
    }
}
