package vigil.cli;

/**
 * JDK settings Vigil's HTTP servers and clients need, read once per JVM when the first of them loads, so
 * set at the very start of a command.
 */
final class JvmSettings {
    private JvmSettings() {
    }

    static void apply() {
        // The JDK's HttpServer writes headers and body separately; without TCP_NODELAY each response waits
        // ~40 ms for a delayed ACK: the embedded CF's API, router and latency figures would all carry it.
        setIfAbsent("sun.net.httpserver.nodelay", "true");
        // The embedded CF's router forwards the route's Host header to the app, as gorouter does; fresh-connection
        // availability probes send Connection: close (issue 15).
        setIfAbsent("jdk.httpclient.allowRestrictedHeaders", "host,connection");
        // cf ssh: Apache SSHD would register Bouncy Castle (in the jar for the sim's certificate) as its JCE provider,
        // loading some 700 classes (~0.1 s of CPU) for crypto the JDK has: SSH's ECDSA, RSA, AES and ECDH.
        setIfAbsent("org.apache.sshd.security.provider.BC.enabled", "false");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
