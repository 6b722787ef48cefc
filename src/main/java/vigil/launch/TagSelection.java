package vigil.launch;

import io.cucumber.tagexpressions.TagExpressionException;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vigil.report.Suite;

/** Turns {@code --suites} and {@code --tags} into one Cucumber tag expression and a filter for it. */
final class TagSelection {
    private TagSelection() {
    }

    static TagExpressionFilter filter(Set<Suite> suites, Optional<String> tags, Set<String> excludedGroups)
            throws SelectionException {
        String expression = expression(suites, tags);
        for (String group : excludedGroups) {
            expression = expression + " and not " + group;
        }
        return new TagExpressionFilter(TagExpressionParser.parse(expression), expression);
    }

    static String expression(Set<Suite> suites, Optional<String> tags) throws SelectionException {
        String suiteExpression = suites.stream()
                .sorted(Comparator.naturalOrder())
                .map(Suite::tag)
                .collect(Collectors.joining(" or ", "(", ")"));
        if (tags.isEmpty() || tags.get().isBlank()) {
            return suiteExpression;
        }
        try {
            TagExpressionParser.parse(tags.get());
        } catch (TagExpressionException e) {
            throw new SelectionException("--tags: '" + tags.get() + "' is not a valid tag expression: " + e.getMessage()
                    + ". Example: --tags \"@routing and not @slow\"");
        }
        return suiteExpression + " and (" + tags.get() + ")";
    }
}
