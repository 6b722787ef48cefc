package vigil.sim.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcfileTest {

    @Test
    void readsProcessTypesInTheirOrder() {
        assertThat(Procfile.parse("web: ./serve\nworker: ./work --fast\n"))
                .containsExactly(java.util.Map.entry("web", "./serve"), java.util.Map.entry("worker", "./work --fast"));
    }

    @Test
    void anEmptyProcfileHasNoTypes() {
        assertThat(Procfile.parse("")).isEmpty();
        assertThat(Procfile.parse("# nothing here\n")).isEmpty();
    }

    @Test
    void refusesWhatIsNotAMapOfTypesToCommands() {
        assertThatThrownBy(() -> Procfile.parse("- worker\n")).hasMessageContaining("must map process types to commands");
        assertThatThrownBy(() -> Procfile.parse("worker:\n")).hasMessageContaining("'worker' needs a command");
        assertThatThrownBy(() -> Procfile.parse("bad type: x\n")).hasMessageContaining("'bad type'");
        assertThatThrownBy(() -> Procfile.parse("worker: [a\n")).hasMessageContaining("not valid YAML");
    }
}
