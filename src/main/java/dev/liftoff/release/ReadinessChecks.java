package dev.liftoff.release;

import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.ServiceConfig;
import dev.liftoff.verification.CheckResult;
import dev.liftoff.verification.VerificationReport;
import dev.liftoff.verification.VerificationService;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * What must hold before a release may go ahead: the service is configured, both environments
 * answer their health endpoint, and no other release of the service is running.
 */
@Service
public class ReadinessChecks {

    static final String EVIDENCE_NAME = "readiness";

    private final LiftoffProperties properties;
    private final VerificationService verification;
    private final RunningReleases runningReleases;
    private final ExecutorService probes = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "liftoff-readiness-probe");
        thread.setDaemon(true);
        return thread;
    });

    public ReadinessChecks(LiftoffProperties properties, VerificationService verification, RunningReleases runningReleases) {
        this.properties = properties;
        this.verification = verification;
        this.runningReleases = runningReleases;
    }

    @PreDestroy
    void stopProbes() {
        probes.shutdownNow();
    }

    /** the checks as evidence with a one-line summary, like an environment's verification */
    public VerificationReport run(String service, String releaseInstanceId) {
        List<CheckResult> checks = new ArrayList<>();
        long start = System.currentTimeMillis();
        boolean configured = properties.service(service).isPresent();
        checks.add(new CheckResult("service configured", configured, "liftoff.services." + service,
                configured ? "configured" : "not configured", System.currentTimeMillis() - start));
        if (configured) {
            // the two probes wait on two different environments: ask both at once
            CompletableFuture<CheckResult> staging = CompletableFuture.supplyAsync(
                    () -> verification.health(service, ServiceConfig.STAGING), probes);
            CheckResult production = verification.health(service, ServiceConfig.PRODUCTION);
            checks.add(named("staging health", staging.join()));
            checks.add(named("production health", production));
        }
        checks.add(noOtherRelease(service, releaseInstanceId));
        return VerificationReport.of(EVIDENCE_NAME, checks, System.currentTimeMillis() - start);
    }

    private CheckResult noOtherRelease(String service, String releaseInstanceId) {
        long start = System.currentTimeMillis();
        List<String> others = runningReleases.of(service).stream()
                .filter(instance -> !instance.getId().equals(releaseInstanceId))
                .map(ProcessInstance::getBusinessKey)
                .toList();
        return new CheckResult("no other release of " + service + " running", others.isEmpty(),
                "no running release", others.isEmpty() ? "none running" : "running: " + others,
                System.currentTimeMillis() - start);
    }

    private static CheckResult named(String name, CheckResult check) {
        return new CheckResult(name, check.passed(), check.expected(), check.actual(), check.durationMs());
    }
}
