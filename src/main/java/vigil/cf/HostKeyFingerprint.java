package vigil.cf;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * Checks an SSH server's host key against the fingerprint CF announces, as the cf CLI does: the fingerprint's
 * length says its form, SHA-256 as 64 hex digits or 43 characters of unpadded base64, SHA-1 as colon-separated
 * hex (59), MD5 as colon-separated hex (47). An empty or unknown form never matches.
 */
final class HostKeyFingerprint {

    private HostKeyFingerprint() {
    }

    static boolean matches(String expected, PublicKey key) {
        return !expected.isEmpty() && expected.equals(of(key, expected.length()));
    }

    /** The key's fingerprint in the form a fingerprint of this length has; empty for an unknown length. */
    static String of(PublicKey key, int length) {
        byte[] blob = blob(key);
        return switch (length) {
            case 64 -> HexFormat.of().formatHex(digest("SHA-256", blob));
            case 43 -> Base64.getEncoder().withoutPadding().encodeToString(digest("SHA-256", blob));
            case 59 -> HexFormat.ofDelimiter(":").formatHex(digest("SHA-1", blob));
            case 47 -> HexFormat.ofDelimiter(":").formatHex(digest("MD5", blob));
            default -> "";
        };
    }

    /** The key in SSH's wire encoding, what every SSH fingerprint is taken of. */
    private static byte[] blob(PublicKey key) {
        String openSsh = PublicKeyEntry.toString(key);
        String[] parts = openSsh.split(" ");
        return Base64.getDecoder().decode(parts[1].getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }
}
