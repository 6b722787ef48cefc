package vigil.testapp.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The test app's TCP echo mode over a plain socket, and its {@code /proxy} call with the JDK's HttpClient. */
class NetworkModesTest {

    @Test
    void echoModeSendsEachLineBackAndTellsItsInstance() throws Exception {
        AppEnvironment environment = new AppEnvironment(0, "echo", "0", "instance-guid-1", null);
        try (TcpEcho echo = TcpEcho.listen(environment, new PrintStream(new ByteArrayOutputStream()))) {
            Thread serving = new Thread(echo::serve, "echo-test");
            serving.setDaemon(true);
            serving.start();
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), echo.port())) {
                socket.setSoTimeout(5000);
                OutputStream out = socket.getOutputStream();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                out.write("hello there\ninstance?\n".getBytes(StandardCharsets.UTF_8));
                out.flush();

                assertThat(in.readLine()).isEqualTo("hello there");
                assertThat(in.readLine()).isEqualTo("instance-guid-1");
            }
        }
    }

    @Test
    void proxyAnswersWhatTheOtherSideAnswered() throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", exchange -> {
            byte[] body = "from the other app".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        other.start();
        try {
            Proxy.Answer answer = Proxy.call("127.0.0.1:" + other.getAddress().getPort() + "/x");

            assertThat(answer).isEqualTo(new Proxy.Answer(201, "from the other app"));
        } finally {
            other.stop(0);
        }
    }

    @Test
    void proxyToAClosedPortIs502NamingTheFailure() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }

        Proxy.Answer answer = Proxy.call("127.0.0.1:" + port + "/");

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.body()).startsWith("proxy to http://127.0.0.1:" + port + "/ failed: ConnectException");
    }
}
