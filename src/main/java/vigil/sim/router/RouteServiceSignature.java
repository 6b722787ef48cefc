package vigil.sim.router;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The {@code X-CF-Proxy-Signature} and {@code X-CF-Proxy-Metadata} the router gives a request it sends to a
 * route service, and their check when the route service sends the request back. The format follows
 * gorouter's idea (an encrypted blob only the router can read), not its bytes: the signature is
 * AES-256-GCM over {@code <requested time in epoch ms>\n<forwarded URL>} with a key made at router start
 * and never shown; the metadata is the 12-byte GCM nonce; both base64url without padding. The GCM tag makes a
 * changed signature, URL or nonce fail to decrypt. A signature is accepted for its own URL (scheme aside: a
 * route service may come back over https) and for {@link #LIFETIME}, gorouter's {@code route_services_timeout}.
 */
final class RouteServiceSignature {

    static final String FORWARDED_URL = "X-CF-Forwarded-Url";
    static final String SIGNATURE = "X-CF-Proxy-Signature";
    static final String METADATA = "X-CF-Proxy-Metadata";
    static final Duration LIFETIME = Duration.ofSeconds(60);

    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    RouteServiceSignature(Clock clock) {
        this.clock = clock;
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            this.key = generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM offers no AES key generator", e);
        }
    }

    /** The two header values for a request to {@code forwardedUrl}: signature, then metadata. */
    String[] sign(String forwardedUrl) {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        byte[] plain = (clock.millis() + "\n" + forwardedUrl).getBytes(StandardCharsets.UTF_8);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            return new String[] {ENCODER.encodeToString(cipher.doFinal(plain)), ENCODER.encodeToString(nonce)};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    /** Whether the headers were made by this router, for this URL, less than {@link #LIFETIME} ago. */
    boolean valid(String signature, String metadata, String requestUrl) {
        if (signature == null || metadata == null) {
            return false;
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, DECODER.decode(metadata)));
            String plain = new String(cipher.doFinal(DECODER.decode(signature)), StandardCharsets.UTF_8);
            int newline = plain.indexOf('\n');
            long requested = Long.parseLong(plain.substring(0, newline));
            String signedUrl = plain.substring(newline + 1);
            long age = clock.millis() - requested;
            return age >= 0 && age <= LIFETIME.toMillis() && withoutScheme(signedUrl).equals(withoutScheme(requestUrl));
        } catch (GeneralSecurityException | IllegalArgumentException | IndexOutOfBoundsException e) {
            return false;
        }
    }

    private static String withoutScheme(String url) {
        return url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
    }

}
