package vigil.sim.router;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one request the way gorouter's handler chain does, in its order: the health check, the
 * Host, {@code X-Cf-App-Instance}, the route lookup, the fault seam, then the backends (round-robin,
 * connection failures retried) and the backend's answer passed back with {@code X-Vcap-Request-Id}.
 */
final class ProxyHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyHandler.class);

    // gorouter answers load balancer health checks on the proxy port when they come with this agent.
    private static final String HEALTH_CHECK_USER_AGENT = "HTTP-Monitor/1.1";

    private final RouteResolver resolver;
    private final RequestFilter filter;
    private final RoundRobin roundRobin = new RoundRobin();
    private final Forwarder forwarder;
    private final Clock clock;
    private final RouteServiceSignature signatures;

    ProxyHandler(RouteResolver resolver, RouterOptions options, Clock clock) {
        this.resolver = resolver;
        this.filter = options.filter();
        this.forwarder = new Forwarder(options);
        this.clock = clock;
        this.signatures = new RouteServiceSignature(clock);
    }

    @Override
    public void handle(HttpExchange exchange) {
        try (exchange) {
            try {
                serve(exchange);
            } catch (IOException clientGone) {
                // The client hung up or the router is stopping: nobody is left to answer.
                LOG.debug("could not answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), clientGone);
            } catch (RuntimeException e) {
                LOG.error("router failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                answerQuietly(exchange, RouterErrors.unknownFailure());
            }
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        Headers incoming = exchange.getRequestHeaders();
        if (HEALTH_CHECK_USER_AGENT.equals(incoming.getFirst("User-Agent"))) {
            answer(exchange, new RouterAnswer(200, Map.of("Cache-Control", "private, max-age=0", "Expires", "0"), "ok\n"));
            return;
        }
        String hostHeader = incoming.getFirst("Host");
        String clientAddress = exchange.getRemoteAddress().getAddress().getHostAddress();
        Optional<String> host = RequestHost.of(hostHeader, clientAddress);
        if (host.isEmpty()) {
            answer(exchange, RouterErrors.emptyHost());
            return;
        }
        URI uri = exchange.getRequestURI();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();

        // gorouter treats an empty header as no header.
        String instanceHeader = incoming.getFirst(AppInstanceHeader.NAME);
        Optional<AppInstanceHeader> target = Optional.empty();
        if (instanceHeader != null && !instanceHeader.isEmpty()) {
            target = AppInstanceHeader.parse(instanceHeader);
            if (target.isEmpty()) {
                answer(exchange, RouterErrors.invalidAppInstanceHeader());
                return;
            }
        }

        List<Backend> backends = resolver.backends(host.get(), path);
        if (target.isPresent()) {
            AppInstanceHeader wanted = target.get();
            // A targeted request goes to that instance alone and leaves the route's rotation alone.
            backends = backends.stream().filter(wanted::names).toList();
            if (backends.isEmpty()) {
                answer(exchange, RouterErrors.unknownInstance(wanted, hostHeader));
                return;
            }
        } else if (backends.isEmpty()) {
            answer(exchange, RouterErrors.unknownRoute(hostHeader));
            return;
        } else {
            backends = roundRobin.order(host.get(), backends);
        }

        Optional<RouterAnswer> fault = filter.intercept(host.get(), path);
        if (fault.isPresent()) {
            answer(exchange, fault.get());
            return;
        }

        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        Optional<String> routeService = resolver.routeServiceUrl(host.get(), path);
        if (routeService.isPresent()) {
            String proto = Optional.ofNullable(incoming.getFirst("X-Forwarded-Proto")).orElse("http");
            String forwardedUrl = proto + "://" + hostHeader + pathAndQuery;
            String signature = incoming.getFirst(RouteServiceSignature.SIGNATURE);
            if (signature == null || signature.isEmpty()) {
                sendThroughRouteService(exchange, routeService.get(), forwardedUrl, incoming, body, clientAddress);
                return;
            }
            if (!signatures.valid(signature, incoming.getFirst(RouteServiceSignature.METADATA), forwardedUrl)) {
                answer(exchange, RouterErrors.invalidRouteServiceSignature());
                return;
            }
            // Back from the route service with this router's signature: on to the app.
        }
        ForwardedRequest request = ForwardedRequest.of(exchange.getRequestMethod(), pathAndQuery, hostHeader, incoming,
                body, UUID.randomUUID().toString(), clientAddress, clock);

        Forwarder.Outcome outcome = forwarder.forward(backends, request);
        if (outcome instanceof Forwarder.Answered answered) {
            relay(exchange, request, answered.response());
        } else if (outcome instanceof Forwarder.Failed failed) {
            LOG.debug("endpoint failure for {}{}: {}", host.get(), path, failed.cause());
            answer(exchange, RouterErrors.endpointFailure(failed.cause()));
        }
    }

    /**
     * Sends the request to the route service instead of the app, as gorouter does: to the route service URL, with
     * the original URL in {@code X-CF-Forwarded-Url} and this router's signature, which the request must carry
     * when the route service sends it back. The route service must be an app on this CF (its URL's host a route
     * here); the sim reaches nothing else.
     */
    private void sendThroughRouteService(HttpExchange exchange, String routeServiceUrl, String forwardedUrl,
                                         Headers incoming, byte[] body, String clientAddress) throws IOException {
        URI target = URI.create(routeServiceUrl);
        String targetPath = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        List<Backend> routeServices = target.getHost() == null ? List.of() : resolver.backends(target.getHost(), targetPath);
        if (routeServices.isEmpty()) {
            answer(exchange, RouterErrors.routeServiceUnreachable(routeServiceUrl));
            return;
        }
        Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(incoming);
        String[] signed = signatures.sign(forwardedUrl);
        headers.put(RouteServiceSignature.FORWARDED_URL, List.of(forwardedUrl));
        headers.put(RouteServiceSignature.SIGNATURE, List.of(signed[0]));
        headers.put(RouteServiceSignature.METADATA, List.of(signed[1]));
        String pathAndQuery = target.getRawQuery() == null ? targetPath : targetPath + "?" + target.getRawQuery();
        ForwardedRequest request = ForwardedRequest.of(exchange.getRequestMethod(), pathAndQuery,
                target.getRawAuthority(), headers, body, UUID.randomUUID().toString(), clientAddress, clock);
        Forwarder.Outcome outcome = forwarder.forward(roundRobin.order(target.getHost(), routeServices), request);
        if (outcome instanceof Forwarder.Answered answered) {
            relay(exchange, request, answered.response());
        } else if (outcome instanceof Forwarder.Failed failed) {
            answer(exchange, RouterErrors.endpointFailure(failed.cause()));
        }
    }

    /** Passes the backend's status, headers and body back, as gorouter does, adding the request id if the app set none. */
    private static void relay(HttpExchange exchange, ForwardedRequest request, HttpResponse<byte[]> response) throws IOException {
        Headers out = exchange.getResponseHeaders();
        HopByHopHeaders.removedFrom(response.headers().map()).forEach((name, values) -> {
            // The server here frames the body itself.
            if (!"Content-Length".equalsIgnoreCase(name)) {
                out.put(name, values);
            }
        });
        if (!out.containsKey(ForwardedRequest.REQUEST_ID)) {
            out.set(ForwardedRequest.REQUEST_ID, request.requestId());
        }
        send(exchange, response.statusCode(), response.body());
    }

    private static void answer(HttpExchange exchange, RouterAnswer answer) throws IOException {
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        send(exchange, answer.status(), answer.bodyBytes());
    }

    private static void answerQuietly(HttpExchange exchange, RouterAnswer answer) {
        try {
            answer(exchange, answer);
        } catch (IOException | RuntimeException alreadyAnswered) {
            // Headers may already be out; the exchange is closed either way.
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod()) || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
