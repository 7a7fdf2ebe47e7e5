package dev.liftoff.verification;

import dev.liftoff.config.SmokeCheck;
import dev.liftoff.config.SmokeExpectation;
import java.util.List;
import java.util.Optional;

/**
 * Judges one smoke response against its expectations. Each expectation becomes one check named
 * {@code <smoke name>: <what>}, e.g. {@code score: status} or {@code score: /score >= 0}.
 */
final class ExpectationEvaluator {

    List<CheckResult> evaluate(SmokeCheck smoke, TargetOutcome outcome) {
        JsonBody json = outcome instanceof TargetResponse response ? response.json() : null;
        return smoke.expect().stream()
                .map(expectation -> evaluate(smoke.name(), expectation, outcome, json))
                .toList();
    }

    /** the checks of a smoke request that got no outcome, each failed with {@code actual} */
    List<CheckResult> unfinished(SmokeCheck smoke, String actual, long durationMs) {
        return smoke.expect().stream()
                .map(expectation -> new CheckResult(smoke.name() + ": " + what(expectation), false, expected(expectation),
                        actual, durationMs))
                .toList();
    }

    private CheckResult evaluate(String smokeName, SmokeExpectation expectation, TargetOutcome outcome, JsonBody json) {
        Judgement judgement = outcome instanceof TargetResponse response
                ? judge(expectation, response, json)
                : new Judgement(false, ((Unreachable) outcome).describe());
        return new CheckResult(smokeName + ": " + what(expectation), judgement.passed(), expected(expectation),
                judgement.actual(), outcome.latencyMs());
    }

    private record Judgement(boolean passed, String actual) {
    }

    private static String what(SmokeExpectation e) {
        if (e.status() != null) {
            return "status";
        }
        if (e.json() != null) {
            return e.json() + ValueConditions.of(e).nameSuffix();
        }
        if (e.header() != null) {
            return "header " + e.header() + ValueConditions.of(e).nameSuffix();
        }
        if (e.bodyContains() != null) {
            return "body contains \"" + e.bodyContains() + "\"";
        }
        return "latency <= " + e.maxLatency();
    }

    private static String expected(SmokeExpectation e) {
        if (e.status() != null) {
            return e.status();
        }
        if (e.json() != null || e.header() != null) {
            return ValueConditions.of(e).expected();
        }
        if (e.bodyContains() != null) {
            return "contains \"" + e.bodyContains() + "\"";
        }
        return "<= " + e.maxLatency().toMillis() + " ms";
    }

    private static Judgement judge(SmokeExpectation e, TargetResponse response, JsonBody json) {
        if (e.status() != null) {
            boolean passed = statusMatches(e.status(), response.status());
            return new Judgement(passed, response.statusText() + (passed ? "" : response.bodySuffix()));
        }
        if (e.json() != null) {
            return judgeJson(e, response, json);
        }
        if (e.header() != null) {
            return judgeValue(ValueConditions.of(e), "header " + e.header(), response.header(e.header()), response, "");
        }
        if (e.bodyContains() != null) {
            boolean passed = response.body().contains(e.bodyContains());
            // on a cut body the excerpt says so: the text may be in the part never read
            return new Judgement(passed, response.statusText() + (passed ? ", found" : ", not found" + response.bodySuffix()));
        }
        boolean passed = response.latencyMs() <= e.maxLatency().toMillis();
        return new Judgement(passed, response.statusText() + ", " + response.latencyMs() + " ms");
    }

    private static Judgement judgeJson(SmokeExpectation e, TargetResponse response, JsonBody json) {
        if (!json.isJson()) {
            return new Judgement(false, response.notJson());
        }
        return judgeValue(ValueConditions.of(e), e.json(), json.text(e.json()), response, response.bodySuffix());
    }

    private static Judgement judgeValue(ValueConditions conditions, String subject, Optional<String> value,
            TargetResponse response, String evidenceOnFailure) {
        boolean passed = conditions.test(value);
        String seen = value.map(v -> subject + " = " + Excerpts.shorten(v, 200)
                        + (conditions.isNumberMissing(v) ? " (not a number)" : ""))
                .orElse(subject + " missing");
        return new Judgement(passed, response.statusText() + ", " + seen + (passed ? "" : evidenceOnFailure));
    }

    /** {@code 200} exactly, or a class such as {@code 2xx} */
    private static boolean statusMatches(String expected, int status) {
        return expected.endsWith("xx")
                ? status / 100 == expected.charAt(0) - '0'
                : Integer.parseInt(expected) == status;
    }
}
