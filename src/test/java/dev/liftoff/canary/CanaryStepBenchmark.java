package dev.liftoff.canary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liftoff.analysis.ReleaseLabels;
import dev.liftoff.config.CanaryComparisonConfig;
import dev.liftoff.config.LatencyCheck;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.ServiceConfig;
import dev.liftoff.config.Slot;
import dev.liftoff.config.VerificationSettings;
import dev.liftoff.demo.DemoPorts;
import dev.liftoff.verification.CheckResult;
import dev.liftoff.verification.VerificationReport;
import dev.liftoff.verification.VerificationService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * What one analysis step of a canary costs in time and in load, on two real builds of the study API on
 * loopback (one playing the stable version, one the canary) and the demo's own study-canary plan as
 * Liftoff binds it (liftoff-demo-study-canary.yaml: six latency checks of 20 samples, six smoke checks,
 * security headers, a CORS preflight; the comparison at 10 pairs a second, 99 % confidence, at least
 * 20 ms). {@link CanaryAnalysis} runs each step for real: the canary's checks beside the side-by-side
 * comparison. Steps of 5, 10 and 20 s, each with a canary as fast as the stable version and with one
 * answering every request 300 ms later (the demo's slow build), in turn. Measured: the step's wall time
 * against its {@code for}, the requests each build saw arrive (the most in any one second, the
 * comparison's and the canary's own checks' apart), and the verdicts. Run with {@code bench/canary.sh};
 * the figures go to {@code target/bench/canary-step.md}.
 */
@Tag("benchmark")
class CanaryStepBenchmark {

    static final String SERVICE = "study-canary";
    static final String ENVIRONMENT = ServiceConfig.PRODUCTION;
    static final String STABLE_COMMIT = "5ab1e0123456789a";
    static final String CANARY_COMMIT = "ca4a7012345678bc";
    static final Duration SLOW_BY = Duration.ofMillis(300);
    static final List<Duration> STEPS = List.of(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20));
    static final Duration GOAL_BEYOND_FOR = Duration.ofSeconds(1);
    static final Duration ONE_SECOND = Duration.ofSeconds(1);
    // the two requests of a pair leave together; on loopback they arrive within milliseconds of each other
    static final Duration TWIN_WITHIN = Duration.ofMillis(100);
    static final int RUNS = Integer.getInteger("liftoff.bench.canary.runs", 5);

    /** one analysis step as measured */
    record Step(Duration lasting, boolean slow, long wallMs, long comparisonMs, int pairs, int fewestPerEndpoint, boolean passed,
            boolean inconclusive, List<String> failed, StepLoad load) {

        long beyondMs() {
            return wallMs - lasting.toMillis();
        }
    }

    /** the canary's own checks alone, as the step starts them */
    record Checks(boolean slow, long wallMs, boolean passed) {
    }

    @Test
    void anAnalysisStepTakesItsTimeAndLoadsTheCanaryWithinItsLimits() throws Exception {
        try (StudyApiBuild stable = StudyApiBuild.start("2026.12.0", STABLE_COMMIT);
                StudyApiBuild canary = StudyApiBuild.start("2026.12.1", CANARY_COMMIT)) {
            LiftoffProperties properties = studyCanary(canary.port(), stable.port());
            VerificationService verification = new VerificationService(properties);
            CanaryAnalysis analysis = new CanaryAnalysis(verification, new CanarySteps(properties));
            ReleaseLabels release = new ReleaseLabels(SERVICE, ENVIRONMENT, "2026.12.1", CANARY_COMMIT);
            try {
                // warm-up: one short step of each kind, not counted
                for (boolean slow : List.of(false, true)) {
                    step(analysis, release, canary, stable, Duration.ofSeconds(3), slow);
                }
                List<Step> steps = new ArrayList<>();
                for (int run = 0; run < RUNS; run++) {
                    for (Duration lasting : STEPS) {
                        for (boolean slow : List.of(false, true)) {
                            Step step = step(analysis, release, canary, stable, lasting, slow);
                            System.out.printf(Locale.ROOT, "canary step: %s canary, for %s: %d ms (%+d ms), %d pairs, %s%n",
                                    slow ? "slow" : "fast", lasting, step.wallMs(), step.beyondMs(), step.pairs(),
                                    step.passed() ? "passed" : "failed " + step.failed());
                            steps.add(step);
                        }
                    }
                }
                List<Checks> checks = new ArrayList<>();
                for (int run = 0; run < RUNS; run++) {
                    for (boolean slow : List.of(false, true)) {
                        canary.answerLater(slow ? SLOW_BY : Duration.ZERO);
                        long start = System.nanoTime();
                        VerificationReport report = verification.verify(SERVICE, ENVIRONMENT, Slot.CANARY, CANARY_COMMIT);
                        checks.add(new Checks(slow, (System.nanoTime() - start) / 1_000_000, report.passed()));
                        pause();
                    }
                }
                write(properties, steps, checks);

                assertThat(steps).filteredOn(step -> !step.slow()).as("a canary like the stable version passes every step")
                        .allMatch(Step::passed);
                assertThat(steps).filteredOn(Step::slow).as("a canary 300 ms slower fails every step, by its comparison alone")
                        .allMatch(step -> !step.passed() && step.failed().stream().allMatch(name -> name.startsWith("compared with stable: ")));
                int pairsPerSecond = comparison(properties).requestsPerSecond();
                assertThat(steps).as("the comparison's requests at the canary: at most requests-per-second in any second")
                        .allMatch(step -> StepLoad.busiest(step.load().comparisonAtCanary(), ONE_SECOND) <= pairsPerSecond + 1);
                assertThat(steps).filteredOn(step -> !step.slow()).as("a step with a canary as fast as stable ends within for + 1 s")
                        .allMatch(step -> step.beyondMs() <= GOAL_BEYOND_FOR.toMillis());
            } finally {
                analysis.stop();
            }
        }
    }

    private static Step step(CanaryAnalysis analysis, ReleaseLabels release, StudyApiBuild canary, StudyApiBuild stable, Duration lasting,
            boolean slow) {
        canary.answerLater(slow ? SLOW_BY : Duration.ZERO);
        canary.takeArrivals();
        stable.takeArrivals();
        long start = System.nanoTime();
        VerificationReport report = analysis.analyze(release, null, lasting);
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        StepLoad load = StepLoad.of(canary.takeArrivals(), stable.takeArrivals(), TWIN_WITHIN);
        CheckResult errors = check(report, "compared with stable: error rate");
        int fewest = report.checks().stream()
                .filter(check -> check.name().startsWith("compared with stable: ") && check.name().endsWith(" latency"))
                .mapToInt(check -> ((Number) ((Map<?, ?>) check.analysis().get("canary")).get("count")).intValue())
                .min().orElse(0);
        List<String> failed = report.checks().stream().filter(check -> !check.passed()).map(CheckResult::name).toList();
        pause();
        return new Step(lasting, slow, wallMs, errors.durationMs(), ((Number) errors.analysis().get("canaryRequests")).intValue(), fewest,
                report.passed(), report.inconclusive(), failed, load);
    }

    /** lets a slow canary's last answers go out before the next measurement */
    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static CheckResult check(VerificationReport report, String name) {
        return report.checks().stream().filter(check -> check.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + report.checks()));
    }

    /** liftoff-demo-study-canary.yaml bound the way Liftoff binds it, its canary and stable builds on these ports */
    static LiftoffProperties studyCanary(int canaryPort, int stablePort) {
        StandardEnvironment environment = new StandardEnvironment();
        Map<String, Object> properties = new HashMap<>();
        properties.put("liftoff.admin.user", "admin");
        properties.put("liftoff.admin.password", "admin");
        properties.put(DemoPorts.CANARY_PORT, canaryPort);
        properties.put(DemoPorts.CANARY_STABLE_PORT, stablePort);
        // nothing is deployed and no traffic moves in an analysis step; these URLs only have to be valid
        properties.put(DemoPorts.CANARY_STAGING_PORT, stablePort);
        properties.put(DemoPorts.CANARY_PRODUCTION_PORT, stablePort);
        properties.put(DemoPorts.DEPLOYER_PORT, stablePort);
        environment.getPropertySources().addFirst(new MapPropertySource("benchmark", properties));
        try {
            for (PropertySource<?> yaml : new YamlPropertySourceLoader().load(SERVICE, new ClassPathResource("liftoff-demo-study-canary.yaml"))) {
                environment.getPropertySources().addLast(yaml);
            }
        } catch (IOException e) {
            throw new IllegalStateException("liftoff-demo-study-canary.yaml is not on the classpath", e);
        }
        return Binder.get(environment).bind("liftoff", LiftoffProperties.class).get();
    }

    private static CanaryComparisonConfig comparison(LiftoffProperties properties) {
        return properties.requireService(SERVICE).environment(ENVIRONMENT).canary().comparison();
    }

    // ---- the tables ----

    private static void write(LiftoffProperties properties, List<Step> steps, List<Checks> checks) throws IOException {
        ServiceConfig service = properties.requireService(SERVICE);
        VerificationSettings limits = service.verification();
        CanaryComparisonConfig comparison = comparison(properties);
        int samples = service.latency().stream().mapToInt(LatencyCheck::samples).sum();
        int checkRequests = 2 + service.smoke().size() + service.cors().size() + samples;
        StringBuilder out = new StringBuilder();
        out.append("""
                ## Canary analysis steps: time and load (%s)

                study-canary's plan as the demo declares it (%d latency checks of %d samples, %d smoke checks, security
                headers, %d CORS preflight: %d requests to the canary; verification parallelism %d, max-requests-per-second
                %d), compared side by side at requests-per-second %d, confidence %s, minimum increase %d ms. Two builds of
                the study API on loopback, answering at once; the slow canary answers every request %d ms later.
                %d runs of each row, rows in turn, after one warm-up step of each kind.

                ### Wall time of one step against its `for`

                | canary | `for` | wall time p50 | max | beyond `for` p50 | max | goal ≤ %d s | the comparison p50 | pairs p50 | fewest per endpoint | verdicts |
                |---|---|---|---|---|---|---|---|---|---|---|
                """.formatted(LocalDate.now(), service.latency().size(), samples / service.latency().size(), service.smoke().size(),
                service.cors().size(), checkRequests, limits.parallelism(), limits.maxRequestsPerSecond(), comparison.requestsPerSecond(),
                comparison.confidence(), comparison.minimumIncrease().toMillis(), SLOW_BY.toMillis(), RUNS, GOAL_BEYOND_FOR.toSeconds()));
        for (List<Step> row : rows(steps)) {
            Step first = row.get(0);
            long beyondMax = max(row, Step::beyondMs);
            out.append("| %s | %d s | %s | %s | %s | %s | %s | %s | %d | %d | %s |%n".formatted(kind(first.slow()), first.lasting().toSeconds(),
                    ms(median(row, Step::wallMs)), ms(max(row, Step::wallMs)), signedMs(median(row, Step::beyondMs)), signedMs(beyondMax),
                    beyondMax <= GOAL_BEYOND_FOR.toMillis() ? "met" : "**not met**", ms(median(row, Step::comparisonMs)),
                    median(row, Step::pairs), (long) row.stream().mapToInt(Step::fewestPerEndpoint).min().orElse(0), verdicts(row)));
        }
        out.append("""

                The canary's own checks alone (`VerificationService.verify` on the canary slot, as the step starts them):

                | canary | requests | wall time p50 | max | passed |
                |---|---|---|---|---|
                """);
        for (boolean slow : List.of(false, true)) {
            List<Checks> row = checks.stream().filter(c -> c.slow() == slow).toList();
            out.append("| %s | %d | %s | %s | %d/%d |%n".formatted(kind(slow), checkRequests, ms(medianOf(row.stream().map(Checks::wallMs).toList())),
                    ms(row.stream().mapToLong(Checks::wallMs).max().orElse(0)), row.stream().filter(Checks::passed).count(), row.size()));
        }
        out.append("""

                ### Load: the most requests in any one second (largest of the runs; median of the runs in brackets)

                | canary | `for` | the comparison's at the canary (limit %d) | shortest time %d of them arrived in | at the stable version | the canary's own checks (limit %d) | all at the canary | requests per step: comparison / checks at the canary | pairs without a twin, widest gap |
                |---|---|---|---|---|---|---|---|---|
                """.formatted(comparison.requestsPerSecond(), comparison.requestsPerSecond() + 1, limits.maxRequestsPerSecond()));
        for (List<Step> row : rows(steps)) {
            Step first = row.get(0);
            long shortest = row.stream().mapToLong(step -> StepLoad.shortestSpan(step.load().comparisonAtCanary(),
                    comparison.requestsPerSecond() + 1)).min().orElse(Long.MAX_VALUE);
            out.append("| %s | %d s | %s | %s | %s | %s | %s | %s / %s | %d, %s ms |%n".formatted(kind(first.slow()), first.lasting().toSeconds(),
                    busiest(row, StepLoad::comparisonAtCanary), String.format(Locale.ROOT, "%.1f ms", shortest / 1e6),
                    busiest(row, StepLoad::atStable), busiest(row, StepLoad::checksAtCanary),
                    busiest(row, StepLoad::allAtCanary), range(row, step -> step.load().comparisonAtCanary().size()),
                    range(row, step -> step.load().checksAtCanary().size()), row.stream().mapToInt(step -> step.load().unmatched()).sum(),
                    String.format(Locale.ROOT, "%.1f", row.stream().mapToLong(step -> step.load().widestTwinGapNanos()).max().orElse(0) / 1e6)));
        }
        out.append("""

                ### Verdicts

                | canary | steps | passed | failed by the comparison only | inconclusive |
                |---|---|---|---|---|
                """);
        for (boolean slow : List.of(false, true)) {
            List<Step> kind = steps.stream().filter(step -> step.slow() == slow).toList();
            out.append("| %s | %d | %d | %d | %d |%n".formatted(kind(slow), kind.size(), kind.stream().filter(Step::passed).count(),
                    kind.stream().filter(step -> !step.passed() && !step.failed().isEmpty()
                            && step.failed().stream().allMatch(name -> name.startsWith("compared with stable: "))).count(),
                    kind.stream().filter(Step::inconclusive).count()));
        }
        String markdown = out.toString();
        Path output = Path.of(System.getProperty("liftoff.bench.canary.output", "target/bench/canary-step.md"));
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, markdown);
        System.out.println(markdown);
    }

    /** the steps by row: fast then slow canary, each by its for */
    private static List<List<Step>> rows(List<Step> steps) {
        Map<String, List<Step>> rows = new LinkedHashMap<>();
        for (boolean slow : List.of(false, true)) {
            for (Duration lasting : STEPS) {
                rows.put(kind(slow) + lasting, steps.stream().filter(step -> step.slow() == slow && step.lasting().equals(lasting)).toList());
            }
        }
        return rows.values().stream().filter(row -> !row.isEmpty()).toList();
    }

    private static String kind(boolean slow) {
        return slow ? "slow (+" + SLOW_BY.toMillis() + " ms)" : "as fast as stable";
    }

    private static String verdicts(List<Step> row) {
        long passed = row.stream().filter(Step::passed).count();
        return passed == row.size() ? "passed " + passed + "/" + row.size() : "failed " + (row.size() - passed) + "/" + row.size();
    }

    private static String busiest(List<Step> row, Function<StepLoad, List<Long>> arrivals) {
        List<Long> most = row.stream().map(step -> (long) StepLoad.busiest(arrivals.apply(step.load()), ONE_SECOND)).toList();
        return "%d (%d)".formatted(most.stream().mapToLong(Long::longValue).max().orElse(0), medianOf(most));
    }

    private static String range(List<Step> row, ToLongFunction<Step> figure) {
        long low = row.stream().mapToLong(figure).min().orElse(0);
        long high = max(row, figure);
        return low == high ? Long.toString(low) : low + "–" + high;
    }

    private static long median(List<Step> row, ToLongFunction<Step> figure) {
        return medianOf(row.stream().map(figure::applyAsLong).toList());
    }

    private static long max(List<Step> row, ToLongFunction<Step> figure) {
        return row.stream().mapToLong(figure).max().orElse(0);
    }

    /** the middle value; of an even count the lower middle one */
    private static long medianOf(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get((sorted.size() - 1) / 2);
    }

    private static String ms(long millis) {
        return millis + " ms";
    }

    private static String signedMs(long millis) {
        return String.format(Locale.ROOT, "%+d ms", millis);
    }
}
