package dev.liftoff.verification;

import static dev.liftoff.verification.Configs.bodyContains;
import static dev.liftoff.verification.Configs.header;
import static dev.liftoff.verification.Configs.json;
import static dev.liftoff.verification.Configs.maxLatency;
import static dev.liftoff.verification.Configs.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.liftoff.config.SmokeCheck;
import dev.liftoff.config.SmokeExpectation;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpectationEvaluatorTest {

    private static final String SCORE_BODY = "{\"score\": 87, \"grade\": \"B\", \"tags\": [\"a\"], \"label\": \"n/a\", \"note\": null}";
    private static final TargetResponse SCORE = new TargetResponse(200,
            Map.of("x-content-type-options", List.of("nosniff"), "Cache-Control", List.of("no-store", "private")), SCORE_BODY, 42);

    private final ExpectationEvaluator evaluator = new ExpectationEvaluator();

    @ParameterizedTest
    @CsvSource({"200,200,true", "200,201,false", "2xx,204,true", "2xx,301,false", "5xx,503,true"})
    void statusExactOrClass(String expected, int actual, boolean passed) {
        CheckResult check = evaluate(status(expected), new TargetResponse(actual, Map.of(), "", 5));

        assertThat(check).extracting(CheckResult::name, CheckResult::passed, CheckResult::expected, CheckResult::actual)
                .containsExactly("score: status", passed, expected, "status " + actual);
    }

    @Test
    void aFailedStatusShowsTheBody() {
        CheckResult check = evaluate(status("200"), new TargetResponse(500, Map.of(), "{\"error\": \"database down\"}", 5));

        assertThat(check.actual()).isEqualTo("status 500, body: {\"error\": \"database down\"}");
        assertThat(check.durationMs()).isEqualTo(5);
    }

    @Test
    void jsonPointerAloneMeansPresent() {
        assertThat(evaluate(json("/grade"), SCORE)).extracting(CheckResult::name, CheckResult::passed, CheckResult::expected, CheckResult::actual)
                .containsExactly("score: /grade", true, "present", "status 200, /grade = B");
        CheckResult missing = evaluate(json("/note"), SCORE);
        assertThat(missing.passed()).isFalse();
        assertThat(missing.actual()).isEqualTo("status 200, /note missing, body: " + SCORE_BODY);
    }

    @Test
    void jsonEqualsComparesTheTextualValue() {
        assertThat(evaluate(json("/score", "87", null, null, null, null), SCORE))
                .extracting(CheckResult::name, CheckResult::passed, CheckResult::expected, CheckResult::actual)
                .containsExactly("score: /score = 87", true, "= 87", "status 200, /score = 87");
        assertThat(evaluate(json("/grade", "A", null, null, null, null), SCORE))
                .extracting(CheckResult::passed, CheckResult::actual)
                .containsExactly(false, "status 200, /grade = B, body: " + SCORE_BODY);
        assertThat(evaluate(json("/tags", "[\"a\"]", null, null, null, null), SCORE).passed()).isTrue();
    }

    @Test
    void jsonExistsTrueOrFalse() {
        assertThat(evaluate(json("/grade", null, true, null, null, null), SCORE))
                .extracting(CheckResult::name, CheckResult::passed, CheckResult::expected)
                .containsExactly("score: /grade", true, "present");
        assertThat(evaluate(json("/error", null, false, null, null, null), SCORE))
                .extracting(CheckResult::name, CheckResult::passed, CheckResult::expected, CheckResult::actual)
                .containsExactly("score: /error absent", true, "absent", "status 200, /error missing");
        assertThat(evaluate(json("/grade", null, false, null, null, null), SCORE))
                .extracting(CheckResult::passed, CheckResult::actual)
                .containsExactly(false, "status 200, /grade = B, body: " + SCORE_BODY);
    }

    @Test
    void jsonMatchesTheWholeValue() {
        assertThat(evaluate(json("/grade", null, null, "[A-F]", null, null), SCORE))
                .extracting(CheckResult::name, CheckResult::passed, CheckResult::expected)
                .containsExactly("score: /grade matches [A-F]", true, "matches [A-F]");
        assertThat(evaluate(json("/grade", null, null, "[A-F]x?y", null, null), SCORE).passed()).isFalse();
        assertThat(evaluate(json("/score", null, null, "8", null, null), SCORE).passed()).isFalse();
    }

    @Test
    void jsonMinAndMaxAreInclusiveNumbers() {
        assertThat(evaluate(json("/score", null, null, null, BigDecimal.ZERO, null), SCORE))
                .extracting(CheckResult::name, CheckResult::passed, CheckResult::expected)
                .containsExactly("score: /score >= 0", true, ">= 0");
        assertThat(evaluate(json("/score", null, null, null, new BigDecimal("87"), new BigDecimal("87.0")), SCORE))
                .extracting(CheckResult::name, CheckResult::passed, CheckResult::expected)
                .containsExactly("score: /score >= 87 and <= 87.0", true, ">= 87 and <= 87.0");
        assertThat(evaluate(json("/score", null, null, null, null, new BigDecimal("86.5")), SCORE))
                .extracting(CheckResult::name, CheckResult::passed, CheckResult::expected, CheckResult::actual)
                .containsExactly("score: /score <= 86.5", false, "<= 86.5", "status 200, /score = 87, body: " + SCORE_BODY);
    }

    @Test
    void jsonMinFailsOnSomethingThatIsNoNumber() {
        CheckResult check = evaluate(json("/label", null, null, null, BigDecimal.ZERO, null), SCORE);

        assertThat(check.passed()).isFalse();
        assertThat(check.actual()).startsWith("status 200, /label = n/a (not a number), body: ");
    }

    @Test
    void jsonOnABodyThatIsNotJson() {
        CheckResult check = evaluate(json("/score"), new TargetResponse(200, Map.of(), "<html>\n<h1>Bad gateway</h1>", 5));

        assertThat(check.passed()).isFalse();
        assertThat(check.actual()).isEqualTo("status 200, body is not JSON: <html> <h1>Bad gateway</h1>");
        assertThat(evaluate(json("/score"), new TargetResponse(204, Map.of(), "", 5)).actual())
                .isEqualTo("status 204, body is not JSON: (empty)");
    }

    @Test
    void headerPresentEqualsOrMatches() {
        assertThat(evaluate(header("X-Content-Type-Options", null, null), SCORE))
                .extracting(CheckResult::name, CheckResult::passed, CheckResult::expected, CheckResult::actual)
                .containsExactly("score: header X-Content-Type-Options", true, "present", "status 200, header X-Content-Type-Options = nosniff");
        assertThat(evaluate(header("Strict-Transport-Security", null, null), SCORE))
                .extracting(CheckResult::passed, CheckResult::actual)
                .containsExactly(false, "status 200, header Strict-Transport-Security missing");
        assertThat(evaluate(header("X-Content-Type-Options", "nosniff", null), SCORE))
                .extracting(CheckResult::name, CheckResult::passed, CheckResult::expected)
                .containsExactly("score: header X-Content-Type-Options = nosniff", true, "= nosniff");
        assertThat(evaluate(header("Cache-Control", null, ".*no-store.*"), SCORE))
                .extracting(CheckResult::name, CheckResult::passed, CheckResult::actual)
                .containsExactly("score: header Cache-Control matches .*no-store.*", true, "status 200, header Cache-Control = no-store, private");
        assertThat(evaluate(header("Cache-Control", "no-store", null), SCORE).passed()).isFalse();
    }

    @Test
    void bodyContainsASubstring() {
        assertThat(evaluate(bodyContains("\"grade\""), SCORE))
                .extracting(CheckResult::name, CheckResult::passed, CheckResult::expected, CheckResult::actual)
                .containsExactly("score: body contains \"\"grade\"\"", true, "contains \"\"grade\"\"", "status 200, found");
        assertThat(evaluate(bodyContains("premium"), SCORE))
                .extracting(CheckResult::passed, CheckResult::actual)
                .containsExactly(false, "status 200, not found, body: " + SCORE_BODY);
    }

    @Test
    void maxLatencyIsInclusive() {
        assertThat(evaluate(maxLatency(Duration.ofMillis(1500)), new TargetResponse(200, Map.of(), "", 1500)))
                .extracting(CheckResult::name, CheckResult::passed, CheckResult::expected, CheckResult::actual)
                .containsExactly("score: latency <= PT1.5S", true, "<= 1500 ms", "status 200, 1500 ms");
        assertThat(evaluate(maxLatency(Duration.ofMillis(1500)), new TargetResponse(200, Map.of(), "", 1501)).passed()).isFalse();
    }

    @Test
    void everyExpectationOfAnUnreachableRequestFailsWithTheReason() {
        SmokeCheck smoke = Configs.get("score", "/api/score", status("200"), json("/score"), maxLatency(Duration.ofSeconds(1)));

        List<CheckResult> checks = evaluator.evaluate(smoke, new Unreachable("connection refused", 3));

        assertThat(checks).extracting(CheckResult::name, CheckResult::passed, CheckResult::actual).containsExactly(
                tuple("score: status", false, "unreachable: connection refused"),
                tuple("score: /score", false, "unreachable: connection refused"),
                tuple("score: latency <= PT1S", false, "unreachable: connection refused"));
    }

    private CheckResult evaluate(SmokeExpectation expectation, TargetOutcome outcome) {
        return evaluator.evaluate(Configs.get("score", "/api/score", expectation), outcome).get(0);
    }
}
