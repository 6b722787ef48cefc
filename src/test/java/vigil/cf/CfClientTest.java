package vigil.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted CC: error mapping, pagination, retries and the requests it must not retry. */
class CfClientTest {
    private static final RetryPolicy FAST_RETRY = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(40));
    private static final String APP_NOT_FOUND =
            "{\"errors\":[{\"detail\":\"App not found\",\"title\":\"CF-ResourceNotFound\",\"code\":10010}]}";
    private static final String APP = "{\"guid\":\"a1\",\"name\":\"my-app\",\"state\":\"STOPPED\","
            + "\"created_at\":\"2026-11-26T05:00:00Z\"}";

    private CcStub cc;

    @BeforeEach
    void startStub() throws IOException {
        cc = new CcStub();
    }

    @AfterEach
    void stopStub() {
        cc.close();
    }

    @Test
    void turnsCcErrorBodyIntoExceptionWithCodeTitleAndDetail() {
        cc.answer("GET /v3/apps/nope", 404, APP_NOT_FOUND);

        CfApiException error = catchThrowableOfType(CfApiException.class,
                () -> cc.client(FAST_RETRY).apps().get("nope"));

        assertThat(error.status()).isEqualTo(404);
        assertThat(error.code()).isEqualTo(10010);
        assertThat(error.title()).isEqualTo("CF-ResourceNotFound");
        assertThat(error.detail()).isEqualTo("App not found");
        assertThat(error.getMessage()).contains("GET /v3/apps/nope").contains("App not found");
    }

    @Test
    void keepsTheStartOfANonCcErrorBody() {
        cc.answer("GET /v3/apps/a1", 500, "<html>upstream exploded</html>");

        CfApiException error = catchThrowableOfType(CfApiException.class, () -> cc.client(FAST_RETRY).apps().get("a1"));

        assertThat(error.title()).isEqualTo("HTTP-500");
        assertThat(error.detail()).contains("upstream exploded");
    }

    @Test
    void followsPaginationToTheLastPage() {
        cc.answer("GET /v3/apps", 200, page(List.of("a1", "a2"), cc.uri() + "/v3/apps?page=2&per_page=2"));
        cc.answer("GET /v3/apps?page=2&per_page=2", 200, page(List.of("a3", "a4"), cc.uri() + "/v3/apps?page=3&per_page=2"));
        cc.answer("GET /v3/apps?page=3&per_page=2", 200, page(List.of("a5"), null));

        List<App> apps = cc.client(FAST_RETRY).apps().list();

        assertThat(apps).extracting(App::guid).containsExactly("a1", "a2", "a3", "a4", "a5");
    }

    @Test
    void retriesGetOn503And429UntilItSucceeds() {
        cc.answer("GET /v3/apps/a1", 503, "").answer("GET /v3/apps/a1", 429, "").answer("GET /v3/apps/a1", 200, APP);

        App app = cc.client(FAST_RETRY).apps().get("a1");

        assertThat(app.name()).isEqualTo("my-app");
        assertThat(cc.count("GET /v3/apps/a1")).isEqualTo(3);
    }

    @Test
    void retriesGetWhenTheConnectionIsDroppedWithoutAnswer() {
        cc.answer("GET /v3/apps/a1", 0, "").answer("GET /v3/apps/a1", 200, APP);

        App app = cc.client(FAST_RETRY).apps().get("a1");

        assertThat(app.guid()).isEqualTo("a1");
        assertThat(cc.count("GET /v3/apps/a1")).isEqualTo(2);
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheLastAnswer() {
        cc.answer("GET /v3/apps/a1", 502, "");

        CfApiException error = catchThrowableOfType(CfApiException.class, () -> cc.client(FAST_RETRY).apps().get("a1"));

        assertThat(error.status()).isEqualTo(502);
        assertThat(cc.count("GET /v3/apps/a1")).isEqualTo(FAST_RETRY.maxAttempts());
    }

    @Test
    void retriesAPostTheApiTurnedAwayWith503Or429() {
        cc.answer("POST /v3/apps/a1/actions/start", 503, "").answer("POST /v3/apps/a1/actions/start", 429, "")
                .answer("POST /v3/apps/a1/actions/start", 200, APP);

        cc.client(FAST_RETRY).apps().start("a1");

        assertThat(cc.count("POST /v3/apps/a1/actions/start")).isEqualTo(3);
    }

    @Test
    void neverRetriesAPostAfterABadGateway() {
        cc.answer("POST /v3/apps/a1/actions/start", 502, "");

        CfApiException error = catchThrowableOfType(CfApiException.class,
                () -> cc.client(FAST_RETRY).apps().start("a1"));

        assertThat(error.status()).isEqualTo(502);
        assertThat(cc.count("POST /v3/apps/a1/actions/start")).isEqualTo(1);
    }

    @Test
    void neverRetriesAPostWhoseConnectionFailed() {
        cc.answer("POST /v3/apps/a1/actions/start", 0, "").answer("POST /v3/apps/a1/actions/start", 200, APP);

        catchThrowableOfType(TargetUnreachableException.class, () -> cc.client(FAST_RETRY).apps().start("a1"));

        assertThat(cc.count("POST /v3/apps/a1/actions/start")).isEqualTo(1);
    }

    @Test
    void neverRetriesAClientError() {
        cc.answer("GET /v3/apps/nope", 404, APP_NOT_FOUND);

        catchThrowableOfType(CfApiException.class, () -> cc.client(FAST_RETRY).apps().get("nope"));

        assertThat(cc.count("GET /v3/apps/nope")).isEqualTo(1);
    }

    @Test
    void awaitsTheJobOfAnAsyncDelete() {
        cc.answer("DELETE /v3/apps/a1", 202, "");
        cc.answer("GET /v3/jobs/job-1", 200, "{\"guid\":\"job-1\",\"operation\":\"app.delete\",\"state\":\"PROCESSING\"}")
                .answer("GET /v3/jobs/job-1", 200, "{\"guid\":\"job-1\",\"operation\":\"app.delete\",\"state\":\"COMPLETE\"}");

        cc.client(FAST_RETRY).apps().delete("a1");

        assertThat(cc.count("GET /v3/jobs/job-1")).isEqualTo(2);
    }

    @Test
    void aFailedJobIsAnErrorWithItsReason() {
        cc.answer("DELETE /v3/apps/a1", 202, "");
        cc.answer("GET /v3/jobs/job-1", 200, "{\"guid\":\"job-1\",\"operation\":\"app.delete\",\"state\":\"FAILED\","
                + "\"errors\":[{\"detail\":\"boom\",\"title\":\"CF-UnknownError\",\"code\":10001}]}");

        CfApiException error = catchThrowableOfType(CfApiException.class, () -> cc.client(FAST_RETRY).apps().delete("a1"));

        assertThat(error.detail()).isEqualTo("boom");
        assertThat(error.getMessage()).contains("app.delete");
    }

    private static String page(List<String> guids, String next) {
        StringBuilder resources = new StringBuilder();
        for (String guid : guids) {
            resources.append(resources.length() == 0 ? "" : ",").append(APP.replace("a1", guid));
        }
        return "{\"pagination\":{\"total_results\":5,\"total_pages\":3,\"next\":"
                + (next == null ? "null" : "{\"href\":\"" + next + "\"}") + "},\"resources\":[" + resources + "]}";
    }
}
