package vigil.steps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vigil.testapp.TestAppJar;

/** The packed test app per version marker, packed once per JVM; its sha256 names the bits for droplet reuse. */
final class TestAppBits {
    record Bits(byte[] jar, String sha256) {
    }

    private static final Map<String, Bits> PACKED = new ConcurrentHashMap<>();

    private TestAppBits() {
    }

    static Bits version(String marker) {
        return PACKED.computeIfAbsent(marker, TestAppBits::pack);
    }

    private static Bits pack(String marker) {
        try {
            byte[] jar = TestAppJar.bytes(marker);
            return new Bits(jar, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jar)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack the test app", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
