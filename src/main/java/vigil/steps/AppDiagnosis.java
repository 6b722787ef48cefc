package vigil.steps;

import java.util.stream.Collectors;
import vigil.cf.AppLogLine;
import vigil.cf.CfClient;
import vigil.cf.InstanceStats;
import vigil.cf.PushedApp;

/** What an operator needs when a scenario with an app fails: its GUID, its instances' states, its last output. */
final class AppDiagnosis {
    private static final int LINES = 20;

    private AppDiagnosis() {
    }

    static String of(CfClient cf, PushedApp pushed) {
        StringBuilder text = new StringBuilder("app ").append(pushed.app().name())
                .append(" (guid ").append(pushed.app().guid()).append(", route ").append(pushed.route().url())
                .append(")\n");
        try {
            for (InstanceStats instance : cf.processes().stats(pushed.app().guid())) {
                text.append("  instance #").append(instance.index()).append(' ').append(instance.state())
                        .append(instance.details() == null ? "" : " (" + instance.details() + ")").append('\n');
            }
            text.append("last output:\n").append(cf.logCache().recent(pushed.app().guid(), LINES).stream()
                    .map(AppLogLine::toString).map(line -> "  " + line).collect(Collectors.joining("\n")));
        } catch (RuntimeException e) {
            text.append("  (could not read its state: ").append(e.getMessage()).append(')');
        }
        return text.toString();
    }
}
