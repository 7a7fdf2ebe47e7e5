package dev.liftoff.canary;

import dev.liftoff.analysis.ReleaseLabels;
import dev.liftoff.config.CanaryComparisonConfig;
import dev.liftoff.config.Slot;
import dev.liftoff.verification.CheckResult;
import dev.liftoff.verification.SideBySide;
import dev.liftoff.verification.VerificationReport;
import dev.liftoff.verification.VerificationService;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Service;

/**
 * One analysis step of a canary: for the step's time, the same requests go to the canary and the
 * stable version side by side and their latencies and errors are compared; meanwhile the
 * environment's checks run against the canary; at the end its metric analyses are measured with the
 * canary's version, those that compare with the version before against the stable version's value of
 * that moment. All of it is one report, failed by any failed check or comparison.
 */
@Service
public class CanaryAnalysis {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final VerificationService verification;
    private final CanarySteps steps;
    // the canary's checks run beside the comparison, on a thread of their own
    private final ExecutorService checks = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "liftoff-canary-checks-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    public CanaryAnalysis(VerificationService verification, CanarySteps steps) {
        this.verification = verification;
        this.steps = steps;
    }

    /**
     * @param canary the release on the canary
     * @param stable what the stable version runs; null when it is not known (comparisons of metric
     *     analyses with it are then inconclusive)
     */
    public VerificationReport analyze(ReleaseLabels canary, ReleaseLabels stable, Duration lasting) {
        long start = System.nanoTime();
        String service = canary.service();
        String environment = canary.environment();
        CanaryComparisonConfig comparison = steps.canary(service, environment).comparison();
        Future<VerificationReport> synthetic = checks.submit(() -> verification.verify(service, environment, Slot.CANARY, canary.commitSha()));
        SideBySide sampled = verification.sampleSideBySide(service, environment, lasting, comparison.requestsPerSecond());

        List<CheckResult> results = new ArrayList<>(await(synthetic).checks());
        results.addAll(judge(sampled, comparison));
        results.addAll(verification.canaryAnalyses(canary, stable));
        return VerificationReport.of(environment + " canary", results, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /**
     * Each endpoint's latencies at the configured confidence shared among the endpoints (a canary no
     * worse than stable fails no endpoint with at most 1 - confidence), and the errors of all of them
     * together at the configured confidence.
     */
    static List<CheckResult> judge(SideBySide sampled, CanaryComparisonConfig comparison) {
        double alphaPerEndpoint = comparison.alpha() / sampled.endpoints().size();
        double minimumIncreaseMs = comparison.minimumIncrease().toNanos() / 1_000_000.0;
        List<CheckResult> results = new ArrayList<>();
        int canaryErrors = 0;
        int canaryRequests = 0;
        int stableErrors = 0;
        int stableRequests = 0;
        for (SideBySide.Endpoint endpoint : sampled.endpoints()) {
            results.add(ComparisonChecks.of(CanaryStatistics.compareLatency(endpoint.name(), endpoint.canaryMs(), endpoint.stableMs(),
                    alphaPerEndpoint, minimumIncreaseMs), sampled.durationMs()));
            canaryErrors += endpoint.canaryErrors();
            canaryRequests += endpoint.canaryRequests();
            stableErrors += endpoint.stableErrors();
            stableRequests += endpoint.stableRequests();
        }
        results.add(ComparisonChecks.of(CanaryStatistics.compareErrors(canaryErrors, canaryRequests, stableErrors, stableRequests,
                comparison.alpha()), sampled.durationMs()));
        return results;
    }

    private static VerificationReport await(Future<VerificationReport> synthetic) {
        try {
            return synthetic.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException fault) {
                throw fault;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            synthetic.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the canary", e);
        }
    }

    @PreDestroy
    void stop() {
        checks.shutdownNow();
    }
}
