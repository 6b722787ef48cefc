package vigil.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one Jackson setup for summary.json, so that writer and reader cannot drift apart. */
final class SummaryJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS) // ISO-8601, readable in a pipeline log
            .enable(SerializationFeature.INDENT_OUTPUT)
            // v1 readers must accept fields that later v1 writers add.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // A gate must not read a missing count as 0.
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private SummaryJson() {
    }
}
