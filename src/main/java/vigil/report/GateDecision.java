package vigil.report;

import java.util.List;

/**
 * What {@link GateJudge} decided.
 *
 * @param reasons one self-explaining sentence per breach, e.g. {@code app-http: availability 99.31% < 99.50%};
 *                empty when the gate passed
 */
public record GateDecision(boolean passed, List<String> reasons) {
    public GateDecision {
        reasons = List.copyOf(reasons);
        if (passed != reasons.isEmpty()) {
            throw new IllegalArgumentException("a gate passes exactly when there is no reason to fail it");
        }
    }

    static GateDecision of(List<String> reasons) {
        return new GateDecision(reasons.isEmpty(), reasons);
    }
}
