package dev.liftoff.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every declared provider is built at start: what it lacks stops Liftoff with the key to fix. */
class PrometheusStartupTest {

    @Test
    void theDeclaredProvidersAreThereByName() {
        TestProviders.runner().withPropertyValues(
                        "liftoff.metrics.providers.prometheus.type=prometheus",
                        "liftoff.metrics.providers.prometheus.url=http://127.0.0.1:9090",
                        "liftoff.metrics.providers.edge.type=prometheus",
                        "liftoff.metrics.providers.edge.url=https://edge-prometheus.example.com/prom")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    MetricProviders providers = context.getBean(MetricProviders.class);
                    assertThat(providers.names()).containsExactly("edge", "prometheus");
                    assertThat(providers.get("prometheus")).get().isInstanceOf(PrometheusProvider.class)
                            .extracting(MetricProvider::name).isEqualTo("prometheus");
                    assertThat(providers.get("graphite")).isEmpty();
                    assertThat(providers.get(null)).isEmpty();
                });
    }

    @Test
    void withoutMetricsSettingsThereAreNoProviders() {
        TestProviders.runner().run(context -> assertThat(context.getBean(MetricProviders.class).names()).isEmpty());
    }

    @Test
    void aCredentialVariableThatIsNotSetStopsTheStartNamingItAndTheKey() {
        TestProviders.runner().withPropertyValues(
                        "liftoff.metrics.providers.prometheus.type=prometheus",
                        "liftoff.metrics.providers.prometheus.url=http://127.0.0.1:9090",
                        "liftoff.metrics.providers.prometheus.token-env=LIFTOFF_SURELY_UNSET_PROMETHEUS_TOKEN")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(PrometheusApiTest.stackOf(context.getStartupFailure())).contains("environment variable "
                            + "LIFTOFF_SURELY_UNSET_PROMETHEUS_TOKEN is not set (named by liftoff.metrics.providers.prometheus.token-env)");
                });
        TestProviders.runner().withPropertyValues(
                        "liftoff.metrics.providers.prometheus.type=prometheus",
                        "liftoff.metrics.providers.prometheus.url=http://127.0.0.1:9090",
                        "liftoff.metrics.providers.prometheus.username=liftoff",
                        "liftoff.metrics.providers.prometheus.password-env=LIFTOFF_SURELY_UNSET_PROMETHEUS_PASSWORD")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(PrometheusApiTest.stackOf(context.getStartupFailure())).contains("environment variable "
                            + "LIFTOFF_SURELY_UNSET_PROMETHEUS_PASSWORD is not set (named by liftoff.metrics.providers.prometheus.password-env)");
                });
    }

    @Test
    void anSslBundleThatIsNotDeclaredStopsTheStartNamingTheKey() {
        TestProviders.runner().withPropertyValues(
                        "liftoff.metrics.providers.prometheus.type=prometheus",
                        "liftoff.metrics.providers.prometheus.url=https://127.0.0.1:9090",
                        "liftoff.metrics.providers.prometheus.ssl-bundle=prometheus-ca")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(PrometheusApiTest.stackOf(context.getStartupFailure()))
                            .contains("liftoff.metrics.providers.prometheus.ssl-bundle names the SSL bundle 'prometheus-ca', which is not declared: "
                                    + "declare it under spring.ssl.bundle.jks.prometheus-ca or spring.ssl.bundle.pem.prometheus-ca");
                });
    }
}
