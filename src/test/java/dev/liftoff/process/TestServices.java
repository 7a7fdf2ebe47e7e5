package dev.liftoff.process;

import dev.liftoff.config.AdminProperties;
import dev.liftoff.config.DeployTargetConfig;
import dev.liftoff.config.EnvironmentConfig;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.ServiceConfig;
import dev.liftoff.config.SignoffConfig;
import dev.liftoff.config.UatConfig;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Two services for process tests: {@code shop} gets released; {@code ledger} never was. */
public final class TestServices {

    public static final String SHOP = "shop";
    public static final String LEDGER = "ledger";
    public static final List<String> SCENARIOS = List.of("Sign in", "Check out a basket");
    public static final List<String> ROLES = List.of(Groups.ENGINEERING_LEADS, Groups.SECURITY_LEADS);

    private TestServices() {
    }

    public static LiftoffProperties properties() {
        return new LiftoffProperties(new AdminProperties("admin", "admin"), Map.of(SHOP, service(), LEDGER, service()));
    }

    private static ServiceConfig service() {
        DeployTargetConfig deploy = new DeployTargetConfig(DeployTargetConfig.Type.WEBHOOK,
                new DeployTargetConfig.Webhook(URI.create("http://127.0.0.1:9/deploy"), null, null), null);
        EnvironmentConfig staging = new EnvironmentConfig(URI.create("http://127.0.0.1:9"), null, null, deploy, null);
        EnvironmentConfig production = new EnvironmentConfig(URI.create("http://127.0.0.1:9"), null, null, deploy, null);
        return new ServiceConfig(Map.of("staging", staging, "production", production), List.of(), null, null, null, null,
                new UatConfig(Groups.UAT_TESTERS, SCENARIOS, 3), new SignoffConfig(ROLES));
    }
}
