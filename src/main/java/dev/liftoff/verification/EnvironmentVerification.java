package dev.liftoff.verification;

import dev.liftoff.config.CorsPreflightCheck;
import dev.liftoff.config.EnvironmentConfig;
import dev.liftoff.config.LatencyCheck;
import dev.liftoff.config.SecurityHeadersCheck;
import dev.liftoff.config.ServiceConfig;
import dev.liftoff.config.SmokeCheck;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * One verification of one environment, in the order the report shows it: health, deployed
 * commit, smoke checks, security headers, CORS preflights, latency. Health and commit go first,
 * one after the other; everything else then runs at once within the run's limits.
 */
final class EnvironmentVerification {

    private final ServiceConfig service;
    private final EnvironmentConfig environment;
    private final SecurityHeaderEvaluator securityHeaders;

    /**
     * @throws IllegalArgumentException when a configured path leaves the environment's base URL, or a
     *     header regex is invalid: Liftoff's own faults, found before any request is sent
     */
    EnvironmentVerification(ServiceConfig service, EnvironmentConfig environment) {
        this.service = service;
        this.environment = environment;
        paths().forEach(path -> TargetHttp.resolve(environment.baseUrl(), path));
        this.securityHeaders = service.securityHeaders() == null ? null : new SecurityHeaderEvaluator(service.securityHeaders());
    }

    List<CheckResult> run(VerificationRun run, String expectedCommit) {
        URI baseUrl = environment.baseUrl();
        List<CheckResult> checks = new ArrayList<>();
        checks.add(run.await(run.submit(() -> new HealthCheck(run.http()).check(environment)))
                .orElseGet(() -> unfinished(run, HealthCheck.NAME, HealthCheck.expected(environment))));
        checks.add(run.await(run.submit(() -> new VersionReader(run.http()).check(environment, expectedCommit)))
                .orElseGet(() -> unfinished(run, VersionReader.CHECK_NAME, expectedCommit)));

        SmokeRunner smoke = SmokeRunner.start(run, baseUrl, service.smoke());
        List<Future<TargetOutcome>> headerGets = headerPaths().stream()
                .map(path -> run.submit(() -> run.http().get(baseUrl, path)))
                .toList();
        List<CorsPreflight> preflights = service.cors().stream().map(CorsPreflight::new).toList();
        List<Future<TargetOutcome>> preflightAnswers = preflights.stream()
                .map(preflight -> run.submit(() -> preflight.send(run.http(), baseUrl)))
                .toList();
        List<LatencySampler> samplers = service.latency().stream()
                .map(check -> LatencySampler.start(run, baseUrl, check))
                .toList();

        checks.addAll(smoke.checks());
        if (securityHeaders != null) {
            checks.addAll(securityHeaderChecks(run, smoke, headerGets));
        }
        for (int i = 0; i < preflights.size(); i++) {
            CorsPreflight preflight = preflights.get(i);
            checks.add(run.await(preflightAnswers.get(i)).map(preflight::judge)
                    .orElseGet(() -> preflight.unfinished(run.unfinished(), run.elapsedMs())));
        }
        samplers.forEach(sampler -> checks.add(sampler.result(run)));
        return checks;
    }

    /** only the given latency checks, all at once within the run's limits */
    static List<CheckResult> sample(VerificationRun run, URI baseUrl, List<LatencyCheck> checks) {
        checks.forEach(check -> TargetHttp.resolve(baseUrl, check.path()));
        List<LatencySampler> samplers = checks.stream().map(check -> LatencySampler.start(run, baseUrl, check)).toList();
        return samplers.stream().map(sampler -> sampler.result(run)).toList();
    }

    /** on the listed paths when there are any, else on every smoke response */
    private List<CheckResult> securityHeaderChecks(VerificationRun run, SmokeRunner smoke, List<Future<TargetOutcome>> headerGets) {
        Optional<List<LabelledOutcome>> responses;
        if (headerGets.isEmpty()) {
            responses = smoke.responses();
        } else {
            List<String> paths = headerPaths();
            List<LabelledOutcome> answered = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                String label = "GET " + paths.get(i);
                run.await(headerGets.get(i)).ifPresent(outcome -> answered.add(new LabelledOutcome(label, outcome)));
            }
            responses = answered.size() == paths.size() ? Optional.of(answered) : Optional.empty();
        }
        return responses.map(securityHeaders::evaluate)
                .orElseGet(() -> securityHeaders.unfinished(run.unfinished(), run.elapsedMs()));
    }

    private List<String> headerPaths() {
        SecurityHeadersCheck config = service.securityHeaders();
        return config == null ? List.of() : config.paths();
    }

    private List<String> paths() {
        return Stream.of(
                        Stream.of(environment.health().path(), environment.version().path()),
                        service.smoke().stream().map(SmokeCheck::path),
                        headerPaths().stream(),
                        service.cors().stream().map(CorsPreflightCheck::path),
                        service.latency().stream().map(LatencyCheck::path))
                .flatMap(paths -> paths)
                .toList();
    }

    private static CheckResult unfinished(VerificationRun run, String name, String expected) {
        return new CheckResult(name, false, expected, run.unfinished(), run.elapsedMs());
    }
}
