package dev.liftoff.canary;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CanaryPlanCheckTest {

    private static final URI CANARY = URI.create("http://127.0.0.1:11");
    private static final URI STABLE = URI.create("http://127.0.0.1:12");

    @Test
    void anAnalysisTooShortForEightPairsPerComparedRequestStopsTheStartNamingTheStep() {
        // 1 s at 5 pairs a second: 5 pairs for the one latency check
        assertThatThrownBy(() -> new CanaryPlanCheck(CanaryAnalysisTest.properties(CANARY, STABLE, Duration.ofSeconds(1), 5)))
                .hasMessageContaining("liftoff.services.quiz.environments.production.canary.steps[1].analyze.for (PT1S gives 5 pairs "
                        + "for 1 requests; at least PT1.6S");
    }

    @Test
    void anAnalysisLongEnoughStarts() {
        assertThatCode(() -> new CanaryPlanCheck(CanaryAnalysisTest.properties(CANARY, STABLE, Duration.ofSeconds(2), 5)))
                .doesNotThrowAnyException();
    }
}
