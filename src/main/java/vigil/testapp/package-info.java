/**
 * The test app that Vigil's scenarios push (like CF's "dora"), and {@link vigil.testapp.TestAppJar},
 * which packs it into a runnable JAR at run time so the same bits run on the embedded CF ({@code java -jar})
 * and on a real CF's Java buildpack.
 *
 * <h2>The app</h2>
 * Its classes live in {@code vigil.testapp.app} and use the JDK only (the JDK's HTTP server, no Jackson,
 * no logging library, no other Vigil package): the JAR carries nothing else. It listens on
 * {@code 0.0.0.0:$PORT} (8080 when {@code PORT} is unset), prints
 * {@code vigil-testapp listening on port <PORT> (instance <index>)} once it is serving, and on SIGTERM
 * stops within about a second (CF sends SIGKILL 10 s after SIGTERM).
 *
 * <p>Every response is plain text ({@code text/plain; charset=utf-8}) unless noted, and carries
 * {@code X-Vigil-Instance: <CF_INSTANCE_GUID>} (a random {@code local-...} id when unset) so a probe knows
 * which instance answered. GET, HEAD and POST are accepted everywhere; other methods get 405.
 *
 * <table>
 * <caption>Endpoints</caption>
 * <tr><th>path</th><th>answer</th></tr>
 * <tr><td>{@code /}</td><td>200 {@code Hi, I'm <application_name> instance <CF_INSTANCE_INDEX>!}
 *     (name from {@code VCAP_APPLICATION}, else "vigil-testapp"; index "0" when unset)</td></tr>
 * <tr><td>{@code /id}</td><td>200 the instance GUID ({@code CF_INSTANCE_GUID}, or the random id)</td></tr>
 * <tr><td>{@code /index}</td><td>200 the instance index</td></tr>
 * <tr><td>{@code /env/{NAME}}</td><td>200 the value of environment variable NAME, 404 when unset</td></tr>
 * <tr><td>{@code /env.json}</td><td>200 every environment variable as one JSON object ({@code application/json}), keys sorted</td></tr>
 * <tr><td>{@code /health}</td><td>200 "ok" while healthy, 500 "unhealthy" after {@code /health/fail}; {@code /health/ok} heals</td></tr>
 * <tr><td>{@code /ready}</td><td>200 "ready" while ready, 503 "not ready" after {@code /ready/off}; {@code /ready/on} restores</td></tr>
 * <tr><td>{@code /ready/off/{ms}}</td><td>not ready for that long (1 ms to 60 s), then ready again by itself: an
 *     instance out of the routes cannot be told to come back</td></tr>
 * <tr><td>{@code /sidecar/{name}}</td><td>200 what a sidecar wrote to {@code $TMPDIR/vigil-sidecar-<name>} (TMPDIR,
 *     else /tmp: the instance's file system), 404 when it has not</td></tr>
 * <tr><td>{@code /sidecar/{name}/stop}</td><td>writes {@code $TMPDIR/vigil-sidecar-<name>.stop}, which the
 *     scenarios' sidecar takes as the sign to exit</td></tr>
 * <tr><td>{@code /version}</td><td>200 the marker given to the packer, to tell droplets apart in rolling deploys
 *     ("unversioned" when the app runs from plain classes)</td></tr>
 * <tr><td>{@code /sleep/{ms}}</td><td>200 {@code slept <ms> ms} after sleeping that long (capped at 60 s); 400 when not a number</td></tr>
 * <tr><td>{@code /log/{text}}</td><td>prints the (URL-decoded) text to stdout as one line (line breaks become spaces) and answers it</td></tr>
 * <tr><td>{@code /crash}</td><td>200 "crashing", then the JVM exits with status 1 at once (no shutdown hook), as a crash does</td></tr>
 * <tr><td>{@code /counter}</td><td>200 a counter, incremented by each call (1, 2, 3, ...)</td></tr>
 * <tr><td>anything else</td><td>404</td></tr>
 * </table>
 *
 * <p>With {@code VIGIL_LOG_COUNTER_MS=N} set, a background thread prints
 * {@code vigil-counter <n> <ISO-8601 instant>} to stdout every N ms, n counting 1, 2, 3, ... on its own
 * (independent of {@code /counter}), for probes of log freshness and loss.
 *
 * <p>{@code VIGIL_TESTAPP_ROLE} gives the app a second job besides the endpoints above: {@code broker} serves the
 * Open Service Broker API under {@code /v2/} (see {@code TestBroker}); {@code route-service} forwards requests
 * carrying {@code X-CF-Forwarded-Url} and counts them at {@code /route-service/forwarded} (see
 * {@code RouteServiceForwarder}). Any other value stops the app at start with a message naming it.
 *
 * <p>{@code vigil.testapp.app.Worker} is a second main class, for a Procfile's {@code worker} process: it listens
 * on no port and prints {@code vigil-worker tick <n> instance <index> at <instant>} every second.
 *
 * <h2>Packing</h2>
 * {@code TestAppJar.bytes("v2")} or {@code TestAppJar.write(path, "v2")}: the classes of
 * {@code vigil.testapp.app} (read from {@code target/classes} or from {@code vigil.jar}, whichever Vigil
 * runs from), {@code vigil-testapp/version.txt} with the marker, and a manifest with
 * {@code Main-Class: vigil.testapp.app.TestApp}. Entries are sorted and time-stamped alike, so the same
 * marker gives the same bytes and the same sha256. {@code TestAppJar.bytes("v1", TestAppJar.WORKER_PROCFILE)} adds a
 * {@code Procfile} at the root whose {@code worker} starts {@code Worker} as the Java buildpack lays a droplet out
 * ({@code $PWD/.java-buildpack/open_jdk_jre/bin/java -cp $PWD/.}).
 */
package vigil.testapp;
