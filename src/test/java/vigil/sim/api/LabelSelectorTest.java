package vigil.sim.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {

    private static final Map<String, String> GOLD_PROD = Map.of("tier", "gold", "env", "prod");

    private static boolean matches(String selector, Map<String, String> labels) {
        return LabelSelector.parse(selector).matches(labels);
    }

    @Test
    void supportsEveryOperatorOfCcsSyntax() {
        assertThat(matches("tier=gold", GOLD_PROD)).isTrue();
        assertThat(matches("tier==gold", GOLD_PROD)).isTrue();
        assertThat(matches("tier!=gold", GOLD_PROD)).isFalse();
        assertThat(matches("tier in (silver,gold)", GOLD_PROD)).isTrue();
        assertThat(matches("tier notin (silver, gold)", GOLD_PROD)).isFalse();
        assertThat(matches("env", GOLD_PROD)).isTrue();
        assertThat(matches("!env", GOLD_PROD)).isFalse();
        assertThat(matches("!owner", GOLD_PROD)).isTrue();
    }

    @Test
    void commasOutsideParenthesesAreAnd() {
        assertThat(matches("tier in (gold,silver),env=prod", GOLD_PROD)).isTrue();
        assertThat(matches("tier in (gold,silver),env=dev", GOLD_PROD)).isFalse();
    }

    @Test
    void negativeRequirementsMatchResourcesWithoutTheKey() {
        assertThat(matches("owner!=me", GOLD_PROD)).isTrue();
        assertThat(matches("owner notin (me)", GOLD_PROD)).isTrue();
        assertThat(matches("owner in (me)", GOLD_PROD)).isFalse();
    }

    @Test
    void rejectsMalformedSelectorsWithCcsMessage() {
        for (String bad : new String[] {"tier===gold", "tier in gold", ",", "tier=gold,", "=gold"}) {
            assertThatThrownBy(() -> LabelSelector.parse(bad)).as(bad)
                    .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.detail())
                            .isEqualTo("The query parameter is invalid: Invalid label_selector value"));
        }
    }
}
