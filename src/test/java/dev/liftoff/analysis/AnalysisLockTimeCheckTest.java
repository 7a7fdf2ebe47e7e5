package dev.liftoff.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liftoff.config.AnalysisConfig;
import dev.liftoff.config.CanaryConfig;
import dev.liftoff.config.CanaryStep;
import dev.liftoff.config.DeployStrategy;
import dev.liftoff.config.DeployTargetConfig;
import dev.liftoff.config.EnvironmentConfig;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.ServiceConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnalysisLockTimeCheckTest {

    @Test
    void aVerificationWhoseAnalysesMayOutlastTheJobLockStopsTheStart() {
        // 40 measurements 30 s apart, after the verification's 2 minutes: about 22 minutes
        LiftoffProperties properties = Analyses.properties(Map.of(), Map.of("slow",
                Analyses.of("up", "result > 0", Duration.ofSeconds(30), 38, 2)));
        AnalysisPlans plans = new AnalysisPlans(properties, Set.of(Analyses.PROVIDER));

        assertThatThrownBy(() -> new AnalysisLockTimeCheck(properties, plans, Duration.ofMinutes(15).toMillis()))
                .hasMessageContaining("the verification step of shop on production may take PT21M30S, needs a lock of at least 1410000 ms");
        assertThat(AnalysisLockTimeCheck.tooLong(properties, plans, Duration.ofMinutes(30))).isEmpty();
    }

    @Test
    void aQuickAnalysisFitsTheDefaultLock() {
        LiftoffProperties properties = Analyses.properties(Map.<String, AnalysisConfig>of("quick",
                Analyses.of("up", "result > 0", Duration.ofSeconds(5), 3, 2)), Map.of());
        AnalysisPlans plans = new AnalysisPlans(properties, Set.of(Analyses.PROVIDER));

        assertThat(AnalysisLockTimeCheck.tooLong(properties, plans, Duration.ofMinutes(15))).isEmpty();
    }

    @Test
    void aCanaryAnalysisStepWithItsAnalysesMustEndBeforeTheLock() {
        // analyze for 12 minutes, then up to 4 measurements 30 s apart: more than the 13 minutes a 15-minute lock leaves
        LiftoffProperties slow = canary(Duration.ofMinutes(12));
        AnalysisPlans plans = new AnalysisPlans(slow, Set.of(Analyses.PROVIDER));

        assertThatThrownBy(() -> new AnalysisLockTimeCheck(slow, plans, Duration.ofMinutes(15).toMillis()))
                .hasMessageContaining("liftoff.services.shop.environments.production.canary.steps[1].analyze.for (PT12M")
                .hasMessageContaining("needs a lock of at least");
        LiftoffProperties quick = canary(Duration.ofMinutes(2));
        assertThat(AnalysisLockTimeCheck.tooLong(quick, new AnalysisPlans(quick, Set.of(Analyses.PROVIDER)), Duration.ofMinutes(15))).isEmpty();
    }

    private static LiftoffProperties canary(Duration analysis) {
        LiftoffProperties properties = Analyses.properties(Map.of(), Map.of("p95",
                Analyses.of("up", "result > 0", Duration.ofSeconds(30), 3, 1)));
        ServiceConfig shop = properties.requireService("shop");
        EnvironmentConfig production = shop.environment(ServiceConfig.PRODUCTION);
        DeployTargetConfig traffic = production.deploy();
        CanaryConfig canary = new CanaryConfig(URI.create("http://127.0.0.1:11"), URI.create("http://127.0.0.1:12"), traffic,
                List.of(new CanaryStep(10, null, null), new CanaryStep(null, new CanaryStep.Analyze(analysis), null)), null);
        EnvironmentConfig canaryProduction = new EnvironmentConfig(production.baseUrl(), null, null, production.deploy(), null,
                DeployStrategy.CANARY, null, null, null, production.analyses(), canary);
        ServiceConfig service = new ServiceConfig(Map.of(ServiceConfig.STAGING, shop.environment(ServiceConfig.STAGING),
                ServiceConfig.PRODUCTION, canaryProduction), List.of(), null, null, null, null, null, null, null, null, shop.analyses());
        return new LiftoffProperties(properties.admin(), Map.of("shop", service), null, properties.metrics());
    }
}
