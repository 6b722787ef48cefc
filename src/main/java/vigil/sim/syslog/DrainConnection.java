package vigil.sim.syslog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import vigil.sim.api.AppSyslogDrain;

/**
 * One open connection to a drain: plain TCP for {@code syslog://}, TLS for {@code syslog-tls://}. TLS verifies
 * the drain's certificate and host name, as CF's syslog agent does (its {@code drain_skip_cert_verify} is off by
 * default), against the JVM's trusted CAs plus the {@code ca} given in the binding's credentials. Only loopback
 * addresses are dialled: the embedded CF is a local CF that must send nothing off this machine.
 */
final class DrainConnection implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int WRITE_TIMEOUT_MS = 10_000;

    private final Socket socket;
    private final OutputStream out;

    private DrainConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** Why the drain URL cannot be used at all (not worth retrying), or null when it can. */
    static String unusable(URI url) {
        if (url.getScheme() == null || !(url.getScheme().equals("syslog") || url.getScheme().equals("syslog-tls"))) {
            return "unsupported protocol: \"" + url.getScheme() + "\" (the embedded CF drains to syslog:// and syslog-tls://)";
        }
        if (url.getHost() == null || url.getPort() < 1) {
            return "the drain URL needs a host and a port, e.g. syslog://127.0.0.1:5140";
        }
        return null;
    }

    /** @param dialHost where to connect: the URL's host, or the TCP router for a TCP domain's name */
    static DrainConnection open(URI url, String dialHost, AppSyslogDrain drain) throws IOException {
        InetAddress address = loopback(dialHost);
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(address, url.getPort()), CONNECT_TIMEOUT_MS);
            plain.setSoTimeout(WRITE_TIMEOUT_MS);
            if (url.getScheme().equals("syslog")) {
                return new DrainConnection(plain);
            }
            SSLSocket tls = (SSLSocket) tlsContext(drain.ca()).getSocketFactory()
                    .createSocket(plain, url.getHost(), url.getPort(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            return new DrainConnection(tls);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    void write(byte[] frame) throws IOException {
        out.write(frame);
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a broken connection: nothing left to do
        }
    }

    private static InetAddress loopback(String host) throws IOException {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IOException("cannot resolve " + host, e);
        }
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                throw new IOException(host + " is not a loopback address: the embedded CF sends drains only to "
                        + "127.0.0.0/8 and ::1");
            }
        }
        return addresses[0];
    }

    private static SSLContext tlsContext(String caPem) throws IOException {
        try {
            List<X509TrustManager> managers = new ArrayList<>();
            managers.add(trustManager(null));
            if (caPem != null && !caPem.isBlank()) {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                int n = 0;
                for (Certificate certificate : CertificateFactory.getInstance("X.509")
                        .generateCertificates(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)))) {
                    store.setCertificateEntry("drain-ca-" + n++, certificate);
                }
                managers.add(trustManager(store));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AnyOf(managers)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS for the drain: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager in this JVM");
    }

    /** Trusts a chain that one of the managers trusts: the JVM's CAs or the binding's own. */
    private record AnyOf(List<X509TrustManager> managers) implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a drain connection has no clients");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            CertificateException last = null;
            for (X509TrustManager manager : managers) {
                try {
                    manager.checkServerTrusted(chain, authType);
                    return;
                } catch (CertificateException e) {
                    last = e;
                }
            }
            throw last;
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return managers.stream().flatMap(m -> java.util.Arrays.stream(m.getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }
}
