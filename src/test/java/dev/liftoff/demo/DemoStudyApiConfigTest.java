package dev.liftoff.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.liftoff.config.DeployStrategy;
import dev.liftoff.config.DeployTargetConfig;
import dev.liftoff.config.EnvironmentConfig;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.ServiceConfig;
import dev.liftoff.config.SmokeCheck;
import dev.liftoff.config.SmokeExpectation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoStudyApiConfigTest {

    private final LiftoffProperties liftoff = DemoServiceConfiguration.bind(18181, 18182, 18183, 18180);
    private final ServiceConfig studyApi = liftoff.requireService("study-api");

    @Test
    void theDemoServiceValidates() {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();

            assertThat(validator.validate(liftoff)).isEmpty();
        }
    }

    @Test
    void smokePlanHasThirtyOneExpectationsOverTheSixEndpoints() {
        assertThat(studyApi.smoke().stream().mapToInt(check -> check.expect().size()).sum()).isEqualTo(31);
        assertThat(studyApi.smoke()).extracting(SmokeCheck::method, SmokeCheck::path).containsExactly(
                tuple("GET", "/api/version"),
                tuple("POST", "/api/preview"),
                tuple("POST", "/api/generate"),
                tuple("POST", "/api/score"),
                tuple("GET", "/api/daily/next"),
                tuple("GET", "/api/ops/usage/daily"));
    }

    @Test
    void latencyLimitsAreTheReferenceP99Targets() {
        assertThat(studyApi.smoke()).extracting(DemoStudyApiConfigTest::maxLatency).containsExactly(
                Duration.ofMillis(100), Duration.ofMillis(1500), Duration.ofSeconds(3),
                Duration.ofMillis(500), Duration.ofMillis(300), Duration.ofMillis(200));
    }

    @Test
    void requestHeadersKeepTheirNames() {
        assertThat(studyApi.smoke().get(1).headers())
                .containsEntry("Content-Type", "application/json")
                .containsEntry("Origin", "https://study.example.com");
    }

    @Test
    void bothEnvironmentsPointAtTheDemoPortsAndItsWebhook() {
        EnvironmentConfig staging = studyApi.environment("staging");
        EnvironmentConfig production = studyApi.environment("production");

        assertThat(staging.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:18181"));
        assertThat(production.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:18182"));
        for (EnvironmentConfig environment : List.of(staging, production)) {
            assertThat(environment.health().path()).isEqualTo("/health");
            assertThat(environment.health().statusPointer()).isEqualTo("/status");
            assertThat(environment.version().path()).isEqualTo("/api/version");
            assertThat(environment.deploy().type()).isEqualTo(DeployTargetConfig.Type.WEBHOOK);
            assertThat(environment.deploy().webhook().url()).isEqualTo(URI.create("http://127.0.0.1:18180/deploy"));
            assertThat(environment.deploy().webhook().tokenEnv()).isEqualTo(DemoPorts.DEPLOY_TOKEN);
            assertThat(environment.deployTimeout()).isEqualTo(Duration.ofSeconds(30));
        }
    }

    @Test
    void productionIsBlueGreenWithItsIdleSlotAndTheDemoSwitch() {
        EnvironmentConfig production = studyApi.environment("production");

        assertThat(production.strategy()).isEqualTo(DeployStrategy.BLUE_GREEN);
        assertThat(production.blueGreen().idleUrl()).isEqualTo(URI.create("http://127.0.0.1:18183"));
        assertThat(production.blueGreen().switchTarget().webhook().url()).isEqualTo(URI.create("http://127.0.0.1:18180/switch"));
        assertThat(production.blueGreen().switchTarget().webhook().tokenEnv()).isEqualTo(DemoPorts.DEPLOY_TOKEN);
        assertThat(studyApi.environment("staging").strategy()).isEqualTo(DeployStrategy.DIRECT);
    }

    @Test
    void uatAndSignoffFollowTheReferencePlan() {
        assertThat(studyApi.uat().scenarios()).hasSizeBetween(4, 5);
        assertThat(studyApi.uat().minConfidence()).isEqualTo(3);
        assertThat(studyApi.signoff().roles())
                .containsExactly("engineering-leads", "security-leads", "operations", "product-owners");
    }

    private static Duration maxLatency(SmokeCheck check) {
        return check.expect().stream().map(SmokeExpectation::maxLatency).filter(latency -> latency != null)
                .findFirst().orElseThrow();
    }
}
