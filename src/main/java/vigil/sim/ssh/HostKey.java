package vigil.sim.ssh;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;

/**
 * The SSH proxy's host key, made at start and never written to disk, and its fingerprint in the form CF
 * announces it ({@code app_ssh_host_key_fingerprint}): CredHub's SSH fingerprint, which cf-deployment passes to
 * CC as it is, is the SHA-256 of the key's SSH encoding in unpadded base64 (43 characters, no {@code SHA256:}
 * prefix). The cf CLI checks the key it is offered against it. EC P-256 rather than CF's RSA: it is made in a
 * few milliseconds, and every SSH client accepts it.
 */
final class HostKey {

    private static final String SHA256_PREFIX = "SHA256:";

    private final KeyPair keyPair;
    private final String fingerprint;

    private HostKey(KeyPair keyPair) {
        this.keyPair = keyPair;
        String openSsh = KeyUtils.getFingerPrint(BuiltinDigests.sha256, keyPair.getPublic());
        if (!openSsh.startsWith(SHA256_PREFIX)) {
            throw new IllegalStateException("unexpected fingerprint format: " + openSsh);
        }
        this.fingerprint = openSsh.substring(SHA256_PREFIX.length());
    }

    static HostKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new HostKey(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the SSH proxy's host key: " + e.getMessage(), e);
        }
    }

    KeyPair keyPair() {
        return keyPair;
    }

    /** SHA-256 in unpadded base64, as {@code app_ssh_host_key_fingerprint} gives it. */
    String fingerprint() {
        return fingerprint;
    }
}
