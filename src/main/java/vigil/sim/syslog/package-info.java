/**
 * The embedded CF's syslog agent: every log line of an app with a bound {@code syslog_drain_url} goes to that
 * drain as an RFC 5424 message over TCP ({@code syslog://}) or TLS ({@code syslog-tls://}), framed by octet
 * counting (RFC 6587), formatted as CF's loggregator syslog agent formats it.
 */
package vigil.sim.syslog;
