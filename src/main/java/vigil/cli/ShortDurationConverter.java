package vigil.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;

/** Durations of faults and deploy pauses, which are often under a second: {@code 500ms}, {@code 2s}, {@code 5m}, ISO. */
final class ShortDurationConverter implements ITypeConverter<Duration> {
    private static final Pattern MILLIS = Pattern.compile("(\\d+)\\s*ms");

    @Override
    public Duration convert(String value) {
        Matcher matcher = MILLIS.matcher(value.trim());
        return matcher.matches() ? Duration.ofMillis(Long.parseLong(matcher.group(1))) : new AgeConverter().convert(value);
    }
}
