package dev.liftoff.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liftoff.config.LatencyCheck;
import dev.liftoff.config.ServiceConfig;
import dev.liftoff.config.SmokeCheck;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferencePlanTest {

    private static final int PORT = 41234;

    @Test
    void theSmokeSuiteIsTheThirtyOneAssertionsOnTheTargetAndNothingElse() {
        ServiceConfig studyApi = ReferencePlan.smokeSuite(PORT).requireService(ReferencePlan.SERVICE);

        assertThat(studyApi.smoke().stream().mapToInt(check -> check.expect().size()).sum()).isEqualTo(ReferencePlan.SMOKE_ASSERTIONS);
        assertThat(studyApi.smoke()).extracting(SmokeCheck::path).containsExactly(
                "/api/version", "/api/preview", "/api/generate", "/api/score", "/api/daily/next", "/api/ops/usage/daily");
        assertThat(studyApi.latency()).isEmpty();
        assertThat(studyApi.cors()).isEmpty();
        assertThat(studyApi.environment(ReferencePlan.ENVIRONMENT).baseUrl()).hasToString("http://127.0.0.1:" + PORT);
    }

    @Test
    void latencyProbesBecomeTheServicesLatencyChecks() {
        LatencyProbe version = new LatencyProbe("Version", "/api/version", 200, 4, Duration.ofMillis(100));

        ServiceConfig studyApi = ReferencePlan.withLatencyChecks(PORT, List.of(version)).requireService(ReferencePlan.SERVICE);

        assertThat(studyApi.latency()).containsExactly(
                new LatencyCheck("Version", "GET", "/api/version", null, null, 200, 4, null, null, Duration.ofMillis(100)));
        assertThat(studyApi.smoke()).hasSize(6);
    }
}
