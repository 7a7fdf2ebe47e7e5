package dev.liftoff.signoff;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The UAT pass rule (PRODUCT.md): every tester says go, every tester's confidence is at least
 * the minimum, and nobody reported a Sev-1 or Sev-2 issue. Which of these one tester's feedback
 * breaks is decided by the DMN decision table {@code uat-feedback-verdict}
 * ({@code processes/uat-feedback-verdict.dmn}), so that the rule reads as a table in Cockpit;
 * this class asks it for every tester and words the reasons.
 */
public final class UatRule {

    public static final String DECISION = "uat-feedback-verdict";
    static final String NO_GO = "no-go";
    static final String LOW_CONFIDENCE = "low confidence";
    static final String BLOCKING_ISSUE = "blocking issue";

    public record Verdict(boolean passed, String reason) {
    }

    private UatRule() {
    }

    public static Verdict evaluate(DecisionService decisions, List<UatFeedback> feedback, int minConfidence) {
        if (feedback.isEmpty()) {
            return new Verdict(false, "UAT failed: no tester gave feedback.");
        }
        List<String> reasons = new ArrayList<>();
        for (UatFeedback tester : feedback) {
            List<UatFeedback.Issue> blocking = tester.issues().stream().filter(UatFeedback.Issue::blocksRelease).toList();
            List<Object> failedRules = decisions.evaluateDecisionTableByKey(DECISION, Variables.createVariables()
                            .putValue("decision", tester.decision())
                            .putValue("confidence", tester.confidence())
                            .putValue("minConfidence", minConfidence)
                            .putValue("blockingIssues", blocking.size()))
                    .collectEntries("failedRule");
            for (Object rule : failedRules) {
                switch (rule.toString()) {
                    case NO_GO -> reasons.add(tester.tester() + " said no-go" + (tester.comment() == null ? "" : " (" + tester.comment() + ")"));
                    case LOW_CONFIDENCE -> reasons.add(tester.tester() + "'s confidence " + tester.confidence()
                            + " is below the minimum " + minConfidence);
                    case BLOCKING_ISSUE -> blocking.forEach(issue ->
                            reasons.add(tester.tester() + " reported a " + issue.severity() + " issue: " + issue.description()));
                    default -> throw new IllegalStateException(DECISION + " answered a rule Liftoff does not know: " + rule);
                }
            }
        }
        if (reasons.isEmpty()) {
            return new Verdict(true, "UAT passed: " + feedback.size() + " tester(s) said go with confidence ≥ " + minConfidence
                    + " and no Sev-1/Sev-2 issue.");
        }
        return new Verdict(false, "UAT failed: " + String.join("; ", reasons) + ".");
    }
}
