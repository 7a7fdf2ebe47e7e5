package dev.liftoff.bench;

import static dev.liftoff.bench.PercentileComparison.SAMPLER;
import static dev.liftoff.bench.PercentileComparison.WRK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.liftoff.bench.ResultsMarkdown.AgreementRow;
import dev.liftoff.bench.ResultsMarkdown.PercentileRow;
import dev.liftoff.verification.VerificationReport;
import dev.liftoff.verification.VerificationService;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Liftoff's verification of the study-api reference plan against the same plan run the way a
 * runbook runs it (bench/runbook-smoke.sh), both against a target whose endpoints answer after
 * their reference p50; and Liftoff's latency percentiles against independent measurements.
 * Run with {@code bench/verification.sh}; the figures go to {@code target/bench/verification.md}.
 */
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerificationBenchmark {

    private static final String DEPLOYED_COMMIT = "4f2a9c1e7b3d5a60";
    private static final int RUNS = 7;
    private static final double GOAL_LIFTOFF_OVER_LIMIT = 1.5;
    // enough samples that p99 is decided by ten requests, not by one or two stalls of a busy machine
    private static final int SAMPLES = 1000;
    // as many as Liftoff's own warm-up pass sends
    private static final int WARM_UP_SAMPLES = SAMPLES;
    // each tool's percentiles are the median of this many passes of SAMPLES requests
    private static final int PASSES = 3;
    private static final List<LatencyProbe> PROBES = List.of(
            new LatencyProbe("Daily question", "/api/daily/next", SAMPLES, 4, Duration.ofMillis(300)),
            new LatencyProbe("Version", "/api/version", SAMPLES, 4, Duration.ofMillis(100)));

    private static final List<String> results = new ArrayList<>();
    private static SeparateTarget target;

    @BeforeAll
    static void startTarget() {
        target = SeparateTarget.start(DEPLOYED_COMMIT);
    }

    @AfterAll
    static void writeResults() throws IOException {
        target.close();
        String markdown = ResultsMarkdown.section("Verification suite vs sequential runbook", targetDescription(), machine(), results);
        Path output = Path.of(System.getProperty("liftoff.bench.output", "target/bench/verification.md"));
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, markdown);
        System.out.println(markdown);
    }

    @Test
    @Order(1)
    void liftoffVerifiesTheReferencePlanNearTheSlowestRequest() {
        VerificationService liftoff = new VerificationService(ReferencePlan.smokeSuite(target.port()));
        RunbookScript runbook = new RunbookScript(Path.of(System.getProperty("liftoff.bench.script", "bench/runbook-smoke.sh")));
        VerificationReport warmUp = liftoff.verify(ReferencePlan.SERVICE, ReferencePlan.ENVIRONMENT, DEPLOYED_COMMIT);
        assertPassedTheWholePlan(warmUp);
        RunbookScript.Run warmUpScript = runbook.run(target.baseUrl());
        assertThat(warmUpScript.passed()).as(warmUpScript.output()).isTrue();

        List<Long> liftoffMs = new ArrayList<>();
        List<Long> scriptMs = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            VerificationReport report = liftoff.verify(ReferencePlan.SERVICE, ReferencePlan.ENVIRONMENT, DEPLOYED_COMMIT);
            liftoffMs.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            assertPassedTheWholePlan(report);
            RunbookScript.Run script = runbook.run(target.baseUrl());
            assertThat(script.passed()).as(script.output()).isTrue();
            scriptMs.add(script.wallMs());
        }

        WallTimes liftoffTimes = new WallTimes(liftoffMs);
        WallTimes scriptTimes = new WallTimes(scriptMs);
        results.add(ResultsMarkdown.wallTimes(liftoffTimes, scriptTimes, DelayedStudyApi.SLOWEST, DelayedStudyApi.ONE_AFTER_ANOTHER,
                warmUp.checks().size(), warmUpScript.summary()));
        assertThat(liftoffTimes.medianMs() / DelayedStudyApi.SLOWEST.toMillis()).isLessThanOrEqualTo(GOAL_LIFTOFF_OVER_LIMIT);
    }

    @Test
    @Order(2)
    void liftoffLatencyPercentilesAgreeWithIndependentMeasurements() {
        // each probe is Liftoff's only latency check, run alone (VerificationService.latency) and without
        // a rate limit, as the sampler runs: both measure the endpoint, not the rest of the plan's load
        Map<LatencyProbe, VerificationService> liftoff = new LinkedHashMap<>();
        for (LatencyProbe probe : PROBES) {
            liftoff.put(probe, new VerificationService(ReferencePlan.withOnlyLatencyCheck(target.port(), probe)));
            // a pass of each to warm up first: the figures are not the JIT's
            liftoff.get(probe).latency(ReferencePlan.SERVICE, ReferencePlan.ENVIRONMENT);
            RawLatencySampler.sample(target.baseUrl().resolve(probe.path()), WARM_UP_SAMPLES, probe.concurrency());
        }
        // the passes of the two JVM tools alternate, so that both see the machine as it is at the time
        Map<LatencyProbe, List<LatencyPercentiles>> liftoffPasses = new LinkedHashMap<>();
        Map<LatencyProbe, List<LatencyPercentiles>> samplerPasses = new LinkedHashMap<>();
        boolean liftoffMeasured = true;
        for (int pass = 0; pass < PASSES; pass++) {
            for (LatencyProbe probe : PROBES) {
                VerificationReport report = VerificationReport.of(ReferencePlan.ENVIRONMENT,
                        liftoff.get(probe).latency(ReferencePlan.SERVICE, ReferencePlan.ENVIRONMENT), 0);
                Optional<LatencyPercentiles> byLiftoff = EngineLatency.check(report, probe).map(check -> EngineLatency.parse(check.actual()));
                liftoffMeasured &= byLiftoff.isPresent();
                byLiftoff.ifPresent(figures -> liftoffPasses.computeIfAbsent(probe, p -> new ArrayList<>()).add(figures));
                samplerPasses.computeIfAbsent(probe, p -> new ArrayList<>())
                        .add(RawLatencySampler.sample(target.baseUrl().resolve(probe.path()), SAMPLES, probe.concurrency()));
            }
        }
        List<PercentileRow> measurements = new ArrayList<>();
        List<AgreementRow> agreements = new ArrayList<>();
        for (LatencyProbe probe : PROBES) {
            Optional<LatencyPercentiles> byLiftoff = liftoffMeasured
                    ? Optional.of(LatencyPercentiles.medianOf(liftoffPasses.get(probe))) : Optional.empty();
            LatencyPercentiles bySampler = LatencyPercentiles.medianOf(samplerPasses.get(probe));
            Optional<LatencyPercentiles> byWrk = WrkLatency.measure(target.baseUrl().resolve(probe.path()));

            measurements.add(new PercentileRow(probe.endpoint(), "Liftoff latency check alone (" + probe.concurrency() + " at a time), median of "
                    + PASSES + " passes", byLiftoff, "pending latency checks"));
            measurements.add(new PercentileRow(probe.endpoint(), SAMPLER + ", HttpURLConnection (" + probe.concurrency()
                    + " at a time), median of " + PASSES + " passes", Optional.of(bySampler), ""));
            measurements.add(new PercentileRow(probe.endpoint(), WRK + " " + String.join(" ", WrkLatency.OPTIONS),
                    byWrk, "wrk not installed"));
            agreements.addAll(PercentileComparison.rows(probe, byLiftoff, bySampler, byWrk));
        }
        String status = liftoffMeasured ? "measured" : "pending latency checks";
        results.add(ResultsMarkdown.percentiles(measurements, agreements, status));

        Assumptions.assumeTrue(liftoffMeasured, "Liftoff's report has no latency checks yet: " + PROBES.stream().map(LatencyProbe::checkName).toList());
        assertThat(agreements).filteredOn(AgreementRow::binding)
                .isNotEmpty()
                .allMatch(row -> row.agreement().agrees(), "Liftoff agrees with the raw sampler within 10 %");
    }

    private static void assertPassedTheWholePlan(VerificationReport report) {
        assertThat(report.passed()).as(report.summary()).isTrue();
        assertThat(report.checks()).hasSizeGreaterThanOrEqualTo(2 + ReferencePlan.SMOKE_ASSERTIONS);
    }

    private static String targetDescription() {
        return "Target: the study-api reference endpoints on 127.0.0.1, each answering after its reference p50 "
                + "(preview 400 ms, generate 800 ms, score 100 ms, daily/next 50 ms, ops/usage 50 ms, version 10 ms), "
                + "so no pass of the plan can take less than its slowest request, " + DelayedStudyApi.SLOWEST.toMillis() + " ms.";
    }

    private static Map<String, String> machine() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("measured", LocalDate.now().toString());
        facts.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        facts.put("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        return facts;
    }
}
