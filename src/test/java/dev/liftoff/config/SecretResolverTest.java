package dev.liftoff.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SecretResolverTest {

    @Test
    void readsTheVariableTheConfigurationNames() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("SHOP_DEPLOY_TOKEN", "s3cret")));

        assertThat(new SecretResolver(environment).require("SHOP_DEPLOY_TOKEN", "liftoff.services.shop.x")).isEqualTo("s3cret");
    }

    @Test
    void aMissingVariableNamesTheVariableAndTheKey() {
        SecretResolver secrets = new SecretResolver(new StandardEnvironment());

        assertThatThrownBy(() -> secrets.require("LIFTOFF_SURELY_UNSET_TOKEN", "liftoff.services.shop.environments.staging.deploy.webhook.token-env"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("environment variable LIFTOFF_SURELY_UNSET_TOKEN is not set "
                        + "(named by liftoff.services.shop.environments.staging.deploy.webhook.token-env)");
    }
}
