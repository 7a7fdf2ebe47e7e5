package dev.liftoff.analysis;

import dev.liftoff.config.AdminProperties;
import dev.liftoff.config.AnalysisConfig;
import dev.liftoff.config.AnalysisUse;
import dev.liftoff.config.DeployTargetConfig;
import dev.liftoff.config.EnvironmentConfig;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.ServiceConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Analyses of the service {@code shop} for tests, on a provider named {@value #PROVIDER}. */
final class Analyses {

    static final String PROVIDER = "prometheus";
    static final ReleaseLabels RELEASE = new ReleaseLabels("shop", "production", "2.0.0", "abc1234");
    static final ReleaseLabels BEFORE = new ReleaseLabels("shop", "production", "1.9.0", "0ld0ld0");

    private Analyses() {
    }

    /** an analysis measured every {@code interval}, passing when {@code success} holds */
    static AnalysisConfig of(String query, String success, Duration interval, Integer count, Integer inconclusiveLimit) {
        return new AnalysisConfig(null, PROVIDER, query, success, null, interval, count, null, inconclusiveLimit, null,
                List.of(AnalysisUse.VERIFICATION), null);
    }

    static AnalysisConfig againstPrevious(String query, double worseThanPercent, double minimumIncrease) {
        return new AnalysisConfig(null, PROVIDER, query, null, null, Duration.ofMillis(100), null, null, 0,
                new AnalysisConfig.AgainstPrevious(worseThanPercent, minimumIncrease, null), List.of(AnalysisUse.VERIFICATION), null);
    }

    static AnalysisConfig trigger(String query, String success, Duration interval, Duration sustainedFor) {
        return new AnalysisConfig(null, PROVIDER, query, success, null, interval, null, null, 0, null,
                List.of(AnalysisUse.ROLLBACK_TRIGGER), sustainedFor);
    }

    /** shop, whose production declares these analyses */
    static AnalysisPlans plans(Map<String, AnalysisConfig> production) {
        return new AnalysisPlans(properties(Map.of(), production), Set.of(PROVIDER));
    }

    static LiftoffProperties properties(Map<String, AnalysisConfig> service, Map<String, AnalysisConfig> production) {
        DeployTargetConfig deploy = new DeployTargetConfig(DeployTargetConfig.Type.COMMAND, null,
                new DeployTargetConfig.Command(List.of("/bin/true"), null, null));
        EnvironmentConfig staging = new EnvironmentConfig(URI.create("http://127.0.0.1:9"), null, null, deploy, null);
        EnvironmentConfig live = new EnvironmentConfig(URI.create("http://127.0.0.1:9"), null, null, deploy, null, null, null, null, null,
                production);
        ServiceConfig shop = new ServiceConfig(Map.of(ServiceConfig.STAGING, staging, ServiceConfig.PRODUCTION, live), List.of(), null, null,
                null, null, null, null, null, null, service);
        return new LiftoffProperties(new AdminProperties("admin", "admin"), Map.of("shop", shop));
    }
}
