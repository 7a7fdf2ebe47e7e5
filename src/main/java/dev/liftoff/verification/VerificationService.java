package dev.liftoff.verification;

import dev.liftoff.config.EnvironmentConfig;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.ServiceConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Checks a service's environment: health, deployed version and smoke assertions. An environment
 * that misbehaves or does not answer yields failed checks; only Liftoff's own faults throw (a
 * service or environment that is not configured, a check path that leaves the base URL).
 */
@Service
public class VerificationService {

    private final LiftoffProperties properties;
    private final HealthCheck healthCheck;
    private final VersionReader versionReader;
    private final VersionPoller versionPoller;
    private final SmokeRunner smokeRunner;

    @Autowired
    public VerificationService(LiftoffProperties properties) {
        this(properties, TargetHttp.DEFAULT_TIMEOUT);
    }

    /** @param httpTimeout how long one request to an environment may take */
    public VerificationService(LiftoffProperties properties, Duration httpTimeout) {
        TargetHttp http = new TargetHttp(httpTimeout);
        this.properties = properties;
        this.healthCheck = new HealthCheck(http);
        this.versionReader = new VersionReader(http);
        this.versionPoller = new VersionPoller(versionReader);
        this.smokeRunner = new SmokeRunner(http);
    }

    public CheckResult health(String service, String environment) {
        return healthCheck.check(environment(service, environment));
    }

    /** what the environment runs; empty when it does not answer or its version cannot be read */
    public Optional<DeployedVersion> currentVersion(String service, String environment) {
        return versionReader.read(environment(service, environment)).deployed();
    }

    /** polls the version endpoint until it reports {@code expectedCommit} or the environment's deploy timeout passes */
    public VersionWait awaitCommit(String service, String environment, String expectedCommit) {
        Objects.requireNonNull(expectedCommit, "expectedCommit");
        return versionPoller.await(environment(service, environment), expectedCommit);
    }

    /** health, deployed commit equals {@code expectedCommit}, then every smoke assertion of the service */
    public VerificationReport verify(String service, String environment, String expectedCommit) {
        Objects.requireNonNull(expectedCommit, "expectedCommit");
        long start = System.nanoTime();
        ServiceConfig serviceConfig = properties.requireService(service);
        EnvironmentConfig environmentConfig = serviceConfig.environment(environment);
        List<CheckResult> checks = new ArrayList<>();
        checks.add(healthCheck.check(environmentConfig));
        checks.add(versionReader.check(environmentConfig, expectedCommit));
        checks.addAll(smokeRunner.run(environmentConfig.baseUrl(), serviceConfig.smoke()));
        return VerificationReport.of(environment, checks, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    private EnvironmentConfig environment(String service, String environment) {
        return properties.requireService(service).environment(environment);
    }
}
