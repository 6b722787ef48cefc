package vigil.launch;

import io.cucumber.tagexpressions.Expression;
import java.util.List;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Keeps the scenarios whose tags match a Cucumber tag expression. (Cucumber's own
 * {@code cucumber.filter.tags} keeps every scenario in the plan and skips the others while running,
 * which would count them as skipped and hide a selection that matches nothing.)
 */
final class TagExpressionFilter implements PostDiscoveryFilter {
    private final Expression expression;
    private final String text;

    TagExpressionFilter(Expression expression, String text) {
        this.expression = expression;
        this.text = text;
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (!descriptor.isTest()) {
            // Containers stay; the launcher prunes the ones left without scenarios.
            return FilterResult.included("container");
        }
        List<String> tags = descriptor.getTags().stream().map(tag -> "@" + tag.getName()).toList();
        return FilterResult.includedIf(expression.evaluate(tags),
                () -> "matches " + text, () -> "does not match " + text);
    }
}
