package vigil.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vigil.sim.Sim;
import vigil.sim.SimOptions;

/** {@code vigil sim}: serves the embedded CF until stopped (Ctrl-C or SIGTERM). */
@Command(name = "sim", mixinStandardHelpOptions = true, sortOptions = false, subcommands = {SimStatusCommand.class, SimDeployCommand.class, SimFaultCommand.class},
        description = {"Serve the embedded CF (Cloud Controller v3 and UAA) on 127.0.0.1 until stopped.",
                "Point 'vigil run --config FILE' at it with --write-config FILE."})
final class SimCommand implements Callable<Integer> {
    @ParentCommand
    VigilCommand vigil;

    @Option(names = "--api-port", paramLabel = "N", defaultValue = "0",
            description = "Port of the Cloud Controller API (default: a free port).")
    private int apiPort;

    @Option(names = "--uaa-port", paramLabel = "N", defaultValue = "0",
            description = "Port of the UAA (default: a free port).")
    private int uaaPort;

    @Option(names = "--router-port", paramLabel = "N", defaultValue = "0",
            description = "Port of the router that app routes are reached through (default: a free port).")
    private int routerPort;

    @Option(names = "--ssh-port", paramLabel = "N", defaultValue = "0",
            description = "Port of the SSH proxy that 'cf ssh' connects to (default: a free port).")
    private int sshPort;

    @Option(names = "--cells", paramLabel = "N", defaultValue = "3",
            description = "Cells that run app instances, spread over zones (default: ${DEFAULT-VALUE}).")
    private int cells;

    @Option(names = "--admin-password", paramLabel = "PASSWORD",
            description = "Password of the admin user (default: random, written to the --write-config file).")
    private String adminPassword;

    @Option(names = "--token-lifetime", paramLabel = "D", defaultValue = "1200s", converter = ShortDurationConverter.class,
            description = "How long access tokens are valid, e.g. 20s to test token refresh (default: ${DEFAULT-VALUE}).")
    private Duration tokenLifetime;

    @Option(names = "--tls",
            description = {"Serve HTTPS (API, UAA, log-cache, router) with a self-signed certificate made at start.",
                    "Vigil refuses it unless run with --skip-ssl-validation (or skip_ssl_validation: true)."})
    private boolean tls;

    @Option(names = "--write-config", paramLabel = "FILE",
            description = "Write a config file that 'vigil run --config FILE' uses as it is (owner-readable only).")
    private Path configFile;

    @Override
    public Integer call() throws Exception {
        checkPort("--api-port", apiPort);
        checkPort("--uaa-port", uaaPort);
        checkPort("--router-port", routerPort);
        checkPort("--ssh-port", sshPort);
        if (cells < 1 || cells > 32) {
            throw new UsageException("--cells: must be between 1 and 32, got " + cells);
        }
        if (tokenLifetime.toSeconds() < 1) {
            throw new UsageException("--token-lifetime: must be at least 1s, got " + tokenLifetime.toMillis() + "ms");
        }
        SimOptions options = SimOptions.defaults().withApiPort(apiPort).withUaaPort(uaaPort).withRouterPort(routerPort)
                .withCells(cells).withTokenLifetime(tokenLifetime).withTls(tls).withSshPort(sshPort);
        if (adminPassword != null) {
            options = options.withAdminPassword(adminPassword);
        }
        Sim sim = Sim.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "vigil-sim-shutdown"));
        vigil.out.println("Embedded CF running. API: " + sim.apiUrl() + "  UAA: " + sim.uaaUrl()
                + "  router: " + sim.routerAddress() + "  ssh: " + sim.sshAddress() + "  apps domain: " + sim.appsDomain()
                + "  admin user: " + sim.adminUser());
        if (configFile != null) {
            sim.writeConfig(configFile);
            vigil.out.println("Config written to " + configFile.toAbsolutePath()
                    + ": run 'vigil run --config " + configFile + "'");
        } else if (adminPassword == null) {
            vigil.out.println("The admin password is random and not shown: use --write-config FILE"
                    + " or --admin-password to log in.");
        }
        if (tls) {
            vigil.out.println("HTTPS with a self-signed certificate: Vigil refuses it unless told to accept it,"
                    + " with 'vigil run --skip-ssl-validation', CF_SKIP_SSL_VALIDATION=true or skip_ssl_validation: true"
                    + " in the config.");
        }
        vigil.out.println("Stop with Ctrl-C.");
        stopped.await();
        return ExitCode.PASSED;
    }

    private static void checkPort(String option, int port) throws UsageException {
        if (port < 0 || port > 65535) {
            throw new UsageException(option + ": must be a port between 1 and 65535 (or 0 for a free one), got " + port);
        }
    }
}
