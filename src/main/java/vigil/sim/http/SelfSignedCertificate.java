package vigil.sim.http;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A key pair and a certificate signed by itself, made when the sim starts and never written to disk:
 * what a dev CF without a proper CA serves. It names 127.0.0.1, localhost and the apps domain's routes,
 * so that only its trust (not its names) is what a verifying client refuses.
 *
 * <p>Built with BouncyCastle's certificate builder and signed by the JDK's own providers.
 */
final class SelfSignedCertificate {
    private static final Duration VALIDITY = Duration.ofDays(7);
    // The key store lives in memory only; its password protects nothing but is required by the API.
    private static final char[] IN_MEMORY = "vigil-sim".toCharArray();

    private final KeyPair keys;
    private final X509Certificate certificate;

    private SelfSignedCertificate(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    /** @param dnsNames the host names it is for besides 127.0.0.1, e.g. {@code localhost}, {@code *.apps.vigil.test} */
    static SelfSignedCertificate generate(String... dnsNames) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=vigil embedded CF (self-signed)");
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(dnsNames));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new SelfSignedCertificate(keys, certificate);
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot generate the sim's self-signed certificate: " + e.getMessage(), e);
        }
    }

    private static GeneralNames alternativeNames(String... dnsNames) {
        GeneralName[] names = new GeneralName[dnsNames.length + 1];
        names[0] = new GeneralName(GeneralName.iPAddress, "127.0.0.1");
        for (int i = 0; i < dnsNames.length; i++) {
            names[i + 1] = new GeneralName(GeneralName.dNSName, dnsNames[i]);
        }
        return new GeneralNames(names);
    }

    /** The certificate itself, e.g. for a test that gives it to a client as the CA to trust. */
    X509Certificate certificate() {
        return certificate;
    }

    /** For the servers: presents this certificate. */
    SSLContext serverContext() {
        try {
            KeyStore store = emptyStore();
            store.setKeyEntry("sim", keys.getPrivate(), IN_MEMORY, new X509Certificate[] {certificate});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, IN_MEMORY);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot serve the sim's self-signed certificate: " + e.getMessage(), e);
        }
    }

    /** For the sim's own clients (the CC asking the UAA): trusts this certificate and nothing else. */
    SSLContext trustingContext() {
        try {
            KeyStore store = emptyStore();
            store.setCertificateEntry("sim", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot trust the sim's self-signed certificate: " + e.getMessage(), e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }
}
