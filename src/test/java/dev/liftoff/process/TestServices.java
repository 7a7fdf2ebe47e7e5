package dev.liftoff.process;

import dev.liftoff.config.AdminProperties;
import dev.liftoff.config.AnalysisConfig;
import dev.liftoff.config.AnalysisUse;
import dev.liftoff.config.BlueGreenConfig;
import dev.liftoff.config.CanaryConfig;
import dev.liftoff.config.CanaryStep;
import dev.liftoff.config.DeployStrategy;
import dev.liftoff.config.DeployTargetConfig;
import dev.liftoff.config.EnvironmentConfig;
import dev.liftoff.config.LatencyDegradationTrigger;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.MonitoringConfig;
import dev.liftoff.config.MonitoringPhase;
import dev.liftoff.config.RollbackTriggers;
import dev.liftoff.config.ServiceConfig;
import dev.liftoff.config.SignoffConfig;
import dev.liftoff.config.UatConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Services for process tests: {@code shop} gets released and tells its stakeholder; {@code ledger}
 * never was; {@code kiosk}
 * runs production blue-green; {@code radar} is watched after each deploy: staging every 15 minutes
 * for 30 minutes, production every 10 minutes for 20 minutes and then every 30 minutes for an hour;
 * {@code panel} is tested in UAT by {@code ursula} and {@code uma} by name and its UAT expires after
 * 72 hours; {@code crowd} opens two UAT tasks for the UAT group and lets its UAT testers sign;
 * {@code gauge} is watched like radar and by a metric rollback trigger in production.
 */
public final class TestServices {

    public static final String SHOP = "shop";
    public static final String LEDGER = "ledger";
    public static final String KIOSK = "kiosk";
    public static final String RADAR = "radar";
    public static final String PANEL = "panel";
    public static final String CROWD = "crowd";
    /** its go-live sign-off never expires ({@code expire-after: 0}) */
    public static final String PATIENT = "patient";
    /** watched like radar, and production also by the metric rollback trigger {@value #GAUGE_TRIGGER}, measured every minute */
    public static final String GAUGE = "gauge";
    /** production is a canary: 10 %, analyze, pause 5 minutes, pause until release managers approve, 50 % */
    public static final String FLOCK = "flock";
    public static final String GAUGE_TRIGGER = "error-rate";
    public static final String METRICS_PROVIDER = "prometheus";
    public static final List<String> PANEL_TESTERS = List.of("ursula", "uma");
    public static final List<String> SCENARIOS = List.of("Sign in", "Check out a basket");
    public static final String SHOP_STAKEHOLDER = "product@shop.example.com";
    public static final List<String> ROLES = List.of(Groups.ENGINEERING_LEADS, Groups.SECURITY_LEADS);

    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

    private TestServices() {
    }

    public static LiftoffProperties properties() {
        return new LiftoffProperties(new AdminProperties("admin", "admin"), Map.of(SHOP, service(List.of(SHOP_STAKEHOLDER)),
                LEDGER, service(List.of()),
                KIOSK, blueGreenService(), RADAR, watchedService(), PANEL, testedBy(namedTesters(), new SignoffConfig(ROLES)),
                CROWD, testedBy(new UatConfig(Groups.UAT_TESTERS, null, 2, SCENARIOS, 3, null, null, null),
                        new SignoffConfig(ROLES).withUatTesterMaySign(true)),
                PATIENT, testedBy(new UatConfig(Groups.UAT_TESTERS, SCENARIOS, 3), new SignoffConfig(ROLES, null, null, Duration.ZERO, false)),
                GAUGE, triggeredService(), FLOCK, canaryService()));
    }

    private static UatConfig namedTesters() {
        return new UatConfig(Groups.UAT_TESTERS, PANEL_TESTERS, null, SCENARIOS, 3, null, null, Duration.ofHours(72));
    }

    private static ServiceConfig testedBy(UatConfig uat, SignoffConfig signoff) {
        return new ServiceConfig(Map.of("staging", direct(), "production", direct()), List.of(), null, null, null, null, uat, signoff);
    }

