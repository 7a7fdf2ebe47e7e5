package dev.liftoff.process;

import dev.liftoff.config.AdminProperties;
import dev.liftoff.config.BlueGreenConfig;
import dev.liftoff.config.DeployStrategy;
import dev.liftoff.config.DeployTargetConfig;
import dev.liftoff.config.EnvironmentConfig;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.ServiceConfig;
import dev.liftoff.config.SignoffConfig;
import dev.liftoff.config.UatConfig;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Three services for process tests: {@code shop} gets released; {@code ledger} never was;
 * {@code kiosk} runs production blue-green.
 */
public final class TestServices {

    public static final String SHOP = "shop";
    public static final String LEDGER = "ledger";
    public static final String KIOSK = "kiosk";
    public static final List<String> SCENARIOS = List.of("Sign in", "Check out a basket");
    public static final List<String> ROLES = List.of(Groups.ENGINEERING_LEADS, Groups.SECURITY_LEADS);

    private TestServices() {
    }

    public static LiftoffProperties properties() {
        return new LiftoffProperties(new AdminProperties("admin", "admin"),
                Map.of(SHOP, service(false), LEDGER, service(false), KIOSK, service(true)));
    }

    private static ServiceConfig service(boolean blueGreenProduction) {
        DeployTargetConfig deploy = webhook("http://127.0.0.1:9/deploy");
        EnvironmentConfig staging = new EnvironmentConfig(URI.create("http://127.0.0.1:9"), null, null, deploy, null);
        EnvironmentConfig production = blueGreenProduction
                ? new EnvironmentConfig(URI.create("http://127.0.0.1:9"), null, null, deploy, null, DeployStrategy.BLUE_GREEN,
                        new BlueGreenConfig(URI.create("http://127.0.0.1:10"), webhook("http://127.0.0.1:9/switch")))
                : new EnvironmentConfig(URI.create("http://127.0.0.1:9"), null, null, deploy, null);
        return new ServiceConfig(Map.of("staging", staging, "production", production), List.of(), null, null, null, null,
                new UatConfig(Groups.UAT_TESTERS, SCENARIOS, 3), new SignoffConfig(ROLES));
    }

    private static DeployTargetConfig webhook(String url) {
        return new DeployTargetConfig(DeployTargetConfig.Type.WEBHOOK, new DeployTargetConfig.Webhook(URI.create(url), null, null), null);
    }
}
