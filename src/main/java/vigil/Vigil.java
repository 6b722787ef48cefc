package vigil;

import java.io.PrintStream;
import java.util.Map;
import vigil.cli.VigilCommand;

/** Entry point of {@code vigil.jar}. */
public final class Vigil {
    private Vigil() {
    }

    public static void main(String[] args) {
        VigilCommand.holdSignalsFromStart(args);
        System.exit(run(System.out, System.err, System.getenv(), args));
    }

    /** Runs one command line and returns its exit code: the seam tests call. */
    public static int run(PrintStream out, PrintStream err, Map<String, String> environment, String... args) {
        return VigilCommand.execute(out, err, environment, args);
    }
}
