package vigil.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import vigil.cf.AppLogLine;
import vigil.cf.AppResponse;
import vigil.cf.Domain;
import vigil.cf.PushRequest;
import vigil.cf.PushedApp;
import vigil.cf.Route;

/**
 * Syslog drains, as CATS's app_syslog_tcp checks them: a listener app (the test app in listener mode, printing what it
 * receives) is the drain; a user-provided service with {@code syslog_drain_url} pointing at it is bound to the test
 * app; the app's lines must reach the listener as RFC 5424 messages framed by octet counting. With TCP routing
 * ({@code tcp_domain} set, as for the {@code @tcp-routing} scenarios) the listener is reached as CATS reaches it:
 * through a TCP route of its own, {@code syslog://TCP-DOMAIN:ROUTE-PORT}. Without, at the address CC's process stats
 * give for it ({@code host} and the {@code external} port): CF's syslog agents dial drains from the cells, which
 * then must reach each other's app ports.
 */
public final class SyslogDrainSteps {
    private static final String LISTENER = "syslog listener";
    private static final String RECEIVED = "vigil-syslog-received ";
    private static final String UNFRAMED = "vigil-syslog-unframed ";
    /** CATS writes its line every 3 s until the drain has it: a binding reaches CF's syslog agents after a while. */
    private static final Duration WRITE_AGAIN_AFTER = Duration.ofSeconds(3);

    private final ScenarioContext context;
    private String marker;
    private SyslogMessage received;
    private String unframed;
    private String drainUrl;
    private final String unboundMarker = "vigil-undrained-" + UUID.randomUUID();

    public SyslogDrainSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("a syslog drain listener app is pushed")
    public void listenerIsPushed() {
        String name = context.run().workspace().names().next("app");
        PushRequest request = TestAppBits.request(name, null, context.config().appsDomain(), 1,
                Map.of("VIGIL_SYSLOG_LISTENER", "true"));
        context.pushed(LISTENER, context.workspace().push(request, context.config().freshStaging()));
    }

    @When("a user-provided service with the listener as syslog drain is bound to the app")
    public void drainIsBound() {
        PushedApp listener = context.app(LISTENER);
        String url = "syslog://" + listenerAddress(listener);
        drainUrl = url;
        String space = context.workspace().space().guid();
        String name = context.run().workspace().names().next("drain");
        String instance = context.cf().services().createSyslogDrain(name, space, url);
        String binding = context.cf().services().bind(instance, context.app().app().guid());
        context.workspace().removeAtEnd("syslog drain " + name, () -> {
            context.cf().services().unbind(binding);
            context.cf().services().delete(instance);
        });
    }

    /** CATS's way where the CF has TCP routing: a TCP route to the listener; else its cell address from the stats. */
    private String listenerAddress(PushedApp listener) {
        if (context.config().tcpDomain() != null) {
            Domain domain = TcpDomainOfRun.of(context.run());
            Route route = context.cf().routes().createTcp(domain.guid(), context.workspace().space().guid());
            assertThat(route.port()).as("port of the TCP route %s for the syslog listener", route.url()).isNotNull();
            context.cf().routes().map(route.guid(), listener.app().guid());
            String address = domain.name() + ":" + route.port();
            context.log("syslog drain URL syslog://" + address + ": the TCP route " + route.url() + " of the listener "
                    + listener.app().name() + " (tcp_domain is set)");
            return address;
        }
        List<String> addresses = Awaitility.await("an external address of " + listener.app().name() + " in its stats")
                .pollInSameThread()
                .pollInterval(context.cf().timeouts().poll())
                .atMost(context.cf().timeouts().start())
                .until(() -> context.cf().processes().externalAddresses(listener.app().guid()), list -> !list.isEmpty());
        context.log("syslog drain URL syslog://" + addresses.get(0) + ": the cell address of the listener "
                + listener.app().name() + " from its process stats (no tcp_domain, so no TCP route)");
        return addresses.get(0);
    }

    @When("the app keeps writing a unique line to its log until the listener has it")
    public void appWritesToStdout() {
        awaitAtListener("/log/", null);
    }

    @When("the app keeps writing a unique line to its stderr until the listener has it")
    public void appWritesToStderr() {
        awaitAtListener("/log-stderr/", null);
    }

    @When("the {string} app and the app keep writing unique lines, in that order, until the listener has the app's")
    public void bothAppsWrite(String unboundAlias) {
        awaitAtListener("/log/", context.app(unboundAlias));
    }

