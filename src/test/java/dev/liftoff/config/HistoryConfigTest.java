package dev.liftoff.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * {@code liftoff.history} as application.yaml sets it, overridden per process, and a start refused
 * with the key named when a time to live or the cleanup window makes no sense.
 */
class HistoryConfigTest {

    @Configuration
    @EnableConfigurationProperties(HistoryProperties.class)
    static class Binding {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
            .withUserConfiguration(Binding.class);

    @Test
    void applicationYamlKeepsReleasesLongerThanMailsAndCleansUpAtNight() {
        runner.run(context -> {
            HistoryProperties history = context.getBean(HistoryProperties.class);
            assertThat(history.daysFor("release-lifecycle")).contains(400);
            assertThat(history.daysFor("incident-response")).contains(400);
            assertThat(history.daysFor("release-notification")).contains(30);
            assertThat(history.daysFor("uat-signoff")).as("the default").contains(180);
            assertThat(history.windowStart()).contains("01:00");
            assertThat(history.windowEnd()).contains("05:00");
        });
    }

    @Test
    void aProcessGetsItsOwnTimeToLiveInIsoOrSpringDays() {
        runner.withPropertyValues("liftoff.history.time-to-live.rollback=P7D", "liftoff.history.time-to-live.default=90d",
                "liftoff.history.cleanup-window=22:30-02:00").run(context -> {
                    HistoryProperties history = context.getBean(HistoryProperties.class);
                    assertThat(history.daysFor("rollback")).contains(7);
                    assertThat(history.daysFor("monitoring-window")).contains(90);
                    assertThat(history.windowStart()).as("across midnight").contains("22:30");
                    assertThat(history.windowEnd()).contains("02:00");
                });
    }

    @Test
    void withoutADefaultAProcessNotNamedKeepsItsBpmnTimeToLiveAndAnEmptyWindowMeansNoCleanupOnItsOwn() {
        HistoryProperties history = new HistoryProperties(Map.of("release-lifecycle", Duration.ofDays(400)), " ");
        assertThat(history.daysFor("rollback")).isEmpty();
        assertThat(history.windowStart()).isEqualTo(Optional.empty());
        assertThat(history.windowEnd()).isEmpty();
    }

    @Test
    void aTimeToLiveThatIsNoWholeNumberOfDaysStopsTheStartNamingItsKey() {
        for (String wrong : new String[] {"12h", "-1d", "P1DT1H"}) {
            runner.withPropertyValues("liftoff.history.time-to-live.release-lifecycle=" + wrong).run(context -> {
                assertThat(context).as(wrong).hasFailed();
                assertThat(messages(context.getStartupFailure()))
                        .contains("liftoff.history.time-to-live.release-lifecycle must be a whole number of days such as 180d");
            });
        }
        runner.withPropertyValues("liftoff.history.time-to-live.default=forever").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("liftoff.history.time-to-live.default").contains("forever");
        });
    }

    @Test
    void aCleanupWindowThatIsNoPairOfTimesStopsTheStartNamingItsKey() {
        for (String wrong : new String[] {"1am-5am", "01:00", "01:00-24:00", "03:00-03:00"}) {
            runner.withPropertyValues("liftoff.history.cleanup-window=" + wrong).run(context -> {
                assertThat(context).as(wrong).hasFailed();
                assertThat(messages(context.getStartupFailure()))
                        .contains("liftoff.history.cleanup-window must be a start and an end time of day, HH:mm-HH:mm")
                        .contains("'" + wrong + "'");
            });
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
