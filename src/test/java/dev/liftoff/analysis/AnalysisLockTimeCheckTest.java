package dev.liftoff.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liftoff.config.AnalysisConfig;
import dev.liftoff.config.LiftoffProperties;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnalysisLockTimeCheckTest {

    @Test
    void aVerificationWhoseAnalysesMayOutlastTheJobLockStopsTheStart() {
        // 40 measurements 30 s apart, after the verification's 2 minutes: about 22 minutes
        LiftoffProperties properties = Analyses.properties(Map.of(), Map.of("slow",
                Analyses.of("up", "result > 0", Duration.ofSeconds(30), 38, 2)));
        AnalysisPlans plans = new AnalysisPlans(properties, Set.of(Analyses.PROVIDER));

        assertThatThrownBy(() -> new AnalysisLockTimeCheck(properties, plans, Duration.ofMinutes(15).toMillis()))
                .hasMessageContaining("the verification step of shop on production may take PT21M30S, needs a lock of at least 1410000 ms");
        assertThat(AnalysisLockTimeCheck.tooLong(properties, plans, Duration.ofMinutes(30))).isEmpty();
    }

    @Test
    void aQuickAnalysisFitsTheDefaultLock() {
        LiftoffProperties properties = Analyses.properties(Map.<String, AnalysisConfig>of("quick",
                Analyses.of("up", "result > 0", Duration.ofSeconds(5), 3, 2)), Map.of());
        AnalysisPlans plans = new AnalysisPlans(properties, Set.of(Analyses.PROVIDER));

        assertThat(AnalysisLockTimeCheck.tooLong(properties, plans, Duration.ofMinutes(15))).isEmpty();
    }
}
