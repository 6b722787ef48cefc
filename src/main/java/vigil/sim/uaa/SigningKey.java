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
import vigil.sim.http.JsonWriter;

/**
 * The zone's RSA token signing key, generated at start: nothing persists, so tokens from an
 * earlier sim are (correctly) rejected by a new one. Tokens carry {@code kid} and {@code jku}
 * headers like UAA's so clients can look the key up at {@code /token_keys}.
 */
final class SigningKey {

    static final String KEY_ID = "key-1";

    private final RSAKey key;
    private final URI keysUrl;

    private SigningKey(RSAKey key, URI keysUrl) {
        this.key = key;
        this.keysUrl = keysUrl;
    }

    static SigningKey generate(URI keysUrl) {
        try {
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyID(KEY_ID)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            return new SigningKey(key, keysUrl);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the token signing key", e);
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
            jws.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jws.serialize();
    }

    /** Whether this key signed the token; false for anything that is not an RS256 JWS. */
    boolean signed(SignedJWT token) {
        try {
            return JWSAlgorithm.RS256.equals(token.getHeader().getAlgorithm())
                    && token.verify(new RSASSAVerifier(key.toRSAPublicKey()));
        } catch (JOSEException e) {
            return false;
        }
    }

    RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as UAA lists it: a JWK plus the PEM {@code value} older clients read. */
    ObjectNode publicJwk() {
        return JsonWriter.object()
                .put("kty", "RSA")
                .put("e", key.getPublicExponent().toString())
                .put("use", "sig")
                .put("kid", KEY_ID)
                .put("alg", JWSAlgorithm.RS256.getName())
                .put("value", pem())
                .put("n", key.getModulus().toString());
    }

    private String pem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(publicKey().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----";
    }
}
