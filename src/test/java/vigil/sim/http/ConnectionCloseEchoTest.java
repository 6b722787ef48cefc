package vigil.sim.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The sim's servers say they close a connection a client asked to close, as gorouter does (RFC 9112 9.6). */
class ConnectionCloseEchoTest {
    @Test
    void answersConnectionCloseOnlyWhenAskedFor() throws Exception {
        try (LoopbackServer server = LoopbackServer.bind(0, "echo-test")) {
            server.serve(request -> Response.empty(204));
            HttpClient client = HttpClient.newHttpClient();
            URI uri = server.uri().resolve("/x");
            HttpResponse<Void> closing = client.send(HttpRequest.newBuilder(uri).header("Connection", "close").build(),
                    HttpResponse.BodyHandlers.discarding());
            HttpResponse<Void> kept = client.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.discarding());

            assertThat(closing.headers().firstValue("Connection")).hasValue("close");
            assertThat(kept.headers().firstValue("Connection")).isEmpty();
        }
    }
}
