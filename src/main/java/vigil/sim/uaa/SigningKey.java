package vigil.sim.uaa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import vigil.sim.http.JsonWriter;

/**
 * The zone's RSA token signing key, generated at start: nothing persists, so tokens from an
 * earlier sim are (correctly) rejected by a new one. Tokens carry {@code kid} and {@code jku}
 * headers like UAA's so clients can look the key up at {@code /token_keys}.
 *
 * <p>The key is generated on a thread of its own while the rest of the embedded CF starts: a 2048-bit key takes
 * from a few hundred milliseconds to seconds of CPU, most of the sim's start-up.
 */
final class SigningKey {

    static final String KEY_ID = "key-1";

    private final CompletableFuture<RSAKey> pending;
    private final URI keysUrl;

    private SigningKey(CompletableFuture<RSAKey> pending, URI keysUrl) {
        this.pending = pending;
        this.keysUrl = keysUrl;
    }

    /** Starts generating a new key; its first use waits until it is there. */
    static SigningKey generate(URI keysUrl) {
        Executor ownThread = task -> {
            Thread thread = new Thread(task, "vigil-sim-uaa-key");
            thread.setDaemon(true);
            thread.start();
        };
        return new SigningKey(CompletableFuture.supplyAsync(SigningKey::newKey, ownThread), keysUrl);
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(KEY_ID)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the token signing key", e);
        }
    }

    private RSAKey key() {
        try {
            return pending.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("cannot generate the token signing key", e.getCause());
        }
    }

    /** A compact RS256 JWS whose payload is exactly these claims, in this order. */
    String sign(ObjectNode claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .jwkURL(keysUrl)
                .keyID(KEY_ID)
                .type(JOSEObjectType.JWT)
                .build();
        JWSObject jws = new JWSObject(header, new Payload(new String(JsonWriter.write(claims), StandardCharsets.UTF_8)));
        try {
            jws.sign(new RSASSASigner(key()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jws.serialize();
    }

    /** Whether this key signed the token; false for anything that is not an RS256 JWS. */
    boolean signed(SignedJWT token) {
        try {
            return JWSAlgorithm.RS256.equals(token.getHeader().getAlgorithm())
                    && token.verify(new RSASSAVerifier(key().toRSAPublicKey()));
        } catch (JOSEException e) {
            return false;
        }
    }

    RSAPublicKey publicKey() {
        try {
            return key().toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as UAA lists it: a JWK plus the PEM {@code value} older clients read. */
    ObjectNode publicJwk() {
        return JsonWriter.object()
                .put("kty", "RSA")
                .put("e", key().getPublicExponent().toString())
                .put("use", "sig")
                .put("kid", KEY_ID)
                .put("alg", JWSAlgorithm.RS256.getName())
                .put("value", pem())
                .put("n", key().getModulus().toString());
    }

    private String pem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(publicKey().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----";
    }
}
