package vigil.cf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes secrets from what Vigil records of an HTTP exchange: credential headers, secret form fields,
 * secret JSON fields (at any depth) and anything that looks like a JWT, wherever it appears.
 */
final class Redactor {
    static final String REDACTED = "[REDACTED]";
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
    private static final Set<String> SECRET_FIELDS = Set.of("password", "client_secret", "access_token", "refresh_token",
            "id_token", "credentials", "secret", "token", "admin_password", "private_key", "passcode");
    // header.payload.signature, each part base64url; UAA's tokens start with {"alg"... = eyJ.
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    // OAuth's authorization code in a redirect (UAA's Location: .../login?code=...), which cf ssh logs in with.
    private static final Pattern AUTHORIZATION_CODE = Pattern.compile("([?&]code=)[^&#\\s\"]+");

    private Redactor() {
    }

    static Map<String, String> headers(Map<String, String> headers) {
        Map<String, String> safe = new LinkedHashMap<>();
        headers.forEach((name, value) -> safe.put(name,
                SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? REDACTED : text(value)));
        return safe;
    }

    static Map<String, String> formParams(Map<String, String> params) {
        Map<String, String> safe = new LinkedHashMap<>();
        params.forEach((name, value) -> safe.put(name, isSecretField(name) ? REDACTED : text(value)));
        return safe;
    }

    /** A body: JSON has its secret fields replaced; any text has JWTs replaced. */
    static String body(String body) {
        if (body == null || body.isEmpty()) {
            return body;
        }
        JsonNode json = CfJson.readOrNull(body.getBytes(StandardCharsets.UTF_8));
        if (json != null && json.isContainerNode()) {
            redactFields(json);
            try {
                return text(CfJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
            } catch (JsonProcessingException e) {
                return REDACTED;
            }
        }
        return text(body);
    }

    static String text(String text) {
        return text == null ? null
                : AUTHORIZATION_CODE.matcher(JWT.matcher(text).replaceAll(REDACTED)).replaceAll("$1" + REDACTED);
    }

    private static void redactFields(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (isSecretField(name)) {
                    object.put(name, REDACTED);
                } else {
                    redactFields(object.get(name));
                }
            }
        } else if (node.isArray()) {
            node.forEach(Redactor::redactFields);
        }
    }

    private static boolean isSecretField(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        // Environment variables such as VIGIL_BROKER_PASSWORD carry secrets too.
        return SECRET_FIELDS.contains(lower) || lower.endsWith("_password") || lower.endsWith("_secret");
    }
}
