package dev.liftoff.canary;

import dev.liftoff.config.CanaryConfig;
import dev.liftoff.config.CanaryStep;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.verification.VerificationService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Stops the start when an analysis step cannot gather enough samples to judge anything: at
 * {@code comparison.requests-per-second} pairs a second for its {@code for}, each request of the
 * comparison (the service's latency checks, else its smoke checks) must get at least
 * {@link CanaryStatistics#MIN_SAMPLES} pairs, or every comparison would come out inconclusive.
 */
@Component
public class CanaryPlanCheck {

    public CanaryPlanCheck(LiftoffProperties properties) {
        List<String> tooShort = new ArrayList<>();
        properties.services().forEach((service, config) -> config.environments().forEach((environment, environmentConfig) -> {
            CanaryConfig canary = environmentConfig.canary();
            if (!environmentConfig.isCanary() || canary == null) {
                return;
            }
            int requests = VerificationService.requestsCompared(config, environment);
            int pairsPerSecond = canary.comparison().requestsPerSecond();
            for (int i = 0; i < canary.steps().size(); i++) {
                CanaryStep step = canary.steps().get(i);
                if (step.analyze() == null || step.analyze().duration() == null) {
                    continue;
                }
                long pairs = step.analyze().duration().toMillis() * pairsPerSecond / 1000;
                long needed = (long) CanaryStatistics.MIN_SAMPLES * requests;
                if (pairs < needed) {
                    Duration enough = Duration.ofMillis((needed * 1000 + pairsPerSecond - 1) / pairsPerSecond);
                    tooShort.add("liftoff.services." + service + ".environments." + environment + ".canary.steps[" + i
                            + "].analyze.for (" + step.analyze().duration() + " gives " + pairs + " pairs for " + requests
                            + " requests; at least " + enough + ", or raise canary.comparison.requests-per-second)");
                }
            }
        }));
        if (!tooShort.isEmpty()) {
            throw new IllegalStateException("A canary's analysis step is too short to compare the canary with the stable version ("
                    + CanaryStatistics.MIN_SAMPLES + " pairs per compared request at the least): " + String.join("; ", tooShort));
        }
    }
}
