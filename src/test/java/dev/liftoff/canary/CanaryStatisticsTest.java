package dev.liftoff.canary;

import dev.liftoff.analysis.Verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CanaryStatisticsTest {

    private static final int TRIALS = 200;

    // ---- known samples, checked by hand ----

    @Test
    void fullySeparatedSamplesOf10Against10GiveTheExactPOfOneArrangementInC20Choose10() {
        double[] stable = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] canary = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20};

        LatencyComparison comparison = CanaryStatistics.compareLatency("Score", canary, stable, 0.01, 0);

        // no ties and fewer than 50 a side: exact; the canary above every stable value is 1 of C(20, 10) = 184756 arrangements
        assertThat(comparison.pValue()).isCloseTo(1.0 / 184_756, within(1e-12));
        assertThat(comparison.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(comparison.failed()).isTrue();
        assertThat(comparison.medianIncreaseMs()).isEqualTo(10.0);
    }

    @Test
    void aCanaryFasterThanStableNeverFailsSinceTheTestIsOneSided() {
        double[] stable = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
        double[] canary = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

        LatencyComparison comparison = CanaryStatistics.compareLatency("Score", canary, stable, 0.01, 0);

        assertThat(comparison.pValue()).isCloseTo(1.0, within(1e-9));
        assertThat(comparison.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(comparison.summary()).isEqualTo(
                "Score: canary p50 5.0 ms against stable 15.0 ms (-10.0 ms), not slower: p = 1.0000 (needed < 0.0100)");
    }

    @Test
    void identicalSamplesGiveAtLeastOneHalf() {
        double[] latencies = {12, 15, 11, 19, 14, 13, 18, 16, 17, 10};

        LatencyComparison comparison = CanaryStatistics.compareLatency("Score", latencies.clone(), latencies, 0.01, 0);

        // every value tied across the sides: U sits on its mean, continuity correction leans towards "not greater"
        assertThat(comparison.pValue()).isGreaterThanOrEqualTo(0.5);
        assertThat(comparison.verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void oneConstantLatencyOnBothSidesGivesOne() {
        double[] latencies = {12, 12, 12, 12, 12, 12, 12, 12};

        assertThat(CanaryStatistics.compareLatency("Score", latencies.clone(), latencies, 0.01, 0).pValue()).isEqualTo(1.0);
    }

    @Test
    void tiedMillisecondsUseTheTieCorrectedNormalApproximation() {
        double[] stable = {11, 11, 11, 11, 11, 11, 11, 11};
        double[] canary = {12, 12, 12, 12, 12, 12, 12, 12};

        LatencyComparison comparison = CanaryStatistics.compareLatency("Score", canary, stable, 0.01, 1);

        // U = 64, mean 32; ties: two groups of 8 over n = 16, so variance = 64/12 × (17 − 2 × (8³ − 8) / (16 × 15)) = 68.27;
        // z = (64 − 32 − 0.5) / √68.27 = 3.8125, p = 1 − Φ(3.8125) ≈ 6.88e-5
        assertThat(comparison.pValue()).isCloseTo(6.88e-5, within(0.01e-5));
        assertThat(comparison.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void aSignificantIncreaseBelowTheMinimumThatMattersPasses() {
        double[] stable = IntStream.range(0, 20).mapToDouble(i -> 2.0).toArray();
        double[] canary = IntStream.range(0, 20).mapToDouble(i -> 3.0).toArray();

        LatencyComparison comparison = CanaryStatistics.compareLatency("Health", canary, stable, 0.01, 5);

        assertThat(comparison.pValue()).isLessThan(0.01);
        assertThat(comparison.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(comparison.summary()).isEqualTo("Health: canary p50 3.0 ms against stable 2.0 ms (+1.0 ms), slower with p = 0.0000"
                + " but the p50 rose by less than the 5.0 ms that matter");
    }

    @Test
    void aSlowerCanarySaysByHowMuchAndWithWhatP() {
        double[] stable = {11.9, 11.5, 12.3, 11.9, 12.0, 11.7, 12.4, 11.8, 12.1, 11.6};
        double[] canary = {312.4, 305.0, 320.1, 311.0, 318.2, 309.9, 330.5, 312.4, 315.0, 307.3};

        LatencyComparison comparison = CanaryStatistics.compareLatency("Quiz generation", canary, stable, 0.001, 50);

        // 312.4 twice is a tie, so the p-value is the normal approximation's (≈ 9e-5), not the exact 1 / C(20, 10)
        assertThat(comparison.summary()).isEqualTo(
                "Quiz generation: canary p50 312.4 ms against stable 11.9 ms (+300.5 ms), slower with p = 0.0001 (needed < 0.0010)");
        assertThat(comparison.toMap()).containsEntry("name", "Quiz generation")
                .containsEntry("verdict", "FAILED")
                .containsEntry("medianIncreaseMs", 300.5)
                .containsEntry("alpha", 0.001)
                .containsEntry("minimumIncreaseMs", 50.0)
                .containsEntry("canary", Map.of("count", 10, "p50Ms", 312.4, "p95Ms", 330.5, "p99Ms", 330.5))
                .containsKey("pValue");
    }

    @Test
    void fewerThanMinSamplesOnEitherSideIsInconclusive() {
        double[] seven = {10, 11, 12, 13, 14, 15, 16};
        double[] eight = {50, 51, 52, 53, 54, 55, 56, 57};

        LatencyComparison comparison = CanaryStatistics.compareLatency("Score", eight, seven, 0.01, 0);

        assertThat(CanaryStatistics.MIN_SAMPLES).isEqualTo(8);
        assertThat(comparison.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(comparison.failed()).isFalse();
        assertThat(comparison.pValue()).isNaN();
        assertThat(comparison.summary()).isEqualTo("Score: too few samples to judge: canary 8, stable 7 (at least 8 each needed)");
        assertThat(comparison.toMap()).containsEntry("verdict", "inconclusive").containsEntry("pValue", null);
        assertThat(CanaryStatistics.compareLatency("Score", new double[0], eight, 0.01, 0).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void summarisesLatenciesByNearestRank() {
        double[] oneToHundred = IntStream.rangeClosed(1, 100).mapToDouble(i -> i).toArray();
        double[] oneToTen = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};

        assertThat(LatencySummary.of(oneToHundred)).isEqualTo(new LatencySummary(100, 50, 95, 99));
        assertThat(LatencySummary.of(oneToTen)).isEqualTo(new LatencySummary(10, 5, 10, 10));
        assertThat(LatencySummary.of(new double[] {12.345, 12.35, 99.99}).toMap())
                .isEqualTo(Map.of("count", 3, "p50Ms", 12.4, "p95Ms", 100.0, "p99Ms", 100.0));
        assertThat(oneToTen[0]).as("the caller's array stays as it was").isEqualTo(10);
    }

    @Test
    void anEmptySideHasNoPercentiles() {
        LatencySummary empty = LatencySummary.of(new double[0]);

        assertThat(empty.count()).isZero();
        assertThat(empty.p50Ms()).isNaN();
        assertThat(empty.p95Ms()).isNaN();
        assertThat(empty.p99Ms()).isNaN();
        assertThat(empty.toMap()).containsEntry("count", 0).containsEntry("p50Ms", null);
    }

    @Test
    void rejectsLatenciesAndSettingsThatMeanNothing() {
        double[] fine = {1, 2, 3, 4, 5, 6, 7, 8};

        assertThatThrownBy(() -> CanaryStatistics.compareLatency("Score", new double[] {1, Double.NaN}, fine, 0.01, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN at index 1");
        assertThatThrownBy(() -> CanaryStatistics.compareLatency("Score", fine, new double[] {-1}, 0.01, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanaryStatistics.compareLatency("Score", fine, fine, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanaryStatistics.compareLatency("Score", fine, fine, 0.01, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanaryStatistics.compareErrors(5, 4, 0, 10, 0.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanaryStatistics.compareErrors(0, 10, -1, 10, 0.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanaryStatistics.compareErrors(0, 10, 0, 10, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moreCanaryErrorsFailWithFishersOneSidedP() {
        ErrorRateComparison comparison = CanaryStatistics.compareErrors(20, 200, 2, 200, 0.01);

        assertThat(comparison.pValue()).isLessThan(0.001);
        assertThat(comparison.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(comparison.summary()).isEqualTo(
                "Errors: canary 20/200 (10.0 %) against stable 2/200 (1.0 %), more with p = 0.0000 (needed < 0.0100)");
        assertThat(comparison.toMap()).containsEntry("verdict", "FAILED")
                .containsEntry("canaryErrors", 20).containsEntry("canaryRequests", 200)
                .containsEntry("stableErrors", 2).containsEntry("stableRequests", 200)
                .containsEntry("alpha", 0.01);
    }

    @Test
    void fewerCanaryErrorsNeverFail() {
        ErrorRateComparison comparison = CanaryStatistics.compareErrors(2, 200, 20, 200, 0.01);

        assertThat(comparison.pValue()).isGreaterThan(0.99);
        assertThat(comparison.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(comparison.summary()).startsWith("Errors: canary 2/200 (1.0 %) against stable 20/200 (10.0 %), not more: p = ");
    }

    @Test
    void oneErrorAgainstNoneIsNotEnoughEvidence() {
        // of 1 error among 200 + 200 requests, the canary holding it has probability 1/2
        assertThat(CanaryStatistics.compareErrors(1, 200, 0, 200, 0.01).pValue()).isCloseTo(0.5, within(1e-12));
        assertThat(CanaryStatistics.compareErrors(0, 200, 0, 200, 0.01).pValue()).isEqualTo(1.0);
    }

    @Test
    void aSideWithoutRequestsIsInconclusive() {
        ErrorRateComparison comparison = CanaryStatistics.compareErrors(0, 0, 3, 200, 0.01);

        assertThat(comparison.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(comparison.pValue()).isNaN();
        assertThat(comparison.summary()).isEqualTo("Errors: canary 0/0 against stable 3/200, nothing to judge: the canary received no request");
        assertThat(comparison.toMap()).containsEntry("pValue", null);
        assertThat(CanaryStatistics.compareErrors(0, 100, 0, 0, 0.01).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    // ---- seeded trials on a realistic latency model ----
    //
    // Latency model: log-normal, median 100 ms, sigma of the log 0.2 (so about 95 % of requests take
    // 67–148 ms), recorded in whole milliseconds as most servers log them, which makes ties common.
    // A slower or faster canary multiplies every latency by a factor before rounding.
    // Each trial draws its own samples from SplittableRandom(seed = trial number).

    @Test
    @DisplayName("log-normal latencies (median 100 ms, σ 0.2), identical on both sides, n = 50 a side: ≥ 95 % of 200 trials pass at α = 0.01")
    void identicalLogNormalLatenciesPassAtLeast95PercentOfTrials() {
        int passed = count(trial -> {
            SplittableRandom random = new SplittableRandom(trial);
            return CanaryStatistics.compareLatency("Score", latencies(random, 50, 1.0), latencies(random, 50, 1.0), 0.01, 0)
                    .verdict() == Verdict.PASSED;
        });

        report("identical latencies passed", passed);
        assertThat(passed).isGreaterThanOrEqualTo(190);
    }

    @Test
    @DisplayName("log-normal latencies (median 100 ms, σ 0.2), canary × 1.2, n = 50 a side: ≥ 95 % of 200 trials fail at α = 0.01, minimum increase 5 ms")
    void aCanary20PercentSlowerIsCaughtInAtLeast95PercentOfTrials() {
        int caught = count(trial -> {
            SplittableRandom random = new SplittableRandom(trial);
            return CanaryStatistics.compareLatency("Score", latencies(random, 50, 1.2), latencies(random, 50, 1.0), 0.01, 5)
                    .verdict() == Verdict.FAILED;
        });

        report("latencies 20 % slower caught", caught);
        assertThat(caught).isGreaterThanOrEqualTo(190);
    }

    @Test
    @DisplayName("log-normal latencies (median 100 ms, σ 0.2), canary × 0.8, n = 50 a side: never flagged in 200 trials at α = 0.01")
    void aCanary20PercentFasterIsNeverFlagged() {
        int passed = count(trial -> {
            SplittableRandom random = new SplittableRandom(trial);
            return CanaryStatistics.compareLatency("Score", latencies(random, 50, 0.8), latencies(random, 50, 1.0), 0.01, 0)
                    .verdict() == Verdict.PASSED;
        });

        report("latencies 20 % faster passed", passed);
        assertThat(passed).isEqualTo(TRIALS);
    }

    @Test
    @DisplayName("errors at 1 % on both sides, n = 500 a side: ≥ 95 % of 200 trials pass at α = 0.01")
    void identicalErrorRatesPassAtLeast95PercentOfTrials() {
        int passed = count(trial -> {
            SplittableRandom random = new SplittableRandom(trial);
            return CanaryStatistics.compareErrors(errors(random, 500, 0.01), 500, errors(random, 500, 0.01), 500, 0.01)
                    .verdict() == Verdict.PASSED;
        });

        report("identical error rates (1 %) passed", passed);
        assertThat(passed).isGreaterThanOrEqualTo(190);
    }

    @Test
    @DisplayName("errors at 10 % on the canary against 1 % on stable, n = 200 a side: ≥ 95 % of 200 trials fail at α = 0.01")
    void tenPercentCanaryErrorsAgainstOnePercentAreCaughtInAtLeast95PercentOfTrials() {
        // little room: summed over all binomial outcomes, Fisher's test catches this in 96.8 % of
        // cases at n = 200 (99.2 % at n = 250), so these seeds land near the expected rate
        int caught = count(trial -> {
            SplittableRandom random = new SplittableRandom(trial);
            return CanaryStatistics.compareErrors(errors(random, 200, 0.10), 200, errors(random, 200, 0.01), 200, 0.01)
                    .verdict() == Verdict.FAILED;
        });

        report("error rates 10 % against 1 % caught", caught);
        assertThat(caught).isGreaterThanOrEqualTo(190);
    }

    /** n latencies of the model above, multiplied by factor, in whole milliseconds */
    private static double[] latencies(SplittableRandom random, int n, double factor) {
        double[] latencies = new double[n];
        for (int i = 0; i < n; i++) {
            latencies[i] = Math.round(factor * 100 * Math.exp(0.2 * random.nextGaussian()));
        }
        return latencies;
    }

    /** how many of n requests failed, each with probability rate */
    private static int errors(SplittableRandom random, int n, double rate) {
        return (int) IntStream.range(0, n).filter(i -> random.nextDouble() < rate).count();
    }

    private static int count(IntPredicate trial) {
        return (int) IntStream.range(0, TRIALS).filter(trial).count();
    }

    private static void report(String what, int count) {
        System.out.println(String.format(Locale.ROOT, "canary statistics: %s %d/%d (%.1f %%)", what, count, TRIALS, 100.0 * count / TRIALS));
    }
}
