package dev.liftoff.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VerificationReportTest {

    @Test
    void summarisesAPassingVerification() {
        List<CheckResult> checks = IntStream.range(0, 31).mapToObj(i -> passed("check " + i)).toList();

        VerificationReport report = VerificationReport.of("staging", checks, 840);

        assertThat(report.passed()).isTrue();
        assertThat(report.summary()).isEqualTo("31/31 passed");
    }

    @Test
    void summarisesFailuresWithWhatWasSeenAndExpected() {
        List<CheckResult> checks = List.of(passed("health"),
                new CheckResult("score: status", false, "200", "status 500", 12),
                passed("score: /score >= 0"),
                new CheckResult("daily/next: status", false, "200", "status 503", 9));

        VerificationReport report = VerificationReport.of("staging", checks, 840);

        assertThat(report.passed()).isFalse();
        assertThat(report.summary())
                .isEqualTo("2/4 passed — score: status: status 500 (expected 200); daily/next: status: status 503 (expected 200)");
    }

    @Test
    void listsTheFirstFiveFailuresAndCountsTheRest() {
        List<CheckResult> checks = IntStream.rangeClosed(1, 7)
                .mapToObj(i -> new CheckResult("c" + i, false, "200", "status 500", 1))
                .toList();

        String summary = VerificationReport.of("staging", checks, 10).summary();

        assertThat(summary).startsWith("0/7 passed — c1: status 500 (expected 200); c2:")
                .contains("c5: status 500 (expected 200); … and 2 more")
                .doesNotContain("c6");
    }

    @Test
    void leavesTheBodyExcerptToTheCheck() {
        CheckResult failed = new CheckResult("score: /score", false, "present", "status 200, /score missing, body: " + "x".repeat(2000), 3);

        String summary = VerificationReport.of("staging", List.of(failed), 3).summary();

        assertThat(summary).isEqualTo("0/1 passed — score: /score: status 200, /score missing (expected present)");
    }

    @Test
    void cutsALongActualValueInTheSummary() {
        CheckResult failed = new CheckResult("version: /commit", false, "present", "status 200, /commit = " + "a".repeat(500), 3);

        String summary = VerificationReport.of("staging", List.of(failed), 3).summary();

        assertThat(summary).hasSizeLessThan(250).endsWith("… (expected present)");
    }

    @Test
    void becomesTheVerificationVariable() {
        VerificationReport report = VerificationReport.of("staging", List.of(new CheckResult("health", true, "status 200", "status 200", 7)), 11);

        Map<String, Object> map = report.toMap();

        assertThat(map).containsOnlyKeys("environment", "passed", "durationMs", "summary", "checks")
                .containsEntry("environment", "staging")
                .containsEntry("passed", true)
                .containsEntry("durationMs", 11L)
                .containsEntry("summary", "1/1 passed");
        assertThat(map.get("checks")).isEqualTo(List.of(Map.of(
                "name", "health", "passed", true, "result", "passed", "expected", "status 200", "actual", "status 200", "durationMs", 7L)));
    }

    private static CheckResult passed(String name) {
        return new CheckResult(name, true, "200", "status 200", 1);
    }
}
