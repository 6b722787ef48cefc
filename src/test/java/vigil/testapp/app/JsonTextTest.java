package vigil.testapp.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void quotesPlainTextAsIs() {
        assertThat(JsonText.quote("vigil-app-1")).isEqualTo("\"vigil-app-1\"");
        assertThat(JsonText.quote("")).isEqualTo("\"\"");
    }

    @Test
    void escapesQuotesAndBackslashes() {
        assertThat(JsonText.quote("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(JsonText.quote("C:\\temp\\")).isEqualTo("\"C:\\\\temp\\\\\"");
        assertThat(JsonText.quote("a/b")).isEqualTo("\"a/b\"");
    }

    @Test
    void escapesControlCharactersShortWhereJsonHasAShortForm() {
        assertThat(JsonText.quote("\b\f\n\r\t")).isEqualTo("\"\\b\\f\\n\\r\\t\"");
        assertThat(JsonText.quote("\u0000\u0001\u001f")).isEqualTo("\"\\u0000\\u0001\\u001f\"");
        assertThat(JsonText.quote("\u007f")).isEqualTo("\"\u007f\"");
    }

    @Test
    void keepsUnicodeAndSurrogatePairsButEscapesLoneSurrogates() {
        assertThat(JsonText.quote("café ✓ 😀")).isEqualTo("\"café ✓ 😀\"");
        assertThat(JsonText.quote("a\ud800b")).isEqualTo("\"a\\ud800b\"");
        assertThat(JsonText.quote("\udc00")).isEqualTo("\"\\udc00\"");
        assertThat(JsonText.quote("😀".substring(0, 1))).isEqualTo("\"\\ud83d\"");
    }

    @Test
    void quotedStringsReadBackIdenticallyWithJackson() throws IOException {
        String nasty = "q\" b\\ nl\n cr\r tab\t nul\u0000 esc\u001b del\u007f é ✓ 😀 lone\ud800 / </script>";

        assertThat(JACKSON.readValue(JsonText.quote(nasty), String.class)).isEqualTo(nasty);
    }

    @Test
    void writesAnObjectInTheMapsOrderThatJacksonReads() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("B", "2");
        entries.put("A\"key", "line1\nline2");
        entries.put("EMPTY", "");

        String json = JsonText.object(entries);

        assertThat(json).isEqualTo("{\"B\":\"2\",\"A\\\"key\":\"line1\\nline2\",\"EMPTY\":\"\"}");
        assertThat(JACKSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { })).containsExactlyEntriesOf(entries);
        assertThat(JsonText.object(Map.of())).isEqualTo("{}");
    }

    @Test
    void readsATopLevelStringMember() {
        String vcap = "{\"application_id\":\"5d5d\",\"limits\":{\"mem\":256,\"application_name\":\"nested\"},"
                + "\"uris\":[\"a.example.com\",\"b\"],\"instance_index\":0,\"started\":true,\"x\":null,"
                + " \"application_name\" : \"vigil-\\\"app\\\"-1 \\u00e9\\n\"}";

        assertThat(JsonText.stringMember(vcap, "application_name")).isEqualTo("vigil-\"app\"-1 é\n");
        assertThat(JsonText.stringMember(vcap, "application_id")).isEqualTo("5d5d");
    }

    @Test
    void readsNothingFromMissingMembersNonStringsOrMalformedText() {
        assertThat(JsonText.stringMember(null, "application_name")).isNull();
        assertThat(JsonText.stringMember("{}", "application_name")).isNull();
        assertThat(JsonText.stringMember("{\"instance_index\":3}", "instance_index")).isNull();
        assertThat(JsonText.stringMember("{\"limits\":{\"application_name\":\"nested\"}}", "application_name")).isNull();
        assertThat(JsonText.stringMember("not json", "application_name")).isNull();
        assertThat(JsonText.stringMember("{\"application_name\":\"unterminated", "application_name")).isNull();
        assertThat(JsonText.stringMember("{\"a\":\"\\uzzzz\",\"application_name\":\"x\"}", "application_name")).isNull();
    }
}
