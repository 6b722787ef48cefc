package vigil.cf;

/**
 * What a command run over SSH left: its two output streams and its exit status.
 *
 * @param exitStatus null when the server reported none (the session ended first)
 */
public record SshResult(String stdout, String stderr, Integer exitStatus) {
}
