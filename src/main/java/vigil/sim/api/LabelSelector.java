package vigil.sim.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * CC's {@code label_selector} (Kubernetes' syntax): requirements joined by commas, all of which must
 * hold: {@code key=value} (or {@code ==}), {@code key!=value}, {@code key in (a,b)},
 * {@code key notin (a,b)}, {@code key} (exists) and {@code !key} (does not exist). As in Kubernetes,
 * {@code !=} and {@code notin} also match resources without the key.
 */
final class LabelSelector {

    private enum Operator { EQUAL, NOT_EQUAL, IN, NOT_IN, EXISTS, NOT_EXISTS }

    private record Requirement(String key, Operator operator, Set<String> values) {
        boolean matches(Map<String, String> labels) {
            String actual = labels.get(key);
            return switch (operator) {
                case EQUAL, IN -> actual != null && values.contains(actual);
                case NOT_EQUAL, NOT_IN -> actual == null || !values.contains(actual);
                case EXISTS -> actual != null;
                case NOT_EXISTS -> actual == null;
            };
        }
    }

    private static final String KEY = "[A-Za-z0-9][-A-Za-z0-9_./]*";
    private static final Pattern SET = Pattern.compile("^(" + KEY + ")\\s+(in|notin)\\s+\\(([^)]*)\\)$");
    private static final Pattern EQUALITY = Pattern.compile("^(" + KEY + ")\\s*(==|!=|=)\\s*([-A-Za-z0-9_.]*)$");
    private static final Pattern EXISTENCE = Pattern.compile("^(!?)\\s*(" + KEY + ")$");

    private final List<Requirement> requirements;

    private LabelSelector(List<Requirement> requirements) {
        this.requirements = requirements;
    }

    static LabelSelector parse(String selector) {
        if (selector == null || selector.isBlank()) {
            throw CcError.BAD_QUERY_PARAMETER.raise("Missing label_selector value");
        }
        List<Requirement> requirements = new ArrayList<>();
        for (String part : splitOutsideParentheses(selector)) {
            if (part.isBlank()) {
                throw invalid();
            }
            requirements.add(requirement(part.trim()));
        }
        return new LabelSelector(requirements);
    }

    boolean matches(Map<String, String> labels) {
        return requirements.stream().allMatch(requirement -> requirement.matches(labels));
    }

    /** Commas inside parentheses belong to a set, so requirements are split only outside them. */
    private static List<String> splitOutsideParentheses(String selector) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(selector.substring(start));
        return parts;
    }

    private static Requirement requirement(String text) {
        Matcher set = SET.matcher(text);
        if (set.matches()) {
            Set<String> values = Arrays.stream(set.group(3).split(",")).map(String::trim)
                    .filter(value -> !value.isEmpty()).collect(Collectors.toSet());
            return new Requirement(set.group(1), "in".equals(set.group(2)) ? Operator.IN : Operator.NOT_IN, values);
        }
        Matcher equality = EQUALITY.matcher(text);
        if (equality.matches()) {
            Operator operator = "!=".equals(equality.group(2)) ? Operator.NOT_EQUAL : Operator.EQUAL;
            return new Requirement(equality.group(1), operator, Set.of(equality.group(3)));
        }
        Matcher existence = EXISTENCE.matcher(text);
        if (existence.matches()) {
            return new Requirement(existence.group(2),
                    existence.group(1).isEmpty() ? Operator.EXISTS : Operator.NOT_EXISTS, Set.of());
        }
        throw invalid();
    }

    private static ApiError invalid() {
        return CcError.BAD_QUERY_PARAMETER.raise("Invalid label_selector value");
    }
}
