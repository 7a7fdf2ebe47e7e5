package dev.liftoff.verification;

import dev.liftoff.config.AdminProperties;
import dev.liftoff.config.DeployTargetConfig;
import dev.liftoff.config.EnvironmentConfig;
import dev.liftoff.config.HealthEndpoint;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.ServiceConfig;
import dev.liftoff.config.SmokeCheck;
import dev.liftoff.config.SmokeExpectation;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Liftoff configuration for one service, "study-api", whose staging runs at a given base URL. */
final class Configs {

    static final String SERVICE = "study-api";
    static final String STAGING = ServiceConfig.STAGING;

    private Configs() {
    }

    static LiftoffProperties properties(URI stagingUrl, List<SmokeCheck> smoke) {
        return properties(environment(stagingUrl, null, Duration.ofSeconds(5)), smoke);
    }

    static LiftoffProperties properties(EnvironmentConfig staging, List<SmokeCheck> smoke) {
        EnvironmentConfig production = environment(URI.create("http://production.invalid"), null, Duration.ofMinutes(5));
        ServiceConfig service = new ServiceConfig(Map.of(STAGING, staging, ServiceConfig.PRODUCTION, production), smoke, null, null, null, null, null, null);
        return new LiftoffProperties(new AdminProperties("admin", "x"), Map.of(SERVICE, service));
    }

    static EnvironmentConfig environment(URI baseUrl, HealthEndpoint health, Duration deployTimeout) {
        DeployTargetConfig deploy = new DeployTargetConfig(DeployTargetConfig.Type.COMMAND, null,
                new DeployTargetConfig.Command(List.of("./deploy.sh"), null, null));
        return new EnvironmentConfig(baseUrl, health, null, deploy, deployTimeout);
    }

    static SmokeCheck get(String name, String path, SmokeExpectation... expect) {
        return new SmokeCheck(name, "GET", path, null, null, List.of(expect));
    }

    static SmokeExpectation status(String status) {
        return new SmokeExpectation(status, null, null, null, null, null, null, null, null, null);
    }

    static SmokeExpectation json(String pointer) {
        return json(pointer, null, null, null, null, null);
    }

    static SmokeExpectation json(String pointer, String equals, Boolean exists, String matches, BigDecimal min, BigDecimal max) {
        return new SmokeExpectation(null, pointer, null, null, null, equals, exists, matches, min, max);
    }

    static SmokeExpectation header(String name, String equals, String matches) {
        return new SmokeExpectation(null, null, name, null, null, equals, null, matches, null, null);
    }

    static SmokeExpectation bodyContains(String text) {
        return new SmokeExpectation(null, null, null, text, null, null, null, null, null, null);
    }

    static SmokeExpectation maxLatency(Duration latency) {
        return new SmokeExpectation(null, null, null, null, latency, null, null, null, null, null);
    }
}
