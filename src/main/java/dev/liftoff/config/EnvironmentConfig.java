package dev.liftoff.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * One environment of a service: where it answers, how to read its health and version, and how
 * a version gets there.
 *
 * @param baseUrl every check of this environment goes to this URL and nowhere else
 * @param deployTimeout how long Liftoff waits, after the deploy target accepted, for the
 *     environment to report the new commit
 * @param strategy {@code direct} (default), {@code blue-green} or {@code canary}
 * @param blueGreen the idle slot and the traffic switch; required with {@code strategy: blue-green}
 * @param canary the canary's and the stable version's URLs, the traffic adapter and the steps;
 *     required with {@code strategy: canary}
 * @param monitoring the window of ticks after the deploy (none when left out)
 * @param rollbackTriggers what else rolls this environment back during its window (production)
 * @param analyses metric analyses of this environment, by name: they override (field by field) or
 *     add to the service's; {@code enabled: false} turns one of the service's off here
 */
public record EnvironmentConfig(
        @NotNull(message = "set the environment's base-url, e.g. https://staging.example.com") URI baseUrl,
        @Valid HealthEndpoint health,
        @Valid VersionEndpoint version,
        @Valid @NotNull(message = "declare how this environment is deployed: deploy.type webhook or command") DeployTargetConfig deploy,
        Duration deployTimeout,
        DeployStrategy strategy,
        @Valid BlueGreenConfig blueGreen,
        @Valid MonitoringConfig monitoring,
        @Valid RollbackTriggers rollbackTriggers,
        Map<String, @Valid @NotNull AnalysisConfig> analyses,
        @Valid CanaryConfig canary) {

    // the constructor Liftoff's configuration binds to; the shorter ones are for code
    @ConstructorBinding
    public EnvironmentConfig {
        health = health == null ? HealthEndpoint.defaults() : health;
        version = version == null ? VersionEndpoint.defaults() : version;
        deployTimeout = deployTimeout == null ? Duration.ofMinutes(5) : deployTimeout;
        strategy = strategy == null ? DeployStrategy.DIRECT : strategy;
        monitoring = monitoring == null ? MonitoringConfig.none() : monitoring;
        rollbackTriggers = rollbackTriggers == null ? RollbackTriggers.none() : rollbackTriggers;
        analyses = analyses == null ? Map.of() : Map.copyOf(analyses);
    }

    /** An environment that is not a canary. */
    public EnvironmentConfig(URI baseUrl, HealthEndpoint health, VersionEndpoint version, DeployTargetConfig deploy,
            Duration deployTimeout, DeployStrategy strategy, BlueGreenConfig blueGreen, MonitoringConfig monitoring,
            RollbackTriggers rollbackTriggers, Map<String, AnalysisConfig> analyses) {
        this(baseUrl, health, version, deploy, deployTimeout, strategy, blueGreen, monitoring, rollbackTriggers, analyses, null);
    }

    /** An environment with the service's metric analyses as they are. */
    public EnvironmentConfig(URI baseUrl, HealthEndpoint health, VersionEndpoint version, DeployTargetConfig deploy,
            Duration deployTimeout, DeployStrategy strategy, BlueGreenConfig blueGreen, MonitoringConfig monitoring,
            RollbackTriggers rollbackTriggers) {
        this(baseUrl, health, version, deploy, deployTimeout, strategy, blueGreen, monitoring, rollbackTriggers, null, null);
    }

    /** A direct environment without a monitoring window, as in many tests. */
    public EnvironmentConfig(URI baseUrl, HealthEndpoint health, VersionEndpoint version, DeployTargetConfig deploy,
            Duration deployTimeout) {
        this(baseUrl, health, version, deploy, deployTimeout, DeployStrategy.DIRECT, null, null, null);
    }

    /** A direct environment watched after its deploy. */
    public EnvironmentConfig(URI baseUrl, HealthEndpoint health, VersionEndpoint version, DeployTargetConfig deploy,
            Duration deployTimeout, MonitoringConfig monitoring, RollbackTriggers rollbackTriggers) {
        this(baseUrl, health, version, deploy, deployTimeout, DeployStrategy.DIRECT, null, monitoring, rollbackTriggers);
    }

    public boolean isBlueGreen() {
        return strategy == DeployStrategy.BLUE_GREEN;
    }

    public boolean isCanary() {
        return strategy == DeployStrategy.CANARY;
    }

    /**
     * This environment as seen through one slot: the idle slot answers at {@code blue-green.idle-url},
     * a canary's slots at {@code canary.canary-url} and {@code canary.stable-url}, with the same health
     * and version endpoints, so every check works there unchanged.
     */
    public EnvironmentConfig at(Slot slot) {
        URI url = switch (slot) {
            case LIVE -> baseUrl;
            case IDLE -> {
                if (blueGreen == null) {
                    throw new IllegalStateException("the environment at " + baseUrl + " has no idle slot: it is not blue-green");
                }
                yield blueGreen.idleUrl();
            }
            case CANARY, STABLE -> {
                if (canary == null) {
                    throw new IllegalStateException("the environment at " + baseUrl + " has no " + slot.value() + " slot: it is not a canary");
                }
                yield slot == Slot.CANARY ? canary.canaryUrl() : canary.stableUrl();
            }
        };
        return slot == Slot.LIVE ? this : new EnvironmentConfig(url, health, version, deploy, deployTimeout);
    }

    @AssertTrue(message = "strategy blue-green needs blue-green.idle-url and blue-green.switch")
    public boolean isBlueGreenDeclared() {
        return strategy != DeployStrategy.BLUE_GREEN || blueGreen != null;
    }

    @AssertTrue(message = "strategy canary needs canary.canary-url, canary.stable-url, canary.traffic and canary.steps")
    public boolean isCanaryDeclared() {
        return strategy != DeployStrategy.CANARY || canary != null;
    }

    @AssertTrue(message = "base-url must be an absolute http(s) URL without query or fragment")
    public boolean isBaseUrlUsable() {
        return Urls.isBaseUrl(baseUrl);
    }

    @AssertTrue(message = "deploy-timeout must be positive")
    public boolean isDeployTimeoutPositive() {
        return !deployTimeout.isNegative() && !deployTimeout.isZero();
    }
}