    private static ServiceConfig service(List<String> stakeholders) {
        return new ServiceConfig(Map.of("staging", direct(), "production", direct()), List.of(), null, null, null, null,
                new UatConfig(Groups.UAT_TESTERS, SCENARIOS, 3), new SignoffConfig(ROLES), stakeholders);
    }

    private static ServiceConfig blueGreenService() {
        EnvironmentConfig production = new EnvironmentConfig(NOWHERE, null, null, webhook("http://127.0.0.1:9/deploy"), null,
                DeployStrategy.BLUE_GREEN, new BlueGreenConfig(URI.create("http://127.0.0.1:10"), webhook("http://127.0.0.1:9/switch")),
                null, null);
        return service(direct(), production);
    }

    private static ServiceConfig watchedService() {
        EnvironmentConfig staging = new EnvironmentConfig(NOWHERE, null, null, webhook("http://127.0.0.1:9/deploy"), null,
                new MonitoringConfig(List.of(new MonitoringPhase(Duration.ofMinutes(15), Duration.ofMinutes(30)))), null);
        EnvironmentConfig production = new EnvironmentConfig(NOWHERE, null, null, webhook("http://127.0.0.1:9/deploy"), null,
                new MonitoringConfig(List.of(new MonitoringPhase(Duration.ofMinutes(10), Duration.ofMinutes(20)),
                        new MonitoringPhase(Duration.ofMinutes(30), Duration.ofHours(1)))),
                new RollbackTriggers(null, new LatencyDegradationTrigger(50, Duration.ofMillis(5))));
        return service(staging, production);
    }

    private static ServiceConfig triggeredService() {
        ServiceConfig watched = watchedService();
        EnvironmentConfig production = watched.environment("production");
        AnalysisConfig errorRate = new AnalysisConfig(null, METRICS_PROVIDER, "sum(rate(errors_total{service=\"{{service}}\"}[1m]))",
                "result < 0.05", null, Duration.ofMinutes(1), null, null, null, null, List.of(AnalysisUse.ROLLBACK_TRIGGER), null);
        EnvironmentConfig triggered = new EnvironmentConfig(production.baseUrl(), null, null, production.deploy(), null,
                DeployStrategy.DIRECT, null, production.monitoring(), production.rollbackTriggers(), Map.of(GAUGE_TRIGGER, errorRate));
        return service(watched.environment("staging"), triggered);
    }

    private static ServiceConfig canaryService() {
        CanaryConfig canary = new CanaryConfig(URI.create("http://127.0.0.1:11"), URI.create("http://127.0.0.1:12"),
                webhook("http://127.0.0.1:9/traffic"),
                List.of(new CanaryStep(10, null, null), new CanaryStep(null, new CanaryStep.Analyze(Duration.ofMinutes(1)), null),
                        new CanaryStep(null, null, new CanaryStep.Pause(Duration.ofMinutes(5), null)),
                        new CanaryStep(null, null, new CanaryStep.Pause(null, Groups.RELEASE_MANAGERS)),
                        new CanaryStep(50, null, null)),
                null);
        EnvironmentConfig production = new EnvironmentConfig(NOWHERE, null, null, webhook("http://127.0.0.1:9/deploy"), null,
                DeployStrategy.CANARY, null, null, null, null, canary);
        return service(direct(), production);
    }

    private static EnvironmentConfig direct() {
        return new EnvironmentConfig(NOWHERE, null, null, webhook("http://127.0.0.1:9/deploy"), null);
    }

    private static ServiceConfig service(EnvironmentConfig staging, EnvironmentConfig production) {
        return new ServiceConfig(Map.of("staging", staging, "production", production), List.of(), null, null, null, null,
                new UatConfig(Groups.UAT_TESTERS, SCENARIOS, 3), new SignoffConfig(ROLES));
    }

    private static DeployTargetConfig webhook(String url) {
        return new DeployTargetConfig(DeployTargetConfig.Type.WEBHOOK, new DeployTargetConfig.Webhook(URI.create(url), null, null), null);
    }
}
