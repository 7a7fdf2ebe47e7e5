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

    private static final String[] A_CANARY = {
            "liftoff.services.shop.environments.production.strategy=canary",
            "liftoff.services.shop.environments.production.canary.canary-url=https://canary.shop.example.com",
            "liftoff.services.shop.environments.production.canary.stable-url=https://stable.shop.example.com",
            "liftoff.services.shop.environments.production.canary.traffic.type=webhook",
            "liftoff.services.shop.environments.production.canary.traffic.webhook.url=https://mesh.example.com/weights",
            "liftoff.services.shop.environments.production.canary.steps[0].set-weight=10",
            "liftoff.services.shop.environments.production.canary.steps[1].analyze.for=2m",
            "liftoff.services.shop.environments.production.canary.steps[2].pause.until-approved=release-managers",
            "liftoff.services.shop.environments.production.canary.steps[3].set-weight=50",
            "liftoff.services.shop.environments.production.canary.steps[4].pause.for=5m"};

    @Test
    void aCanaryBindsItsStepsInOrderWithTheComparisonsDefaults() {
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues(A_CANARY).withPropertyValues("liftoff.admin.password=s3cret")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    CanaryConfig canary = context.getBean(LiftoffProperties.class).requireService("shop").environment("production").canary();
                    assertThat(canary.steps()).extracting(CanaryStep::describe).containsExactly("set weight 10 %", "analyze for 2 min",
                            "pause until release-managers approve", "set weight 50 %", "pause for 5 min");
                    assertThat(canary.comparison().confidence()).isEqualTo(0.99);
                    assertThat(canary.comparison().requestsPerSecond()).isEqualTo(10);
                });
    }

    @Test
    void aCanaryStepThatIsNotExactlyOneThingOrOutOfRangeIsNamedByItsKey() {
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues(A_CANARY).withPropertyValues("liftoff.admin.password=s3cret",
                        "liftoff.services.shop.environments.production.canary.steps[0].set-weight=110",
                        "liftoff.services.shop.environments.production.canary.steps[1].set-weight=20",
                        "liftoff.services.shop.environments.production.canary.steps[2].pause.for=1m",
                        "liftoff.services.shop.environments.production.canary.comparison.confidence=1.5")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure()))
                            .contains("services[shop].environments[production].canary.steps[0].setWeight")
                            .contains("set-weight is a percent from 0 to 100")
                            .contains("services[shop].environments[production].canary.steps[1].oneKind")
                            .contains("services[shop].environments[production].canary.steps[2].pause.oneKind")
                            .contains("services[shop].environments[production].canary.comparison.confidenceUsable");
                });
    }

    @Test
    void aCanaryWithoutItsUrlsTrafficOrStepsIsRefusedSayingWhatToSet() {
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret",
                        "liftoff.services.shop.environments.production.strategy=canary")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure())).contains("services[shop].environments[production].canaryDeclared")
                            .contains("strategy canary needs canary.canary-url, canary.stable-url, canary.traffic and canary.steps");
                });
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret",
                        "liftoff.services.shop.environments.production.strategy=canary",
                        "liftoff.services.shop.environments.production.canary.canary-url=https://canary.shop.example.com")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure()))
                            .contains("canary.stableUrl").contains("set canary.stable-url")
                            .contains("canary.traffic").contains("set canary.traffic")
                            .contains("canary.steps").contains("set canary.steps");
                });
    }

    @Test
    void aCanaryThatJudgesBeforeItHasTrafficIsRefused() {
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues(A_CANARY).withPropertyValues("liftoff.admin.password=s3cret",
                        "liftoff.services.shop.environments.production.canary.steps[0].set-weight=0")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure())).contains("canary.weightSetBeforeJudging")
                            .contains("a canary without users' traffic proves nothing");
                });
    }

    @Test
    void byDefaultOneUatTaskGoesToTheGroupNeverExpiresAndUatTestersMayNotSign() {
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret").run(context -> {
            ServiceConfig shop = context.getBean(LiftoffProperties.class).requireService("shop");
            assertThat(shop.uat().namedTesters()).isFalse();
            assertThat(shop.uat().taskCount()).isEqualTo(1);
            assertThat(shop.uat().expireAfter()).isNull();
            assertThat(shop.signoff().uatTesterMaySign()).isFalse();
        });
    }

    @Test
    void namedUatTestersAnExpiryAndTestersWhoMaySignBind() {
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret",
                        "liftoff.services.shop.uat.testers[0]=ursula",
                        "liftoff.services.shop.uat.testers[1]=uma",
                        "liftoff.services.shop.uat.expire-after=72h",
                        "liftoff.services.shop.signoff.uat-tester-may-sign=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ServiceConfig shop = context.getBean(LiftoffProperties.class).requireService("shop");
                    assertThat(shop.uat().testers()).containsExactly("ursula", "uma");
                    assertThat(shop.uat().taskCount()).isEqualTo(2);
                    assertThat(shop.uat().expireAfter()).isEqualTo(Duration.ofHours(72));
                    assertThat(shop.signoff().uatTesterMaySign()).isTrue();
                });
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret",
                        "liftoff.services.shop.uat.count=3")
                .run(context -> assertThat(context.getBean(LiftoffProperties.class).requireService("shop").uat().taskCount()).isEqualTo(3));
    }

    @Test
    void uatTestersAndCountTogetherStopTheStartNamingBoth() {
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret",
                        "liftoff.services.shop.uat.testers[0]=ursula",
                        "liftoff.services.shop.uat.count=2")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure()))
                            .contains("services[shop].uat.testersOrCount")
                            .contains("set either uat.testers (one task per named tester) or uat.count (tasks for uat.group), not both");
                });
    }

    @Test
    void aWrongUatTesterListCountOrExpiryIsNamedByItsKey() {
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret",
                        "liftoff.services.shop.uat.due=48h",
                        "liftoff.services.shop.uat.expire-after=48h",
                        "liftoff.services.shop.uat.testers[0]=uma",
                        "liftoff.services.shop.uat.testers[1]=uma")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure()))
                            .contains("services[shop].uat.expiryAfterDue")
                            .contains("uat.expire-after must be longer than uat.due")
                            .contains("services[shop].uat.testersDistinct")
                            .contains("uat.testers names somebody twice");
                });
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret",
                        "liftoff.services.shop.uat.count=0")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure())).contains("services[shop].uat.count");
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

    @Test
    void withoutIncidentSettingsTheReferenceDeadlinesApplyAndNoSinkIsOn() {
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret").run(context -> {
            IncidentsConfig incidents = context.getBean(LiftoffProperties.class).incidents();
            assertThat(incidents.acknowledgeWithin(Severity.P1)).isEqualTo(Duration.ofMinutes(5));
            assertThat(incidents.acknowledgeWithin(Severity.P4)).isEqualTo(Duration.ofHours(4));
            assertThat(incidents.escalateEvery(Severity.P2)).isEqualTo(Duration.ofMinutes(15));
            assertThat(incidents.severityOf("production-rollback")).isEqualTo(Severity.P1);
            assertThat(incidents.severityOf("staging-monitor")).isEqualTo(Severity.P2);
            assertThat(incidents.severityOf("anything-else")).isEqualTo(Severity.P3);
            assertThat(incidents.acknowledgingGroup()).isEqualTo("operations");
            assertThat(incidents.escalationGroup()).isEqualTo("release-managers");
            assertThat(incidents.email().enabled()).isFalse();
            assertThat(incidents.github()).isNull();
        });
    }

    @Test
    void incidentSettingsOverrideTheDefaultsOneByOne() {
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret",
                        "liftoff.incidents.acknowledge-within.P1=2m",
                        "liftoff.incidents.escalate-every.P2=PT10M",
                        "liftoff.incidents.severity.deploy-hook=P2",
                        "liftoff.incidents.email.to[0]=oncall@example.com",
                        "liftoff.incidents.github.repository=acme/shop",
                        "liftoff.incidents.github.token-env=SHOP_GITHUB_TOKEN")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    IncidentsConfig incidents = context.getBean(LiftoffProperties.class).incidents();
                    assertThat(incidents.acknowledgeWithin(Severity.P1)).isEqualTo(Duration.ofMinutes(2));
                    assertThat(incidents.escalateEvery(Severity.P1)).as("its own window").isEqualTo(Duration.ofMinutes(2));
                    assertThat(incidents.escalateEvery(Severity.P2)).isEqualTo(Duration.ofMinutes(10));
                    assertThat(incidents.severityOf("deploy-hook")).isEqualTo(Severity.P2);
                    assertThat(incidents.severityOf("rollback-failed")).isEqualTo(Severity.P1);
                    assertThat(incidents.email().to()).containsExactly("oncall@example.com");
                    assertThat(incidents.github().apiUrl()).hasToString("https://api.github.com");
                    assertThat(incidents.github().labels()).containsExactly("release-incident");
                });
    }

    @Test
    void aWrongIncidentSettingIsNamedByItsKey() {
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret",
                        "liftoff.incidents.email.to[0]=not-an-address",
                        "liftoff.incidents.github.repository=shop",
                        "liftoff.incidents.github.api-url=ftp://github.example.com",
                        "liftoff.incidents.acknowledge-within.P3=0s")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure()))
                            .contains("incidents.email.to[0]")
                            .contains("github.repository must be owner/name")
                            .contains("incidents.github.apiUrlUsable")
                            .contains("set github.token-env to the name of the environment variable holding the token")
                            .contains("incidents.timingPositive");
                });
    }

    @Test
    void anUnknownSeverityIsRefused() {
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret",
                        "liftoff.incidents.severity.production-rollback=P0")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure())).contains("liftoff.incidents.severity");
                });
    }

    @Test
    void withoutMetricsSettingsNoProviderIsDeclared() {
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret")
                .run(context -> assertThat(context.getBean(LiftoffProperties.class).metrics().providers()).isEmpty());
    }

    @Test
    void aPrometheusProviderBindsWithItsDefaults() {
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret",
                        "liftoff.metrics.providers.prometheus.type=prometheus",
                        "liftoff.metrics.providers.prometheus.url=http://127.0.0.1:9090/prom",
                        "liftoff.metrics.providers.prometheus.token-env=PROMETHEUS_TOKEN",
                        "liftoff.metrics.providers.prometheus.ssl-bundle=prometheus-ca",
                        "liftoff.metrics.providers.thanos.type=prometheus",
                        "liftoff.metrics.providers.thanos.url=https://thanos.internal:10902",
                        "liftoff.metrics.providers.thanos.graph-url=https://thanos.example.com",
                        "liftoff.metrics.providers.thanos.username=liftoff",
                        "liftoff.metrics.providers.thanos.password-env=THANOS_PASSWORD",
                        "liftoff.metrics.providers.thanos.timeout=PT30S")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    MetricsConfig metrics = context.getBean(LiftoffProperties.class).metrics();
                    assertThat(metrics.providers()).containsOnlyKeys("prometheus", "thanos");
                    MetricProviderConfig prometheus = metrics.providers().get("prometheus");
                    assertThat(prometheus.type()).isEqualTo(MetricProviderConfig.Type.PROMETHEUS);
                    assertThat(prometheus.url()).hasToString("http://127.0.0.1:9090/prom");
                    assertThat(prometheus.graphUrl()).as("defaults to url").hasToString("http://127.0.0.1:9090/prom");
                    assertThat(prometheus.timeout()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(prometheus.tokenEnv()).isEqualTo("PROMETHEUS_TOKEN");
                    assertThat(prometheus.sslBundle()).isEqualTo("prometheus-ca");
                    MetricProviderConfig thanos = metrics.providers().get("thanos");
                    assertThat(thanos.graphUrl()).hasToString("https://thanos.example.com");
                    assertThat(thanos.username()).isEqualTo("liftoff");
                    assertThat(thanos.passwordEnv()).isEqualTo("THANOS_PASSWORD");
                    assertThat(thanos.timeout()).isEqualTo(Duration.ofSeconds(30));
                });
    }

    @Test
    void aWrongMetricsProviderValueIsNamedByItsKey() {
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret",
                        "liftoff.metrics.providers.prometheus.type=prometheus",
                        "liftoff.metrics.providers.prometheus.url=ftp://prometheus.example.com",
                        "liftoff.metrics.providers.prometheus.graph-url=https://prom.example.com/graph?x=1",
                        "liftoff.metrics.providers.prometheus.timeout=0s",
                        "liftoff.metrics.providers.prometheus.token-env=PROMETHEUS_TOKEN",
                        "liftoff.metrics.providers.prometheus.username=liftoff",
                        "liftoff.metrics.providers.basic.type=prometheus",
                        "liftoff.metrics.providers.basic.url=https://liftoff:hunter2@prometheus.example.com",
                        "liftoff.metrics.providers.basic.username=liftoff",
                        "liftoff.metrics.providers.nameless.type=prometheus",
                        "liftoff.metrics.providers.nameless.password-env=PROMETHEUS_PASSWORD")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure()))
                            .contains("metrics.providers[prometheus].urlUsable")
                            .contains("url must be an absolute http(s) URL without credentials, query or fragment")
                            .contains("metrics.providers[prometheus].graphUrlUsable")
                            .contains("metrics.providers[prometheus].timeoutPositive")
                            .contains("metrics.providers[prometheus].oneKindOfAuth")
                            .contains("set either token-env (a bearer token) or username with password-env (basic auth), not both")
                            .contains("metrics.providers[basic].urlUsable")
                            .contains("metrics.providers[basic].passwordNamed")
                            .contains("username needs password-env: the name of the environment variable holding the password")
                            .contains("metrics.providers[nameless].url")
                            .contains("set the provider's url, e.g. http://prometheus.example.com:9090")
                            .contains("metrics.providers[nameless].usernameSet")
                            .doesNotContain("hunter2");
                });
    }

    @Test
    void anUnknownMetricsProviderTypeIsNamedByItsKey() {
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret",
                        "liftoff.metrics.providers.graphite.type=graphite",
                        "liftoff.metrics.providers.graphite.url=http://graphite.example.com")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure())).contains("liftoff.metrics.providers.graphite.type");
                });
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret",
                        "liftoff.metrics.providers.prometheus.url=http://prometheus.example.com")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure()))
                            .contains("metrics.providers[prometheus].type")
                            .contains("set the provider's type: prometheus");
                });
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void aBlueGreenEnvironmentStartsWithItsIdleUrlAndSwitch() {
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret",
                        "liftoff.services.shop.environments.production.strategy=blue-green",
                        "liftoff.services.shop.environments.production.blue-green.idle-url=https://idle.shop.example.com",
                        "liftoff.services.shop.environments.production.blue-green.switch.type=webhook",
                        "liftoff.services.shop.environments.production.blue-green.switch.webhook.url=https://lb.example.com/switch")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ServiceConfig shop = context.getBean(LiftoffProperties.class).requireService("shop");
                    assertThat(shop.environment("production").strategy()).isEqualTo(DeployStrategy.BLUE_GREEN);
                    assertThat(shop.environment("production").blueGreen().switchTarget().webhook().url())
                            .hasToString("https://lb.example.com/switch");
                    assertThat(shop.environment("production").at(Slot.IDLE).baseUrl()).hasToString("https://idle.shop.example.com");
                    assertThat(shop.environment("staging").strategy()).isEqualTo(DeployStrategy.DIRECT);
                });
    }

    @Test
    void blueGreenWithoutItsIdleUrlAndSwitchStopsTheStartNamingThem() {
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret",
                        "liftoff.services.shop.environments.production.strategy=blue-green")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure()))
                            .contains("services[shop].environments[production].blueGreenDeclared")
                            .contains("strategy blue-green needs blue-green.idle-url and blue-green.switch");
                });
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret",
                        "liftoff.services.shop.environments.production.strategy=blue-green",
                        "liftoff.services.shop.environments.production.blue-green.idle-url=ftp://idle")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure()))
                            .contains("services[shop].environments[production].blueGreen.switchTarget")
                            .contains("set blue-green.switch: the traffic switch, type webhook or command like deploy")
                            .contains("services[shop].environments[production].blueGreen.idleUrlUsable");
                });
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret",
                        "liftoff.services.shop.environments.production.strategy=blue-green",
                        "liftoff.services.shop.environments.production.blue-green.switch.type=webhook")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure()))
                            .contains("services[shop].environments[production].blueGreen.idleUrl")
                            .contains("set blue-green.idle-url: where the slot that is not live answers")
                            .contains("deploy.type webhook needs deploy.webhook.url");
                });
    }

    @Test
    void anUnknownStrategyIsNamed() {
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret",
                        "liftoff.services.shop.environments.production.strategy=canary-ish")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure())).contains("liftoff.services.shop.environments.production.strategy");
                });
    }

    @Test
    void aWrongMonitoringScheduleOrStakeholderIsNamedByItsKey() {
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret",
                        "liftoff.services.shop.environments.production.monitoring.phases[0].every=1h",
                        "liftoff.services.shop.environments.production.monitoring.phases[0].for=15m",
                        "liftoff.services.shop.environments.production.rollback-triggers.error-rate.above-percent=150",
                        "liftoff.services.shop.stakeholders[0]=product at shop")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure()))
                            .contains("services[shop].environments[production].monitoring.phases[0].sane")
                            .contains("every and for must be positive, and every at most as long as for")
                            .contains("services[shop].environments[production].rollbackTriggers.errorRate.abovePercent")
                            .contains("services[shop].stakeholders[0]")
                            .contains("must be an email address");
                });
    }

    @Test
    void theReferenceMonitoringScheduleBinds() {
        runner.withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret",
                        "liftoff.services.shop.environments.production.monitoring.phases[0].every=15m",
                        "liftoff.services.shop.environments.production.monitoring.phases[0].for=1h",
                        "liftoff.services.shop.environments.production.monitoring.phases[1].every=PT30M",
                        "liftoff.services.shop.environments.production.monitoring.phases[1].for=3h",
                        "liftoff.services.shop.environments.production.rollback-triggers.latency-degradation.worse-than-baseline-percent=50")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    EnvironmentConfig production = context.getBean(LiftoffProperties.class).requireService("shop").environment("production");
                    assertThat(production.monitoring().length()).isEqualTo(Duration.ofHours(4));
                    assertThat(production.rollbackTriggers().latencyDegradation().minimumIncrease()).isEqualTo(Duration.ofMillis(10));
                    assertThat(production.rollbackTriggers().errorRate()).isNull();
                });
    }

    @Test
    void aStepThatMayOutlastItsJobLockStopsTheStartNamingTheKeys() {
        ApplicationContextRunner withLockCheck = runner.withUserConfiguration(JobLockTimeCheck.class)
                .withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret");
        // application.yaml's 15-minute lock leaves room for the default 10-minute command deploy
        withLockCheck.run(context -> assertThat(context).hasNotFailed());
        withLockCheck.withPropertyValues("camunda.bpm.job-execution.lock-time-in-millis=600000",
                        "liftoff.services.shop.environments.staging.deploy-timeout=9m")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure()))
                            .contains("A step may outlast its job's lock (camunda.bpm.job-execution.lock-time-in-millis = 600000")
                            .contains("liftoff.services.shop.environments.production.deploy.command.timeout (PT10M)")
                            .contains("liftoff.services.shop.environments.staging.deploy-timeout (PT9M)")
                            .doesNotContain("staging.deploy.webhook.timeout")
                            .contains("or raise camunda.bpm.job-execution.lock-time-in-millis to at least 720000 ms");
                });
    }

    @Test
    void aShortJobLockHoldsStepsThatEndHalfwayThroughIt() {
        // a cluster that hands a dead node's jobs on after 20 s: every step limit at most 10 s
        String[] shortSteps = {"camunda.bpm.job-execution.lock-time-in-millis=20000",
                "liftoff.services.shop.verification.request-timeout=5s", "liftoff.services.shop.verification.deadline=10s",
                "liftoff.services.shop.environments.staging.deploy-timeout=10s",
                "liftoff.services.shop.environments.staging.deploy.webhook.timeout=10s",
                "liftoff.services.shop.environments.production.deploy-timeout=10s",
                "liftoff.services.shop.environments.production.deploy.command.timeout=10s"};
        ApplicationContextRunner withLockCheck = runner.withUserConfiguration(JobLockTimeCheck.class)
                .withPropertyValues(ONE_SERVICE).withPropertyValues("liftoff.admin.password=s3cret").withPropertyValues(shortSteps);
        withLockCheck.run(context -> assertThat(context).hasNotFailed());
        withLockCheck.withPropertyValues("liftoff.services.shop.environments.staging.deploy-timeout=11s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure()))
                    .contains("Shorten liftoff.services.shop.environments.staging.deploy-timeout (PT11S),")
                    .doesNotContain("deploy.webhook.timeout")
                    .contains("or raise camunda.bpm.job-execution.lock-time-in-millis to at least 22000 ms");
        });
    }
}
