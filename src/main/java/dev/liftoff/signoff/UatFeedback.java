package dev.liftoff.signoff;

import java.util.List;

/** One tester's UAT result as recorded for the release. */
public record UatFeedback(
        String tester,
        String decision,
        int confidence,
        List<String> scenariosPassed,
        List<String> scenariosFailed,
        List<Issue> issues,
        String comment,
        String at) {

    public record Issue(String severity, String description) {

        public boolean blocksRelease() {
            return "Sev-1".equals(severity) || "Sev-2".equals(severity);
        }
    }
}
