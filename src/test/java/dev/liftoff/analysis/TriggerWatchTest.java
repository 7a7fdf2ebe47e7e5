package dev.liftoff.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liftoff.config.AnalysisConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriggerWatchTest {

    /** failure-limit 1, inconclusive-limit 2 */
    private final AnalysisPlan plan = Analyses.plans(Map.of("t", new AnalysisConfig(null, Analyses.PROVIDER, "up", "result > 0", null,
            Duration.ofSeconds(5), null, 1, 2, null, java.util.List.of(dev.liftoff.config.AnalysisUse.ROLLBACK_TRIGGER), null)))
            .require("shop", "production", "t");

    @Test
    void firesOnceMoreMeasurementsFailedThanItsFailureLimit() {
        TriggerWatch watch = TriggerWatch.start();
        assertThat(watch.step(plan, Verdict.FAILED)).isEqualTo(TriggerWatch.Step.CARRY_ON);
        watch = watch.after(Verdict.FAILED);
        assertThat(watch.step(plan, Verdict.PASSED)).isEqualTo(TriggerWatch.Step.CARRY_ON);
        watch = watch.after(Verdict.PASSED);
        assertThat(watch.step(plan, Verdict.FAILED)).as("failures count over the whole window").isEqualTo(TriggerWatch.Step.FIRE);
    }

    @Test
    void asksOnceMoreInARowWereInconclusiveThanItsLimitAndNotAgainForTheSameOutage() {
        TriggerWatch watch = TriggerWatch.start().after(Verdict.INCONCLUSIVE).after(Verdict.INCONCLUSIVE);
        assertThat(watch.step(plan, Verdict.INCONCLUSIVE)).isEqualTo(TriggerWatch.Step.ASK);

        TriggerWatch carriedOn = watch.after(Verdict.INCONCLUSIVE).carryingOn();
        for (int i = 0; i < 5; i++) {
            assertThat(carriedOn.step(plan, Verdict.INCONCLUSIVE)).isEqualTo(TriggerWatch.Step.CARRY_ON);
            carriedOn = carriedOn.after(Verdict.INCONCLUSIVE);
        }
        TriggerWatch newOutage = carriedOn.after(Verdict.PASSED).after(Verdict.INCONCLUSIVE).after(Verdict.INCONCLUSIVE);
        assertThat(newOutage.step(plan, Verdict.INCONCLUSIVE)).as("a conclusive measurement ends the outage").isEqualTo(TriggerWatch.Step.ASK);
    }

    @Test
    void aConclusiveMeasurementEndsARunOfInconclusiveOnes() {
        TriggerWatch watch = TriggerWatch.start().after(Verdict.INCONCLUSIVE).after(Verdict.INCONCLUSIVE).after(Verdict.PASSED);
        assertThat(watch.step(plan, Verdict.INCONCLUSIVE)).isEqualTo(TriggerWatch.Step.CARRY_ON);
        assertThat(TriggerWatch.of(dev.liftoff.process.JsonVars.MAPPER.valueToTree(watch.toMap()))).isEqualTo(watch);
    }
}
