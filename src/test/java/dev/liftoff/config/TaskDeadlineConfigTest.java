package dev.liftoff.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The deadlines of the Go/No-Go ({@code liftoff.services.<id>.go-no-go}), of the manual intervention
 * and of the post-incident review ({@code liftoff.incidents.manual-intervention}, {@code .review}):
 * defaults, overrides one by one, and a start refused with the key named when they make no sense.
 */
class TaskDeadlineConfigTest {

    @Configuration
    @EnableConfigurationProperties(LiftoffProperties.class)
    static class Binding {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(Binding.class)
            .withPropertyValues(
                    "liftoff.admin.password=s3cret",
                    "liftoff.services.shop.environments.staging.base-url=https://staging.shop.example.com",
                    "liftoff.services.shop.environments.staging.deploy.type=webhook",
                    "liftoff.services.shop.environments.staging.deploy.webhook.url=https://deployer.example.com/hook",
                    "liftoff.services.shop.environments.production.base-url=https://shop.example.com",
                    "liftoff.services.shop.environments.production.deploy.type=webhook",
                    "liftoff.services.shop.environments.production.deploy.webhook.url=https://deployer.example.com/hook");

    @Test
    void withoutSettingsTheDefaultDeadlinesApply() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            LiftoffProperties properties = context.getBean(LiftoffProperties.class);
            assertThat(properties.requireService("shop").goNoGo()).isEqualTo(new TaskDeadline(Duration.ofHours(24), Duration.ofHours(2)));
            assertThat(properties.incidents().manualIntervention())
                    .isEqualTo(new TaskDeadline(Duration.ofHours(1), Duration.ofMinutes(15)));
            assertThat(properties.incidents().review()).isEqualTo(new TaskDeadline(Duration.ofDays(5), Duration.ofDays(1)));
        });
    }

    @Test
    void eachDeadlineIsSetOneValueAtATime() {
        runner.withPropertyValues(
                        "liftoff.services.shop.go-no-go.due=8h",
                        "liftoff.services.shop.go-no-go.remind-before=PT30M",
                        "liftoff.incidents.manual-intervention.due=45m",
                        "liftoff.incidents.review.remind-before=2d")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    LiftoffProperties properties = context.getBean(LiftoffProperties.class);
                    assertThat(properties.requireService("shop").goNoGo())
                            .isEqualTo(new TaskDeadline(Duration.ofHours(8), Duration.ofMinutes(30)));
                    assertThat(properties.incidents().manualIntervention())
                            .isEqualTo(new TaskDeadline(Duration.ofMinutes(45), Duration.ofMinutes(15)));
                    assertThat(properties.incidents().review()).isEqualTo(new TaskDeadline(Duration.ofDays(5), Duration.ofDays(2)));
                });
    }

    @Test
    void aReminderNotBeforeTheDueDateOrADueDateThatIsNotAheadStopsTheStartNamingTheKey() {
        runner.withPropertyValues(
                        "liftoff.services.shop.go-no-go.remind-before=24h",
                        "liftoff.incidents.manual-intervention.due=0s",
                        "liftoff.incidents.review.due=-1d")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure()))
                            .contains("services[shop].goNoGo.timingSane")
                            .contains("incidents.manualIntervention.timingSane")
                            .contains("incidents.review.timingSane")
                            .contains("due must be positive and remind-before shorter than due");
                });
    }

    @Test
    void aReminderAfterTheDueDateIsRefusedToo() {
        runner.withPropertyValues("liftoff.incidents.manual-intervention.due=10m")
                .run(context -> {
                    assertThat(context).as("the default reminder, 15 minutes before, would come before the task opens").hasFailed();
                    assertThat(messages(context.getStartupFailure())).contains("incidents.manualIntervention.timingSane");
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
