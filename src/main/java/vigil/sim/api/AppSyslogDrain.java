package vigil.sim.api;

/**
 * One syslog drain bound to an app, with what CF's syslog agent puts into each message: the names and GUIDs of
 * the app, its space and organization (for {@code HOSTNAME} and the {@code tags@47450} structured data).
 *
 * @param url the binding's {@code syslog_drain_url}, e.g. {@code syslog://127.0.0.1:5140}
 * @param ca  the PEM of a CA the drain's TLS certificate may be signed by ({@code ca} in the binding's
 *            credentials, as the syslog agent reads it), or null
 */
public record AppSyslogDrain(String bindingGuid, String url, String appGuid, String appName, String spaceGuid,
                             String spaceName, String organizationGuid, String organizationName, String ca) {
}
