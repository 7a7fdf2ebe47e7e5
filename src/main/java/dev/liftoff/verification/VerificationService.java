package dev.liftoff.verification;

import dev.liftoff.analysis.AnalysisResult;
import dev.liftoff.analysis.AnalysisService;
import dev.liftoff.analysis.Baseline;
import dev.liftoff.analysis.ReleaseLabels;
import dev.liftoff.config.AnalysisUse;
import dev.liftoff.config.EnvironmentConfig;
import dev.liftoff.config.LatencyCheck;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.ServiceConfig;
import dev.liftoff.config.Slot;
import dev.liftoff.config.VerificationSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Checks a service's environment: health, deployed version, smoke assertions, security headers,
 * CORS preflights and latency percentiles, within the service's verification limits (parallelism,
 * request timeout, deadline, requests per second, HTTP version), and after a deploy the
 * environment's metric analyses. An environment that misbehaves or does not answer yields failed
 * checks, a metrics provider without data inconclusive ones; only Liftoff's own faults throw (a
 * service or environment that is not configured, a check path that leaves the base URL).
 */
@Service
public class VerificationService {

    private final LiftoffProperties properties;
    /** null: synthetic checks only, as where no analysis is declared */
    private final AnalysisService analysis;
    // one client per distinct settings, so that verifications reuse connections and client threads
    private final Map<VerificationSettings, TargetHttp> clients = new ConcurrentHashMap<>();

    @Autowired
    public VerificationService(LiftoffProperties properties, AnalysisService analysis) {
        this.properties = properties;
        this.analysis = analysis;
    }

    /** checks by Liftoff's own requests only, without metric analyses */
    public VerificationService(LiftoffProperties properties) {
        this(properties, null);
    }

    public CheckResult health(String service, String environment) {
        ServiceConfig config = properties.requireService(service);
        return new HealthCheck(http(config)).check(config.environment(environment));
    }

    /** what the environment runs; empty when it does not answer or its version cannot be read */
    public Optional<DeployedVersion> currentVersion(String service, String environment) {
        ServiceConfig config = properties.requireService(service);
        return new VersionReader(http(config)).read(config.environment(environment)).deployed();
    }

    /** polls the version endpoint until it reports {@code expectedCommit} or the environment's deploy timeout passes */
    public VersionWait awaitCommit(String service, String environment, String expectedCommit) {
        return awaitCommit(service, environment, Slot.LIVE, expectedCommit);
    }

    /** the same, on one slot of the environment (blue-green: the idle slot answers at its idle-url) */
    public VersionWait awaitCommit(String service, String environment, Slot slot, String expectedCommit) {
        Objects.requireNonNull(expectedCommit, "expectedCommit");
        ServiceConfig config = properties.requireService(service);
        return new VersionPoller(new VersionReader(http(config))).await(config.environment(environment).at(slot), expectedCommit);
    }

    /**
     * Health, deployed commit equals {@code expectedCommit}, then every smoke assertion, security
     * header, CORS preflight and latency check of the service. Checks not done by the service's
     * verification deadline fail with "not finished within the verification deadline …".
     */
    public VerificationReport verify(String service, String environment, String expectedCommit) {
        return verify(service, environment, Slot.LIVE, expectedCommit);
    }