    /** As CATS checks it: the unbound app wrote before the bound one each time, and for a while after nothing came. */
    @Then("the listener got no line of the {string} app")
    public void nothingOfTheUnboundApp(String unboundAlias) {
        PushedApp listener = context.app(LISTENER);
        Awaitility.await("no line " + unboundMarker + " of the " + unboundAlias + " app at the syslog listener")
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(500))
                .during(context.config().scaled(Duration.ofSeconds(3)))
                .atMost(context.config().scaled(Duration.ofSeconds(3)).plusSeconds(30))
                .until(() -> context.cf().logCache().recent(listener.app().guid(), 200).stream()
                        .map(AppLogLine::text).filter(text -> text.contains(unboundMarker)).findFirst(),
                        found -> {
                            assertThat(found).as("a line of the %s app, which is not bound to the drain, reached it",
                                    unboundAlias).isEmpty();
                            return true;
                        });
    }

    @Then("the line arrived octet-counted, as an RFC 5424 message")
    public void arrivedOctetCounted() {
        assertThat(unframed).as("the listener got the line without octet counting (RFC 6587 LENGTH SP MESSAGE), as: %s",
                unframed).isNull();
        assertThat(received.version()).as("VERSION of %s", received).isEqualTo(1);
        assertThat(OffsetDateTime.parse(received.timestamp()).toInstant())
                .as("TIMESTAMP of %s (RFC 3339)", received).isBetween(Instant.now().minusSeconds(600), Instant.now()
                        .plusSeconds(600));
        assertThat(received.msg().strip()).as("MSG of %s", received).isEqualTo(marker);
    }

    @Then("the message names the app as CF's syslog agent does: HOSTNAME org.space.app, APP-NAME its GUID, PROCID of its web instance 0")
    public void namesTheApp() {
        PushedApp app = context.app();
        JsonNode space = context.cf().getJson("/v3/spaces/" + context.workspace().space().guid());
        JsonNode org = context.cf().getJson("/v3/organizations/" + space.at("/relationships/organization/data/guid").asText());
        assertThat(received.hostname()).as("HOSTNAME of %s", received)
                .isEqualTo(SyslogMessage.cfHostname(org.path("name").asText(), space.path("name").asText(), app.app().name()));
        assertThat(received.appName()).as("APP-NAME of %s", received).isEqualTo(app.app().guid());
        assertThat(received.procId()).as("PROCID of %s", received).isEqualTo("[APP/PROC/WEB/0]");
        Map<String, String> tags = received.structuredData().getOrDefault("tags@47450", Map.of());
        assertThat(tags).as("structured data tags@47450 of %s", received)
                .containsEntry("app_name", app.app().name()).containsEntry("app_id", app.app().guid())
                .containsEntry("source_type", "APP/PROC/WEB");
    }

    @Then("its priority is {int}, facility user and severity {word}")
    public void priorityIs(int priority, String severity) {
        assertThat(received.priority()).as("PRI of the drained message carrying %s, expected for user.%s", marker,
                severity).isEqualTo(priority);
    }

    /**
     * Writes a new unique line, again every few seconds, until the listener printed a message holding it; an
     * {@code unbound} app (or null) writes a line of its own just before each time.
     */
    private void awaitAtListener(String endpoint, PushedApp unbound) {
        PushedApp app = context.app();
        PushedApp listener = context.app(LISTENER);
        marker = "vigil-drain-" + UUID.randomUUID();
        Instant[] lastWrite = {Instant.MIN};
        String[] lastSeen = {"nothing yet"};
        Optional<String> line;
        try {
            line = Awaitility.await("the line " + marker + " at the syslog listener " + listener.app().name()
                    + " (drain " + drainUrl + ")")
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(500))
                .atMost(context.config().scaled(Duration.ofMinutes(2)))
                .until(() -> {
                    if (Duration.between(lastWrite[0], Instant.now()).compareTo(WRITE_AGAIN_AFTER) > 0) {
                        if (unbound != null) {
                            AppResponse other = context.requests().get(context.requests().host(unbound),
                                    "/log/" + unboundMarker, Map.of());
                            assertThat(other.status()).as("GET /log/%s of the unbound app", unboundMarker).isEqualTo(200);
                        }
                        AppResponse response = context.requests().get(context.requests().host(app), endpoint + marker,
                                Map.of());
                        assertThat(response.status()).as("GET %s%s through the route", endpoint, marker).isEqualTo(200);
                        lastWrite[0] = Instant.now();
                    }
                    List<AppLogLine> lines = context.cf().logCache().recent(listener.app().guid(), 200);
                    lastSeen[0] = lines.isEmpty() ? "nothing" : lines.get(lines.size() - 1).text();
                    return lines.stream().map(AppLogLine::text).filter(text -> text.contains(marker)).findFirst();
                }, Optional::isPresent);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "; the listener's newest log line: " + lastSeen[0], e);
        }
        String text = line.orElseThrow();
        // Framing is the first scenario's concern; the message itself is judged the same way either way.
        if (text.startsWith(UNFRAMED)) {
            unframed = text.substring(UNFRAMED.length());
        }
        assertThat(text).as("what the listener printed").matches("^(" + RECEIVED + "|" + UNFRAMED + ").*");
        String message = text.substring(unframed != null ? UNFRAMED.length() : RECEIVED.length());
        try {
            received = SyslogMessage.parse(message);
        } catch (IllegalArgumentException e) {
            throw new AssertionError("the drain's message is not RFC 5424 (" + e.getMessage() + "): " + message, e);
        }
    }
}
