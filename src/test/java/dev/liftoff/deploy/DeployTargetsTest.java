package dev.liftoff.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liftoff.config.AdminProperties;
import dev.liftoff.config.BlueGreenConfig;
import dev.liftoff.config.DeployStrategy;
import dev.liftoff.config.DeployTargetConfig;
import dev.liftoff.config.EnvironmentConfig;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.SecretResolver;
import dev.liftoff.config.ServiceConfig;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DeployTargetsTest {

    private static final DeployTargetConfig COMMAND = new DeployTargetConfig(DeployTargetConfig.Type.COMMAND, null,
            new DeployTargetConfig.Command(List.of("./deploy-staging.sh"), null, null));

    @Test
    void eachEnvironmentGetsItsTargetOnceAndForAll() {
        DeployTargets targets = new DeployTargets(
                properties(COMMAND, webhook(URI.create("https://deploy.example.com/hooks/shop"), "SHOP_DEPLOY_TOKEN")),
                secrets(new MockEnvironment().withProperty("SHOP_DEPLOY_TOKEN", "s3cret")));

        assertThat(targets.forEnvironment("shop", "staging")).isInstanceOf(CommandDeployTarget.class);
        assertThat(targets.forEnvironment("shop", "production")).isInstanceOf(WebhookDeployTarget.class)
                .isSameAs(targets.forEnvironment("shop", "production"));
    }

    @Test
    void theConfiguredTokenIsSentAsBearer() throws IOException {
        try (RecordingWebhook webhook = new RecordingWebhook()) {
            DeployTargets targets = new DeployTargets(
                    properties(COMMAND, webhook(webhook.url("/deploy"), "SHOP_DEPLOY_TOKEN")),
                    secrets(new MockEnvironment().withProperty("SHOP_DEPLOY_TOKEN", "s3cret")));

            targets.forEnvironment("shop", "production")
                    .deploy(new DeployRequest("shop", "production", "2.4.1", "a1b2c3d", "liftoff-key"));

            assertThat(webhook.received().get(0).headers().getFirst("Authorization")).isEqualTo("Bearer s3cret");
        }
    }

    @Test
    void aMissingTokenStopsTheStartNamingTheKey() {
        LiftoffProperties properties = properties(COMMAND, webhook(URI.create("https://deploy.example.com/hooks/shop"), "SHOP_DEPLOY_TOKEN"));

        assertThatThrownBy(() -> new DeployTargets(properties, secrets(new MockEnvironment())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("environment variable SHOP_DEPLOY_TOKEN is not set "
                        + "(named by liftoff.services.shop.environments.production.deploy.webhook.token-env)");
        assertThatThrownBy(() -> new DeployTargets(properties, secrets(new MockEnvironment().withProperty("SHOP_DEPLOY_TOKEN", " "))))
                .hasMessageContaining("SHOP_DEPLOY_TOKEN is not set");
    }

    @Test
    void aWebhookWithoutTokenNeedsNoVariable() {
        DeployTargets targets = new DeployTargets(
                properties(COMMAND, webhook(URI.create("https://deploy.example.com/hooks/shop"), null)),
                secrets(new MockEnvironment()));

        assertThat(targets.forEnvironment("shop", "production")).isInstanceOf(WebhookDeployTarget.class);
    }

    @Test
    void anUndeclaredEnvironmentIsNamed() {
        DeployTargets targets = new DeployTargets(properties(COMMAND, COMMAND), secrets(new MockEnvironment()));

        assertThatThrownBy(() -> targets.forEnvironment("shop", "qa"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no deploy target is configured at liftoff.services.shop.environments.qa.deploy");
    }

    @Test
    void aBlueGreenEnvironmentGetsItsTrafficSwitchFromTheSameAdapters() {
        ServiceConfig shop = new ServiceConfig(Map.of(
                ServiceConfig.STAGING, environment("https://staging.shop.example.com", COMMAND),
                ServiceConfig.PRODUCTION, new EnvironmentConfig(URI.create("https://shop.example.com"), null, null, COMMAND, null,
                        DeployStrategy.BLUE_GREEN, new BlueGreenConfig(URI.create("https://idle.shop.example.com"),
                                webhook(URI.create("https://lb.example.com/switch"), "SWITCH_TOKEN")), null, null)),
                null, null, null, null, null, null, null);
        LiftoffProperties properties = new LiftoffProperties(new AdminProperties("admin", "admin-password"), Map.of("shop", shop));

        DeployTargets targets = new DeployTargets(properties, secrets(new MockEnvironment().withProperty("SWITCH_TOKEN", "t")));
        assertThat(targets.switchFor("shop", "production")).isInstanceOf(WebhookDeployTarget.class);
        assertThat(targets.forEnvironment("shop", "production")).isInstanceOf(CommandDeployTarget.class);
        assertThatThrownBy(() -> targets.switchFor("shop", "staging"))
                .hasMessage("no traffic switch is configured at liftoff.services.shop.environments.staging.blue-green.switch"
                        + " (strategy blue-green needs one)");
        assertThatThrownBy(() -> new DeployTargets(properties, secrets(new MockEnvironment())))
                .hasMessage("environment variable SWITCH_TOKEN is not set "
                        + "(named by liftoff.services.shop.environments.production.blue-green.switch.webhook.token-env)");
    }

    private static DeployTargetConfig webhook(URI url, String tokenEnv) {
        return new DeployTargetConfig(DeployTargetConfig.Type.WEBHOOK,
                new DeployTargetConfig.Webhook(url, tokenEnv, Duration.ofSeconds(5)), null);
    }

    private static LiftoffProperties properties(DeployTargetConfig staging, DeployTargetConfig production) {
        ServiceConfig shop = new ServiceConfig(Map.of(
                ServiceConfig.STAGING, environment("https://staging.shop.example.com", staging),
                ServiceConfig.PRODUCTION, environment("https://shop.example.com", production)), null, null, null, null, null, null, null);
        return new LiftoffProperties(new AdminProperties("admin", "admin-password"), Map.of("shop", shop));
    }

    private static EnvironmentConfig environment(String baseUrl, DeployTargetConfig deploy) {
        return new EnvironmentConfig(URI.create(baseUrl), null, null, deploy, null);
    }

    private static SecretResolver secrets(MockEnvironment environment) {
        return new SecretResolver(environment);
    }
}
