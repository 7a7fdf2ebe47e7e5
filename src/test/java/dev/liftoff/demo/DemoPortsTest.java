package dev.liftoff.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DemoPortsTest {

    private final DemoPorts demoPorts = new DemoPorts();

    @Test
    void zeroPortsBecomeDistinctFreePortsAndFixedPortsStay() {
        StandardEnvironment environment = environmentWith("demo",
                Map.of(DemoPorts.STAGING_PORT, 0, DemoPorts.PRODUCTION_PORT, 8182, DemoPorts.DEPLOYER_PORT, "0"));

        demoPorts.postProcessEnvironment(environment, null);

        int staging = environment.getProperty(DemoPorts.STAGING_PORT, Integer.class);
        int deployer = environment.getProperty(DemoPorts.DEPLOYER_PORT, Integer.class);
        assertThat(staging).isPositive().isNotEqualTo(deployer);
        assertThat(deployer).isPositive();
        assertThat(environment.getProperty(DemoPorts.PRODUCTION_PORT, Integer.class)).isEqualTo(8182);
    }

    @Test
    void unsetPortsGetFreePortsToo() {
        StandardEnvironment environment = environmentWith("demo", Map.of());

        demoPorts.postProcessEnvironment(environment, null);

        assertThat(environment.getProperty(DemoPorts.STAGING_PORT, Integer.class)).isPositive();
        assertThat(environment.getProperty(DemoPorts.PRODUCTION_PORT, Integer.class)).isPositive();
        assertThat(environment.getProperty(DemoPorts.DEPLOYER_PORT, Integer.class)).isPositive();
    }

    @Test
    void aFreshUrlSafeDeployTokenOfThirtyTwoBytesComesFirst() {
        StandardEnvironment first = environmentWith("demo", Map.of());
        StandardEnvironment second = environmentWith("demo", Map.of());

        demoPorts.postProcessEnvironment(first, null);
        demoPorts.postProcessEnvironment(second, null);

        String token = first.getProperty(DemoPorts.DEPLOY_TOKEN);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(second.getProperty(DemoPorts.DEPLOY_TOKEN)).isNotEqualTo(token);
        assertThat(first.getPropertySources().iterator().next().getName()).isEqualTo(DemoPorts.PROPERTY_SOURCE_NAME);
    }

    @Test
    void withAPrometheusUrlTheDemoPrometheusProviderIsLoadedBelowEverythingElse() {
        StandardEnvironment environment = environmentWith("demo", Map.of(DemoPorts.PROMETHEUS_URL, "http://127.0.0.1:9090"));

        demoPorts.postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("liftoff.metrics.providers.demo-prometheus.type")).isEqualTo("prometheus");
        assertThat(environment.getProperty("liftoff.metrics.providers.demo-prometheus.url")).isEqualTo("http://127.0.0.1:9090");
        assertThat(environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow().getName())
                .contains(DemoPorts.PROMETHEUS_CONFIG);
    }

    @Test
    void whatAUserSetsWinsOverTheDemoPrometheusProvider() {
        StandardEnvironment environment = environmentWith("demo", Map.of(DemoPorts.PROMETHEUS_URL, "http://127.0.0.1:9090",
                "liftoff.metrics.providers.demo-prometheus.url", "https://prometheus.example.com"));

        demoPorts.postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("liftoff.metrics.providers.demo-prometheus.url")).isEqualTo("https://prometheus.example.com");
        assertThat(environment.getProperty("liftoff.metrics.providers.demo-prometheus.type")).isEqualTo("prometheus");
    }

    @Test
    void withoutAPrometheusUrlNoProviderIsDeclared() {
        StandardEnvironment environment = environmentWith("demo", Map.of());

        demoPorts.postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("liftoff.metrics.providers.demo-prometheus.type")).isNull();
        assertThat(environment.getPropertySources().stream()).noneMatch(source -> source.getName().contains(DemoPorts.PROMETHEUS_CONFIG));
    }

    @Test
    void outsideTheDemoProfileNothingChanges() {
        StandardEnvironment environment = environmentWith("postgres", Map.of(DemoPorts.STAGING_PORT, 0,
                DemoPorts.PROMETHEUS_URL, "http://127.0.0.1:9090"));

        demoPorts.postProcessEnvironment(environment, null);

        assertThat(environment.getProperty(DemoPorts.STAGING_PORT, Integer.class)).isZero();
        assertThat(environment.getProperty(DemoPorts.DEPLOY_TOKEN)).isNull();
        assertThat(environment.getPropertySources().contains(DemoPorts.PROPERTY_SOURCE_NAME)).isFalse();
        assertThat(environment.getProperty("liftoff.metrics.providers.demo-prometheus.type")).isNull();
    }

    private static StandardEnvironment environmentWith(String profile, Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles(profile);
        environment.getPropertySources().addLast(new MapPropertySource("test", properties));
        return environment;
    }
}
