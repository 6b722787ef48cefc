package vigil.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vigil}: the top-level command; the work happens in its subcommands. */
@Command(name = "vigil", mixinStandardHelpOptions = true, versionProvider = VigilVersion.class,
        description = "Smoke, acceptance and availability tests for Cloud Foundry, with an embedded CF.",
        subcommands = {RunCommand.class, SimCommand.class, MonitorCommand.class, GateCommand.class, CleanupCommand.class,
                MergeCommand.class, WatchCommand.class},
        footer = {"", "Exit codes: 0 passed, 1 scenario failed or threshold breached, 2 usage or configuration error,",
                "3 target unreachable or setup failed, 4 --during command failed, 130/143 stopped by SIGINT/SIGTERM."})
public final class VigilCommand implements Runnable {
    final PrintStream out;
    final PrintStream err;
    final Map<String, String> environment;

    private VigilCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = Map.copyOf(environment);
    }

    /**
     * Runs one command line and returns its exit code; never calls {@code System.exit}.
     *
     * @param environment the environment variables the configuration may take values from
     */
    public static int execute(PrintStream out, PrintStream err, Map<String, String> environment, String... args) {
        // Picocli looks for Groovy closures in annotations; with Groovy on the classpath (rest-assured
        // brings it) that check starts the Groovy runtime, 0.4 s of every start-up. Vigil uses none.
        System.setProperty("picocli.disable.closures", "true");
        JvmSettings.apply();
        CommandLine commandLine = new CommandLine(new VigilCommand(out, err, environment))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setExecutionExceptionHandler((error, cmd, parseResult) -> {
                    err.println("vigil " + cmd.getCommandName() + ": " + ErrorText.of(error));
                    return ExitCode.of(error);
                })
                .setParameterExceptionHandler((error, arguments) -> usageError(err, error));
        return commandLine.execute(args);
    }

    /**
     * A command line picocli cannot parse: one message and where to find help, not the whole usage text
     * (which would bury the message in a pipeline's log).
     */
    private static int usageError(PrintStream err, CommandLine.ParameterException error) {
        String command = error.getCommandLine().getCommandSpec().qualifiedName();
        err.println(command + ": " + error.getMessage());
        if (error instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            err.println("  did you mean: " + String.join(", ", unmatched.getSuggestions()) + "?");
        }
        err.println("  see '" + command + " --help' for the options.");
        return ExitCode.USAGE;
    }

    // Issue 14: a signal from the JVM's start on ends a run with its reports.
    /**
     * Called first thing in {@code main}: for {@code vigil run}, a SIGINT/SIGTERM that comes before the run has
     * read its command line is held and acted on once it can write its reports (exit 130/143, summary aborted).
     */
    public static void holdSignalsFromStart(String... args) {
        if (args.length > 0 && args[0].equals("run")) {
            TerminationSignals.holdFromStart();
        }
    }

    @Override
    public void run() {
        // 'vigil' alone: show what it can do.
        new CommandLine(this).usage(out);
    }
}
