package vigil.sim.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vigil.sim.cells.AppRuntime;
import vigil.sim.cells.LogLine;

/**
 * The sim's one buildpack: a package whose bits are a JAR (an exploded JAR zipped again, as the cf
 * CLI uploads one) with a {@code Main-Class} in {@code META-INF/MANIFEST.MF} stages into a droplet that
 * is that JAR; anything else fails as a buildpack detect failure does. Staging runs on the background
 * executor and writes its output to the app's log with source type {@code STG}, as Diego's stager does.
 */
final class Stager {

    private static final Logger LOG = LoggerFactory.getLogger(Stager.class);

    static final String BUILDPACK = "java_buildpack";
    static final String STACK = "cflinuxfs4";
    static final String WEB_COMMAND = "java -jar app.jar";

    private final CcRepositories store;
    private final AppRuntime runtime;
    private final ExecutorService executor;
    private final Path dropletsDir;
    private final CcFaults faults;

    Stager(CcRepositories store, AppRuntime runtime, ExecutorService executor, Path workDir, CcFaults faults) {
        this.faults = faults;
        this.store = store;
        this.runtime = runtime;
        this.executor = executor;
        this.dropletsDir = workDir.resolve("droplets");
    }

    void stage(Build build) {
        executor.execute(() -> {
            try {
                run(build);
            } catch (RuntimeException e) {
                LOG.error("staging build {} failed unexpectedly", build.guid(), e);
                fail(build, CcError.STAGING_ERROR, "staging failed");
            }
        });
    }

    /** Copies a staged droplet's JAR for another app (POST /v3/droplets?source_guid=). */
    void copy(Droplet source, Droplet copy) {
        executor.execute(() -> {
            try {
                Path jar = store(copy.guid(), source.jar());
                store.droplets.update(copy.guid(), current -> current.copied(sha256(jar), jar, store.now()));
            } catch (RuntimeException e) {
                LOG.error("copying droplet {} failed", source.guid(), e);
                store.droplets.update(copy.guid(), current -> current.failed("StagingError - staging failed", store.now()));
            }
        });
    }

    private void run(Build build) {
        log(build, "Downloading app package...");
        BitsPackage pkg = store.bitsPackage(build.packageGuid());
        log(build, "-----> Detecting buildpack");
        Optional<String> mainClass = mainClass(pkg.bits());
        if (mainClass.isEmpty() && !faults.stagingAcceptsAnyBits()) {
            log(build, "None of the buildpacks detected a compatible application");
            log(build, "Exit status 222");
            fail(build, CcError.NO_APP_DETECTED_ERROR);
            return;
        }
        log(build, "-----> Java app detected");
        log(build, "-----> Main-Class: " + mainClass.orElse("(none)"));
        String dropletGuid = CcRepositories.newGuid();
        log(build, "Uploading droplet...");
        Path jar = store(dropletGuid, pkg.bits());
        Map<String, String> processTypes = new LinkedHashMap<>(Map.of("web", WEB_COMMAND));
        try {
            Map<String, String> procfile = Procfile.read(pkg.bits());
            if (!procfile.isEmpty()) {
                log(build, "-----> Procfile process types: " + String.join(", ", procfile.keySet()));
            }
            processTypes.putAll(procfile);
        } catch (IllegalArgumentException e) {
            log(build, "Procfile: " + e.getMessage());
            log(build, "Exit status 223");
            fail(build, CcError.STAGING_ERROR, "Procfile: " + e.getMessage());
            return;
        }
        Droplet droplet = new Droplet(dropletGuid, build.appGuid(), pkg.guid(), Droplet.STAGED, null, sha256(jar),
                processTypes, "", BUILDPACK, STACK, jar, store.now(), store.now(), Metadata.EMPTY);
        store.droplets.add(droplet);
        log(build, "Uploaded droplet");
        store.builds.update(build.guid(), current -> current.staged(dropletGuid, store.now()));
    }

    private void fail(Build build, CcError error, Object... args) {
        String description = error.detail(args);
        store.builds.update(build.guid(), current -> current.failed(error.errorName() + " - " + description, store.now()));
    }

    private Optional<String> mainClass(Path bits) {
        if (bits == null) {
            return Optional.empty();
        }
        try (ZipFile zip = new ZipFile(bits.toFile())) {
            ZipEntry entry = zip.getEntry("META-INF/MANIFEST.MF");
            if (entry == null) {
                return Optional.empty();
            }
            try (InputStream in = zip.getInputStream(entry)) {
                String value = new Manifest(in).getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
                return Optional.ofNullable(value).map(String::trim).filter(name -> !name.isEmpty());
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Path store(String dropletGuid, Path source) {
        try {
            Path dir = Files.createDirectories(dropletsDir.resolve(dropletGuid));
            return Files.copy(source, dir.resolve("app.jar"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Staging output goes to the app's log; a runtime that cannot take it must not fail the
     * staging itself, so the failure is only logged here.
     */
    private void log(Build build, String text) {
        try {
            runtime.appendLog(new LogLine(store.clock().instant(), build.appGuid(), "STG", "0", false, text));
        } catch (RuntimeException e) {
            LOG.warn("could not write staging output for app {}: {}", build.appGuid(), e.toString());
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
