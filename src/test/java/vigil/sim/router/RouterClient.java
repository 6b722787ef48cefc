package vigil.sim.router;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.http.Header;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpEntityEnclosingRequestBase;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

/**
 * What a probe or a CF client does with {@code router_address}: connect to the router and name the
 * route in {@code Host}. Apache's client is used because the JDK client refuses to set Host.
 */
final class RouterClient implements AutoCloseable {

    record Reply(int status, Header[] headers, String body) {
        String header(String name) {
            return Arrays.stream(headers).filter(h -> h.getName().equalsIgnoreCase(name))
                    .map(Header::getValue).findFirst().orElse(null);
        }

        List<String> headerValues(String name) {
            return Arrays.stream(headers).filter(h -> h.getName().equalsIgnoreCase(name)).map(Header::getValue).toList();
        }
    }

    private final Router router;
    private final CloseableHttpClient client = HttpClients.custom()
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .setMaxConnTotal(64)
            .setMaxConnPerRoute(64)
            .setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(5_000).setSocketTimeout(20_000).build())
            .build();

    RouterClient(Router router) {
        this.router = router;
    }

    Reply get(String host, String pathAndQuery, String... headers) {
        return send("GET", host, pathAndQuery, null, headers);
    }

    /**
     * @param host the Host header, or null to let the client send the router's own address
     * @param body null for none
     * @param headers name, value, name, value, ...
     */
    Reply send(String method, String host, String pathAndQuery, String body, String... headers) {
        HttpRequestBase request;
        if (body == null) {
            request = new HttpRequestBase() {
                @Override
                public String getMethod() {
                    return method;
                }
            };
        } else {
            HttpEntityEnclosingRequestBase withBody = new HttpEntityEnclosingRequestBase() {
                @Override
                public String getMethod() {
                    return method;
                }
            };
            withBody.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8)));
            request = withBody;
        }
        request.setURI(router.uri().resolve(pathAndQuery));
        return execute(request, host, headers);
    }

    private Reply execute(HttpRequestBase request, String host, String... headers) {
        if (host != null) {
            request.setHeader("Host", host);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        try (CloseableHttpResponse response = client.execute(request)) {
            String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            return new Reply(response.getStatusLine().getStatusCode(), response.getAllHeaders(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(request.getMethod() + " " + request.getURI() + " failed", e);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
