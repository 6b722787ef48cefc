package vigil.sim.api;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * {@link BrokerAddresses} for the embedded CF: a loopback URL is used as it is; a URL whose host is a route of
 * this CF goes straight to an instance of the app behind it (as a real CC's request would through DNS and the
 * router), over plain HTTP since the sim's apps serve no TLS. Anything else is unreachable.
 */
final class AppRouteAddresses implements BrokerAddresses {

    private volatile BiFunction<String, String, Optional<InetSocketAddress>> routes = (host, path) -> Optional.empty();

    void use(BiFunction<String, String, Optional<InetSocketAddress>> resolver) {
        this.routes = resolver;
    }

    @Override
    public URI resolve(URI url) {
        String host = url.getHost();
        if (host == null) {
            throw CcError.SERVICE_BROKER_UNREACHABLE.raise(url);
        }
        if (isLoopback(host)) {
            return url;
        }
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        InetSocketAddress instance = routes.apply(host, path)
                .orElseThrow(() -> CcError.SERVICE_BROKER_UNREACHABLE.raise(url));
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        return URI.create("http://" + instance.getHostString() + ":" + instance.getPort() + path + query);
    }

    private static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
            return false; // a name: never looked up, the sim does not leave the machine
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
