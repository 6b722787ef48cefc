package vigil.cf;

import io.restassured.http.ContentType;
import java.util.Map;
import org.awaitility.Awaitility;

/** {@code /v3/packages}: an app's bits, created, uploaded and processed until READY. */
public final class Packages {
    private final CfClient cf;

    Packages(CfClient cf) {
        this.cf = cf;
    }

    public AppPackage createBits(String appGuid) {
        return cf.post("/v3/packages", Map.of("type", "bits",
                "relationships", Map.of("app", Relationship.to(appGuid))), AppPackage.class);
    }

    /** Uploads the bits (a zip; a JAR is one) with no cached resources, then awaits READY. */
    public AppPackage upload(String packageGuid, byte[] zip) {
        cf.upload("/v3/packages/" + packageGuid + "/upload", request -> request
                .multiPart("bits", "bits.zip", zip, "application/zip")
                .multiPart("resources", "resources.json", "[]".getBytes(), ContentType.JSON.toString()),
                AppPackage.class);
        Timeouts timeouts = cf.timeouts();
        return Awaitility.await("package " + packageGuid + " to be READY after upload")
                .pollInSameThread()
                .pollInterval(timeouts.poll())
                .atMost(timeouts.staging())
                .until(() -> cf.get("/v3/packages/" + packageGuid, AppPackage.class),
                        p -> p.state().equals("READY") || p.state().equals("FAILED") || p.state().equals("EXPIRED"));
    }
}
