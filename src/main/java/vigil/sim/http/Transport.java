package vigil.sim.http;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;

/**
 * How the sim's servers speak: plain HTTP (the default), or HTTPS with one self-signed certificate
 * shared by the Cloud Controller, UAA, log-cache and router, as {@code vigil sim --tls} serves them.
 *
 * <pre>{@code
 * Transport https = Transport.selfSigned("localhost", "*.apps.vigil.test");
 * HttpServer server = https.create(new InetSocketAddress(loopback, 0), 0);   // an HttpsServer
 * String url = https.scheme() + "://127.0.0.1:" + server.getAddress().getPort();
 * }</pre>
 */
public final class Transport {
    public static final Transport PLAIN = new Transport(null);

    private final SelfSignedCertificate certificate;

    private Transport(SelfSignedCertificate certificate) {
        this.certificate = certificate;
    }

    /** HTTPS with a certificate generated now for 127.0.0.1 and the given host names. */
    public static Transport selfSigned(String... dnsNames) {
        return new Transport(SelfSignedCertificate.generate(dnsNames));
    }

    public boolean tls() {
        return certificate != null;
    }

    /** {@code https} or {@code http}. */
    public String scheme() {
        return tls() ? "https" : "http";
    }

    /** Binds a server of this transport; it is not started. */
    public HttpServer create(InetSocketAddress address, int backlog) throws IOException {
        if (!tls()) {
            return HttpServer.create(address, backlog);
        }
        HttpsServer server = HttpsServer.create(address, backlog);
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        return server;
    }

    /** A client builder for the sim's calls to its own servers: it trusts the sim's certificate. */
    public HttpClient.Builder client() {
        HttpClient.Builder builder = HttpClient.newBuilder();
        return tls() ? builder.sslContext(certificate.trustingContext()) : builder;
    }

    @Override
    public String toString() {
        return "Transport[" + scheme() + "]";
    }
}
