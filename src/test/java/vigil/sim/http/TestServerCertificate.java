package vigil.sim.http;

import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import javax.net.ssl.SSLContext;

/** A self-signed certificate for 127.0.0.1 and {@code localhost}, for a test's own TLS server, and its PEM. */
public final class TestServerCertificate {
    private final SelfSignedCertificate certificate = SelfSignedCertificate.generate("localhost");

    public SSLContext serverContext() {
        return certificate.serverContext();
    }

    public String pem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.certificate().getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
