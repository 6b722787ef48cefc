package vigil.sim.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UrlEncodedTest {

    @Test
    void decodesPlusPercentAndBareKeysKeepingTheLastOfRepeats() {
        assertThat(UrlEncoded.decode("a=1&b=x+y%21&flag&a=2&&c="))
                .containsExactly(Map.entry("a", "2"), Map.entry("b", "x y!"), Map.entry("flag", ""), Map.entry("c", ""));
        assertThat(UrlEncoded.decode(null)).isEmpty();
    }

    @Test
    void encodesInMapOrder() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("z", "a b");
        values.put("a", "&");
        assertThat(UrlEncoded.encode(values)).isEqualTo("z=a+b&a=%26");
    }
}
