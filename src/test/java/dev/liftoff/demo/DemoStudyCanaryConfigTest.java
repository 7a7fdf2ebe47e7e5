package dev.liftoff.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * liftoff-demo-study-canary.yaml as written, on the demo's ports: where each part of study-canary
 * answers, and latency limits a slow canary still meets.
 */
class DemoStudyCanaryConfigTest {

    private static final String SERVICE = "liftoff.services.study-canary.";
    private static final String PRODUCTION = SERVICE + "environments.production.";

    private final StandardEnvironment environment = load();

    @Test
    void eachPartAnswersOnItsDemoPort() {
        assertThat(property(SERVICE + "environments.staging.base-url")).isEqualTo("http://127.0.0.1:18184");
        assertThat(property(PRODUCTION + "base-url")).as("the router").isEqualTo("http://127.0.0.1:18185");
        assertThat(property(PRODUCTION + "canary.stable-url")).isEqualTo("http://127.0.0.1:18186");
        assertThat(property(PRODUCTION + "canary.canary-url")).isEqualTo("http://127.0.0.1:18187");
        assertThat(property(PRODUCTION + "deploy.webhook.url")).isEqualTo("http://127.0.0.1:18180/deploy");
        assertThat(property(PRODUCTION + "canary.traffic.webhook.url")).isEqualTo("http://127.0.0.1:18180/traffic");
        assertThat(property(PRODUCTION + "canary.traffic.webhook.token-env")).isEqualTo(DemoPorts.DEPLOY_TOKEN);
    }

    @Test
    void productionIsACanaryOfFiveSteps() {
        assertThat(property(PRODUCTION + "strategy")).isEqualTo("canary");
        assertThat(List.of(property(PRODUCTION + "canary.steps[0].set-weight"), property(PRODUCTION + "canary.steps[1].analyze.for"),
                property(PRODUCTION + "canary.steps[2].set-weight"), property(PRODUCTION + "canary.steps[3].analyze.for"),
                property(PRODUCTION + "canary.steps[4].set-weight"))).containsExactly("10", "20s", "50", "20s", "100");
        assertThat(environment.containsProperty(PRODUCTION + "canary.steps[5].set-weight")).isFalse();
        assertThat(property(PRODUCTION + "canary.comparison.minimum-increase")).isEqualTo("20ms");
        assertThat(names()).noneMatch(name -> name.contains("rollback-triggers"));
    }

    @Test
    void noMonitoringPhaseIsLongerThanAMinute() {
        assertThat(names()).filteredOn(name -> name.matches(".*monitoring\\.phases\\[\\d+]\\.for")).isNotEmpty()
                .allSatisfy(name -> assertThat(duration(name)).isLessThanOrEqualTo(Duration.ofMinutes(1)));
    }

    @Test
    void everyLatencyLimitLeavesRoomForASlowCanary() {
        List<String> limits = names().stream()
                .filter(name -> name.endsWith("max-latency") || name.matches(".*latency\\[\\d+]\\.p\\d\\d"))
                .toList();

        // six smoke limits and three percentiles on each of six endpoints
        assertThat(limits).hasSize(6 + 3 * 6);
        assertThat(limits).allSatisfy(name -> assertThat(duration(name)).as(name)
                .isGreaterThanOrEqualTo(RunningBuild.SLOW_LATENCY.plusMillis(200)));
    }

    private String property(String name) {
        return environment.getProperty(name);
    }

    private Duration duration(String name) {
        return DurationStyle.detectAndParse(property(name));
    }

    private List<String> names() {
        return environment.getPropertySources().stream()
                .filter(EnumerablePropertySource.class::isInstance)
                .flatMap(source -> Arrays.stream(((EnumerablePropertySource<?>) source).getPropertyNames()))
                .toList();
    }

    private static StandardEnvironment load() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("ports", Map.of(
                DemoPorts.CANARY_STAGING_PORT, 18184,
                DemoPorts.CANARY_PRODUCTION_PORT, 18185,
                DemoPorts.CANARY_STABLE_PORT, 18186,
                DemoPorts.CANARY_PORT, 18187,
                DemoPorts.DEPLOYER_PORT, 18180)));
        try {
            for (PropertySource<?> yaml : new YamlPropertySourceLoader()
                    .load("study-canary", new ClassPathResource("liftoff-demo-study-canary.yaml"))) {
                environment.getPropertySources().addLast(yaml);
            }
        } catch (IOException e) {
            throw new AssertionError("liftoff-demo-study-canary.yaml is not on the classpath", e);
        }
        return environment;
    }
}
