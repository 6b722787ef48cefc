package vigil.steps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vigil.cf.PushRequest;
import vigil.testapp.TestAppJar;

/** The packed test app per version marker, packed once per JVM; its sha256 names the bits for droplet reuse. */
final class TestAppBits {
    record Bits(byte[] jar, String sha256) {
    }

    private static final Map<String, Bits> PACKED = new ConcurrentHashMap<>();
    private static final String DEFAULT_VERSION = "v1";
    /** The test app is built for Java 17; a real CF's Java buildpack is told so (the embedded CF ignores it). */
    private static final Map<String, String> JAVA_17 = Map.of("JBP_CONFIG_OPEN_JDK_JRE", "{ jre: { version: 17.+ } }");

    private TestAppBits() {
    }

    static Bits version(String marker) {
        return PACKED.computeIfAbsent(marker, TestAppBits::pack);
    }

    /** The default version with a Procfile adding a {@code worker} process. */
    static Bits withWorker() {
        return PACKED.computeIfAbsent(DEFAULT_VERSION + "+worker", key -> pack(() -> TestAppJar.bytes(DEFAULT_VERSION,
                TestAppJar.WORKER_PROCFILE)));
    }

    /**
     * A push of the default version named {@code name}, at {@code name.domain}, into the space the workspace
     * decides ({@code null} here), with {@code environment} on top of what the test app always gets.
     */
    static PushRequest request(String name, String spaceGuid, String domain, int instances,
                               Map<String, String> environment) {
        return request(version(DEFAULT_VERSION), name, spaceGuid, domain, instances, environment);
    }

    /** The same with other bits of the test app, e.g. {@link #withWorker()}. */
    static PushRequest request(Bits bits, String name, String spaceGuid, String domain, int instances,
                               Map<String, String> environment) {
        Map<String, String> all = new HashMap<>(JAVA_17);
        all.putAll(environment);
        return new PushRequest(name, spaceGuid, bits.jar(), bits.sha256(), instances, all, name, domain);
    }

    private interface Packer {
        byte[] pack() throws IOException;
    }

    private static Bits pack(String marker) {
        return pack(() -> TestAppJar.bytes(marker));
    }

    private static Bits pack(Packer packer) {
        try {
            byte[] jar = packer.pack();
            return new Bits(jar, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jar)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack the test app", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
