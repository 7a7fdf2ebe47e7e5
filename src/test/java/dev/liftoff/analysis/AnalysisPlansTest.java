package dev.liftoff.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liftoff.config.AnalysisUse;
import dev.liftoff.config.LiftoffProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * Analyses as a platform admin declares them, bound from properties as at start: the defaults, an
 * environment's declaration over the service's, and every declaration that cannot run stopping the
 * start with its key named.
 */
class AnalysisPlansTest {

    @Configuration
    @EnableConfigurationProperties(LiftoffProperties.class)
    static class Binding {
    }

    private static final String SHOP = "liftoff.services.shop.";
    private static final List<String> ONE_SERVICE = List.of("liftoff.admin.user=admin", "liftoff.admin.password=x",
            SHOP + "environments.staging.base-url=https://staging.shop.example.com",
            SHOP + "environments.staging.deploy.type=command", SHOP + "environments.staging.deploy.command.argv[0]=/bin/true",
            SHOP + "environments.production.base-url=https://shop.example.com",
            SHOP + "environments.production.deploy.type=command", SHOP + "environments.production.deploy.command.argv[0]=/bin/true",
            SHOP + "analyses.error-rate.provider=prometheus",
            SHOP + "analyses.error-rate.query=sum(rate(errors_total{service=\"{{service}}\"}[1m]))",
            SHOP + "analyses.error-rate.success=result < 0.05");

    @Test
    void aServiceAnalysisRunsInEveryEnvironmentWithItsDefaults() {
        AnalysisPlan plan = plans().require("shop", "staging", "error-rate");

        assertThat(plan.uses()).containsExactlyInAnyOrder(AnalysisUse.VERIFICATION, AnalysisUse.MONITORING);
        assertThat(plan.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(plan.count()).isEqualTo(1);
        assertThat(plan.failureLimit()).isZero();
        assertThat(plan.inconclusiveLimit()).isEqualTo(2);
        assertThat(plan.sustainedFor()).isZero();
        assertThat(plan.conditionText()).isEqualTo("result < 0.05");
        assertThat(plans().require("shop", "production", "error-rate")).isNotNull();
    }

    @Test
    void anEnvironmentOverridesFieldByFieldOrTurnsAnAnalysisOff() {
        AnalysisPlans plans = plans(SHOP + "environments.production.analyses.error-rate.run-in[0]=rollback-trigger",
                SHOP + "environments.production.analyses.error-rate.sustained-for=5m",
                SHOP + "environments.production.analyses.error-rate.interval=5s",
                SHOP + "environments.staging.analyses.error-rate.enabled=false");

        AnalysisPlan production = plans.require("shop", "production", "error-rate");
        assertThat(production.uses()).containsExactly(AnalysisUse.ROLLBACK_TRIGGER);
        assertThat(production.sustainedFor()).isEqualTo(Duration.ofMinutes(5));
        assertThat(production.query().template()).isEqualTo("sum(rate(errors_total{service=\"{{service}}\"}[1m]))");
        assertThat(plans.triggers("shop", "production")).containsExactly("error-rate");
        assertThat(plans.interval("shop", "production", "error-rate")).isEqualTo("PT5S");
        assertThat(plans.of("shop", "staging")).isEmpty();
    }

    @Test
    void theComparisonWithTheVersionBeforeBinds() {
        AnalysisPlan plan = plans(SHOP + "analyses.p95.provider=prometheus", SHOP + "analyses.p95.query=p95_seconds",
                SHOP + "analyses.p95.against-previous.worse-than-percent=50",
                SHOP + "analyses.p95.against-previous.minimum-increase=0.05").require("shop", "production", "p95");

        assertThat(plan.comparesWithPrevious()).isTrue();
        assertThat(plan.conditionText()).isEqualTo("at most 50 % higher than before the release (a change under 0.05 never counts)");
    }

    @Test
    void whatCannotRunStopsTheStartNamingEachKey() {
        assertThatThrownBy(() -> plans(SHOP + "analyses.error-rate.provider=prom",
                SHOP + "analyses.error-rate.success=result <",
                SHOP + "environments.production.analyses.latency.provider=prometheus",
                SHOP + "environments.production.analyses.latency.success=result < 1",
                SHOP + "analyses.raw.provider=prometheus", SHOP + "analyses.raw.query=up{job={{service}}}",
                SHOP + "analyses.raw.success=result > 0",
                SHOP + "analyses.judged-by-nothing.provider=prometheus", SHOP + "analyses.judged-by-nothing.query=up"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(SHOP + "analyses.error-rate.provider: unknown provider 'prom'; declared under liftoff.metrics.providers: [prometheus]")
                .hasMessageContaining(SHOP + "analyses.error-rate.success: ")
                .hasMessageContaining(SHOP + "environments.production.analyses.latency.query: set the query")
                .hasMessageContaining(SHOP + "analyses.raw.query: ")
                .hasMessageContaining(SHOP + "analyses.judged-by-nothing: say what passes");
    }

    @Test
    void aWrongNumberStopsTheBindingNamingItsKey() {
        List<String> all = new ArrayList<>(ONE_SERVICE);
        all.add(SHOP + "analyses.error-rate.count=0");
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
                .withUserConfiguration(Binding.class).withPropertyValues(all.toArray(String[]::new))
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("services[shop].analyses[error-rate].countPositive"));
    }

    private static AnalysisPlans plans(String... more) {
        List<String> all = new ArrayList<>(ONE_SERVICE);
        all.addAll(List.of(more));
        AtomicReference<LiftoffProperties> bound = new AtomicReference<>();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
                .withUserConfiguration(Binding.class).withPropertyValues(all.toArray(String[]::new))
                .run(context -> bound.set(context.getBean(LiftoffProperties.class)));
        return new AnalysisPlans(bound.get(), Set.of("prometheus"));
    }
}
