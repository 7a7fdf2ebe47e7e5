package dev.liftoff.fullstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

class RelaxedDemoLatencyTest {

    @Test
    void theDemosLatencyTargetsAreScaledAndEverythingElseOfItsListsIsKept() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            new RelaxedDemoLatency().initialize(context);
            var environment = context.getEnvironment();
            // the Version endpoint: 10 / 50 / 100 ms in the reference plan, and a 100 ms smoke check
            assertThat(environment.getProperty("liftoff.services.study-api.latency[5].path")).isEqualTo("/api/version");
            assertThat(environment.getProperty("liftoff.services.study-api.latency[5].p50")).isEqualTo("100ms");
            assertThat(environment.getProperty("liftoff.services.study-api.latency[5].p99")).isEqualTo("1000ms");
            assertThat(environment.getProperty("liftoff.services.study-api.latency[5].concurrency")).isEqualTo("2");
            assertThat(environment.getProperty("liftoff.services.study-api.smoke[0].path")).isEqualTo("/api/version");
            assertThat(environment.getProperty("liftoff.services.study-api.smoke[0].expect[4].max-latency")).isEqualTo("1000ms");
            assertThat(environment.getProperty("liftoff.services.study-api.smoke[0].expect[0].status")).isEqualTo("200");
        }
    }
}
