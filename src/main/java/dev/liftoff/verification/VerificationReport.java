package dev.liftoff.verification;

import dev.liftoff.analysis.MetricDecisions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The verification of one environment: every check with its evidence, and a one-line summary
 * for the people reading it, e.g. {@code 29/31 passed — score: status: status 500 (expected 200)}.
 */
public record VerificationReport(String environment, boolean passed, long durationMs, String summary, List<CheckResult> checks) {

    private static final int FAILURES_IN_SUMMARY = 5;
    private static final int ACTUAL_IN_SUMMARY = 120;

    public VerificationReport {
        checks = List.copyOf(checks);
    }

    /** passed when every check passed */
    public static VerificationReport of(String environment, List<CheckResult> checks, long durationMs) {
        boolean passed = checks.stream().allMatch(CheckResult::passed);
        return new VerificationReport(environment, passed, durationMs, summarize(checks), checks);
    }

    /**
     * Not passed only for want of data: every check that did not pass is an inconclusive metric
     * analysis. Neither a pass nor a failure: a person decides.
     */
    public boolean inconclusive() {
        return !passed && checks.stream().filter(check -> !check.passed()).allMatch(CheckResult::inconclusive);
    }

    /** a row for each check without data, for the person who decides on it ({@code where}: e.g. verification) */
    public List<Map<String, Object>> inconclusiveRows(String where) {
        return checks.stream().filter(CheckResult::inconclusive)
                .map(check -> MetricDecisions.row(String.valueOf(check.analysis().getOrDefault("name", check.name())), where,
                        check.actual(), String.valueOf(check.analysis().getOrDefault("query", "")), check.analysis().get("graphUrl")))
                .toList();
    }

    /** the report as the JSON variable {@code <environment>Verification} */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("environment", environment);
        map.put("passed", passed);
        if (inconclusive()) {
            map.put("inconclusive", true);
        }
        map.put("durationMs", durationMs);
        map.put("summary", summary);
        map.put("checks", checks.stream().map(CheckResult::toMap).toList());
        return map;
    }

    private static String summarize(List<CheckResult> checks) {
        List<CheckResult> failed = checks.stream().filter(check -> !check.passed()).toList();
        long inconclusive = failed.stream().filter(CheckResult::inconclusive).count();
        String count = (checks.size() - failed.size()) + "/" + checks.size() + " passed"
                + (inconclusive > 0 ? ", " + inconclusive + " inconclusive" : "");
        if (failed.isEmpty()) {
            return count;
        }
        String listed = failed.stream()
                .limit(FAILURES_IN_SUMMARY)
                .map(check -> check.name() + ": " + Excerpts.shorten(headline(check.actual()), ACTUAL_IN_SUMMARY)
                        + " (expected " + check.expected() + ")")
                .collect(Collectors.joining("; "));
        int unlisted = failed.size() - FAILURES_IN_SUMMARY;
        return count + " — " + listed + (unlisted > 0 ? "; … and " + unlisted + " more" : "");
    }

    /** what was seen, without the body excerpt: the summary is one line, the check keeps the body */
    private static String headline(String actual) {
        int body = actual == null ? -1 : actual.indexOf(", body: ");
        return body < 0 ? actual : actual.substring(0, body);
    }
}
