package dev.liftoff.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * A wrong or missing value stops Liftoff at start with the key named, reading the real
 * application.yaml as a start does.
 */
class ConfigurationValidationTest {

    @Configuration
    @EnableConfigurationProperties(LiftoffProperties.class)
    static class Binding {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(Binding.class);

    private static final String[] ONE_SERVICE = {
            "liftoff.services.shop.environments.staging.base-url=https://staging.shop.example.com",
            "liftoff.services.shop.environments.staging.deploy.type=webhook",
            "liftoff.services.shop.environments.staging.deploy.webhook.url=https://deployer.example.com/hook",
            "liftoff.services.shop.environments.production.base-url=https://shop.example.com",
            "liftoff.services.shop.environments.production.deploy.type=command",
            "liftoff.services.shop.environments.production.deploy.command.argv[0]=/opt/deploy.sh"};

    @Test
    void withoutTheAdminPasswordLiftoffRefusesToStartAndNamesTheVariable() {
        runner.withPropertyValues(ONE_SERVICE).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure()))
                    .contains("admin.password")
                    .contains("set the environment variable LIFTOFF_ADMIN_PASSWORD");
        });
    }

    @Test
    void aCompleteServiceStarts() {
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret").run(context -> {
            assertThat(context).hasNotFailed();
            LiftoffProperties properties = context.getBean(LiftoffProperties.class);
            assertThat(properties.requireService("shop").environment("production").deploy().command().argv())
                    .containsExactly("/opt/deploy.sh");
            assertThat(properties.admin().toString()).doesNotContain("s3cret");
        });
    }

    @Test
    void aWrongValueIsNamedByItsKey() {
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret",
                        "liftoff.services.shop.environments.staging.base-url=ftp://staging",
                        "liftoff.services.shop.smoke[0].name=version",
                        "liftoff.services.shop.smoke[0].path=//evil.example.com/x",
                        "liftoff.services.shop.smoke[0].expect[0].status=2xy",
                        "liftoff.services.shop.uat.min-confidence=9")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure()))
                            .contains("services[shop].environments[staging].baseUrlUsable")
                            .contains("services[shop].smoke[0].path")
                            .contains("services[shop].smoke[0].expect[0].status")
                            .contains("services[shop].uat.minConfidence");
                });
    }

    @Test
    void aServiceWithoutProductionIsRefused() {
        runner.withPropertyValues("liftoff.admin.password=s3cret",
                        "liftoff.services.shop.environments.staging.base-url=https://staging.shop.example.com",
                        "liftoff.services.shop.environments.staging.deploy.type=webhook")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure()))
                            .contains("declare both environments: environments.staging and environments.production")
                            .contains("deploy.type webhook needs deploy.webhook.url");
                });
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
