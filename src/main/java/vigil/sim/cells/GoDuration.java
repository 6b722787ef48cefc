package vigil.sim.cells;

import java.time.Duration;

/** Durations written as Diego (Go) writes them in its messages: {@code 1m0s}, {@code 30s}, {@code 500ms}. */
final class GoDuration {

    private GoDuration() {
    }

    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        String seconds = duration.toMillisPart() == 0
                ? Long.toString(duration.toSecondsPart())
                : String.valueOf(duration.toSecondsPart() + duration.toMillisPart() / 1000.0).replaceAll("0+$", "");
        if (hours > 0) {
            return hours + "h" + minutes + "m" + seconds + "s";
        }
        return minutes > 0 ? minutes + "m" + seconds + "s" : seconds + "s";
    }
}
