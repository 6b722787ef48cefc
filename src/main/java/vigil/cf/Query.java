package vigil.cf;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Query parameter values, encoded once here (the HTTP layer sends URLs as they are). */
final class Query {
    private Query() {
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
