package vigil.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prometheus's text format: HELP and TYPE once before a family's samples, escaping, special values. */
class MetricsTextTest {
    @Test
    void writesFamiliesWithHelpTypeAndEscapedLabels() {
        MetricsText text = new MetricsText();
        text.family("vigil_runs_total", "counter", "Runs\\finished\nso far.").sample(Map.of(), 3);
        MetricsText.Family ratio = text.family("vigil_probe_availability_ratio", "gauge", "Share.");
        ratio.sample(Map.of("probe", "a\"b\\c\nd"), 0.995);
        text.family("vigil_probe_availability_ratio", "gauge", "Share.").sample(Map.of("probe", "x"), Double.NaN);

        assertThat(text.render()).isEqualTo("""
                # HELP vigil_runs_total Runs\\\\finished\\nso far.
                # TYPE vigil_runs_total counter
                vigil_runs_total 3
                # HELP vigil_probe_availability_ratio Share.
                # TYPE vigil_probe_availability_ratio gauge
                vigil_probe_availability_ratio{probe="a\\"b\\\\c\\nd"} 0.995
                vigil_probe_availability_ratio{probe="x"} NaN
                """);
    }

    @Test
    void refusesWhatTheFormatDoesNotAllow() {
        MetricsText text = new MetricsText();
        assertThatThrownBy(() -> text.family("vigil-runs", "gauge", "x")).hasMessageContaining("metric name");
        assertThatThrownBy(() -> text.family("vigil_runs", "counter", "x")).hasMessageContaining("_total");
        assertThatThrownBy(() -> text.family("vigil_x", "gauge", "x").sample(Map.of("__name", "v"), 1))
                .hasMessageContaining("label name");
        assertThat(MetricsText.number(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(MetricsText.number(1.5e9)).isEqualTo("1500000000");
    }
}
