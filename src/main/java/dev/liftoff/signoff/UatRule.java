package dev.liftoff.signoff;

import dev.liftoff.process.Decisions;
import java.util.ArrayList;
import java.util.List;

/**
 * The UAT pass rule (PRODUCT.md): every tester says go, every tester's confidence is at least
 * the minimum, and nobody reported a Sev-1 or Sev-2 issue.
 */
public final class UatRule {

    public record Verdict(boolean passed, String reason) {
    }

    private UatRule() {
    }

    public static Verdict evaluate(List<UatFeedback> feedback, int minConfidence) {
        if (feedback.isEmpty()) {
            return new Verdict(false, "UAT failed: no tester gave feedback.");
        }
        List<String> reasons = new ArrayList<>();
        for (UatFeedback tester : feedback) {
            if (!Decisions.GO.equals(tester.decision())) {
                reasons.add(tester.tester() + " said no-go" + (tester.comment() == null ? "" : " (" + tester.comment() + ")"));
            }
            if (tester.confidence() < minConfidence) {
                reasons.add(tester.tester() + "'s confidence " + tester.confidence() + " is below the minimum " + minConfidence);
            }
            tester.issues().stream().filter(UatFeedback.Issue::blocksRelease).forEach(issue ->
                    reasons.add(tester.tester() + " reported a " + issue.severity() + " issue: " + issue.description()));
        }
        if (reasons.isEmpty()) {
            return new Verdict(true, "UAT passed: " + feedback.size() + " tester(s) said go with confidence ≥ " + minConfidence
                    + " and no Sev-1/Sev-2 issue.");
        }
        return new Verdict(false, "UAT failed: " + String.join("; ", reasons) + ".");
    }
}