    /** the same checks on one slot of the environment: blue-green checks the idle slot before traffic moves */
    public VerificationReport verify(String service, String environment, Slot slot, String expectedCommit) {
        Objects.requireNonNull(expectedCommit, "expectedCommit");
        long start = System.nanoTime();
        ServiceConfig serviceConfig = properties.requireService(service);
        EnvironmentConfig environmentConfig = serviceConfig.environment(environment).at(slot);
        EnvironmentVerification verification = new EnvironmentVerification(serviceConfig, environmentConfig);
        List<CheckResult> checks;
        try (VerificationRun run = new VerificationRun(http(serviceConfig), serviceConfig.verification())) {
            checks = verification.run(run, expectedCommit);
        }
        return VerificationReport.of(environment, checks, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /**
     * The checks of {@link #verify(String, String, String)} on the live environment, then the
     * environment's metric analyses that run in that way: in a verification after the deploy, or on
     * a monitoring tick. Only the live environment: an idle slot has no users' traffic to measure.
     *
     * @param baselines the values before the deploy, by analysis name, for the analyses that compare with them
     */
    public VerificationReport verifyWithAnalyses(ReleaseLabels release, AnalysisUse use, Map<String, Baseline> baselines) {
        long start = System.nanoTime();
        VerificationReport synthetic = verify(release.service(), release.environment(), Slot.LIVE, release.commitSha());
        if (analysis == null) {
            return synthetic;
        }
        List<CheckResult> checks = new ArrayList<>(synthetic.checks());
        for (AnalysisResult result : analysis.run(release, use, baselines)) {
            checks.add(AnalysisCheck.of(result));
        }
        return VerificationReport.of(release.environment(), checks, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /**
     * The environment's metric analyses that run in a verification, on a canary: each query
     * templated with the canary's version, and an analysis that compares with the version before
     * compared with the stable version's value measured now, with its own version's labels. Without
     * a stable version known ({@code stable} null) such comparisons are inconclusive.
     */
    public List<CheckResult> canaryAnalyses(ReleaseLabels canary, ReleaseLabels stable) {
        if (analysis == null) {
            return List.of();
        }
        return analysis.run(canary, AnalysisUse.VERIFICATION, analysis.stableValues(canary, stable, AnalysisUse.VERIFICATION)).stream()
                .map(AnalysisCheck::of).toList();
    }

    /**
     * Waits until the environment reports {@code expectedCommit}, then verifies it; an environment
     * that never reports it yields a failed report holding what it last reported.
     */
    public VerificationReport verifyOnceDeployed(String service, String environment, String expectedCommit) {
        VersionWait wait = awaitCommit(service, environment, expectedCommit);
        return wait.passed()
                ? verify(service, environment, expectedCommit)
                : VerificationReport.of(environment, List.of(wait.check()), wait.elapsedMs());
    }

    /**
     * The service's latency checks alone, as a baseline to compare later figures with (each
     * check's {@code figures} hold its p95); no targets are judged differently from a verification.
     */
    public List<CheckResult> latency(String service, String environment) {
        ServiceConfig serviceConfig = properties.requireService(service);
        return sample(serviceConfig, environment, serviceConfig.latency());
    }

    /**
     * {@code requests} GET requests to {@code path}, as many at a time as the service's verification
     * parallelism allows: the check's figures say how many were sent and how many failed (no 2xx or
     * no answer). It passes when none failed.
     */
    public CheckResult probe(String service, String environment, String path, int requests) {
        ServiceConfig serviceConfig = properties.requireService(service);
        int concurrency = Math.min(requests, serviceConfig.verification().parallelism());
        LatencyCheck probe = new LatencyCheck("Probe " + path, "GET", path, null, null, requests, concurrency, null, null, null);
        return sample(serviceConfig, environment, List.of(probe)).get(0);
    }

    /**
     * The same requests to a canary and its stable version at the same moment, pair after pair, at
     * most {@code pairsPerSecond} pairs a second, for {@code lasting}: the requests of the service's
     * latency checks in turn (else of its smoke checks, else its health endpoint). Liftoff's own
     * faults throw; whatever the two sides answer is recorded.
     */
    public SideBySide sampleSideBySide(String service, String environment, Duration lasting, int pairsPerSecond) {
        ServiceConfig serviceConfig = properties.requireService(service);
        EnvironmentConfig environmentConfig = serviceConfig.environment(environment);
        int workers = Math.max(1, Math.min(serviceConfig.verification().parallelism(), pairsPerSecond));
        return SideBySideSampler.sample(http(serviceConfig), environmentConfig.at(Slot.CANARY).baseUrl(),
                environmentConfig.at(Slot.STABLE).baseUrl(), comparisonPlan(serviceConfig, environmentConfig), lasting,
                pairsPerSecond, workers);
    }

    /**
     * How many different requests a side-by-side comparison takes in turn: its latency checks, else its
     * smoke checks, else the health endpoint alone.
     */
    public static int requestsCompared(ServiceConfig service, String environment) {
        return comparisonPlan(service, service.environment(environment)).size();
    }

    private static List<SideBySideSampler.PlannedRequest> comparisonPlan(ServiceConfig service, EnvironmentConfig environment) {
        if (!service.latency().isEmpty()) {
            return service.latency().stream()
                    .map(check -> new SideBySideSampler.PlannedRequest(check.name(), check.method(), check.path(), check.headers(), check.body()))
                    .toList();
        }
        if (!service.smoke().isEmpty()) {
            return service.smoke().stream()
                    .map(check -> new SideBySideSampler.PlannedRequest(check.name(), check.method(), check.path(), check.headers(), check.body()))
                    .toList();
        }
        return List.of(new SideBySideSampler.PlannedRequest("Health", "GET", environment.health().path(), Map.of(), null));
    }

    private List<CheckResult> sample(ServiceConfig serviceConfig, String environment, List<LatencyCheck> checks) {
        EnvironmentConfig environmentConfig = serviceConfig.environment(environment);
        try (VerificationRun run = new VerificationRun(http(serviceConfig), serviceConfig.verification())) {
            return EnvironmentVerification.sample(run, environmentConfig.baseUrl(), checks);
        }
    }

    private TargetHttp http(ServiceConfig service) {
        VerificationSettings settings = service.verification();
        return clients.computeIfAbsent(settings, s -> new TargetHttp(s.requestTimeout(), s.http2()));
    }
}
