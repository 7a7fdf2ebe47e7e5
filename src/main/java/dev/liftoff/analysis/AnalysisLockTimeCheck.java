package dev.liftoff.analysis;

import dev.liftoff.config.AnalysisUse;
import dev.liftoff.config.CanaryConfig;
import dev.liftoff.config.CanaryStep;
import dev.liftoff.config.JobLockTimeCheck;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.MetricProviderConfig;
import dev.liftoff.config.ServiceConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Stops the start when a verification, a monitoring tick or a canary's analysis step, with the
 * measurements of its metric analyses, may outlast its job's lock (see {@link JobLockTimeCheck}):
 * the analyses of a step run one after another, each taking up to {@code count + inconclusive-limit}
 * measurements {@code interval} apart, each answered within its provider's timeout, after the step's
 * own requests (its verification deadline; a canary's analysis: its {@code for}, or the deadline of
 * the canary's checks beside it when that is longer).
 */
@Component
public class AnalysisLockTimeCheck {

    public AnalysisLockTimeCheck(LiftoffProperties properties, AnalysisPlans plans,
            @Value("${" + JobLockTimeCheck.LOCK_TIME + ":300000}") long lockMillis) {
        Duration lock = Duration.ofMillis(lockMillis);
        Map<String, Duration> tooLong = tooLong(properties, plans, lock);
        if (!tooLong.isEmpty()) {
            throw new IllegalStateException("A step with its metric analyses may outlast its job's lock (" + JobLockTimeCheck.LOCK_TIME
                    + " = " + lockMillis + "): another node would run it a second time. Shorten the analyses' count, interval or "
                    + "inconclusive-limit, or raise the lock: " + String.join(", ", tooLong.entrySet().stream()
                            .map(step -> step.getKey() + " may take " + step.getValue() + ", needs a lock of at least "
                                    + JobLockTimeCheck.lockFor(step.getValue()).toMillis() + " ms").toList()));
        }
    }

    static Map<String, Duration> tooLong(LiftoffProperties properties, AnalysisPlans plans, Duration lock) {
        Map<String, Duration> tooLong = new LinkedHashMap<>();
        properties.services().forEach((service, config) -> config.environments().keySet().forEach(environment -> {
            for (AnalysisUse use : new AnalysisUse[] {AnalysisUse.VERIFICATION, AnalysisUse.MONITORING}) {
                Duration longest = config.verification().deadline();
                for (AnalysisPlan plan : plans.of(service, environment, use)) {
                    longest = longest.plus(longestRun(plan, properties));
                }
                if (longest.plus(JobLockTimeCheck.margin(lock)).compareTo(lock) > 0) {
                    tooLong.put("the " + use.name().toLowerCase(java.util.Locale.ROOT) + " step of " + service + " on " + environment, longest);
                }
            }
            canarySteps(properties, plans, service, config, environment, lock, tooLong);
        }));
        return tooLong;
    }

    private static void canarySteps(LiftoffProperties properties, AnalysisPlans plans, String service, ServiceConfig config,
            String environment, Duration lock, Map<String, Duration> tooLong) {
        CanaryConfig canary = config.environment(environment).canary();
        if (!config.environment(environment).isCanary() || canary == null) {
            return;
        }
        Duration analyses = Duration.ZERO;
        for (AnalysisPlan plan : plans.of(service, environment, AnalysisUse.VERIFICATION)) {
            analyses = analyses.plus(longestRun(plan, properties));
        }
        for (int i = 0; i < canary.steps().size(); i++) {
            CanaryStep step = canary.steps().get(i);
            if (step == null || step.analyze() == null || step.analyze().duration() == null) {
                continue;
            }
            Duration sampling = step.analyze().duration();
            Duration longest = (sampling.compareTo(config.verification().deadline()) > 0 ? sampling : config.verification().deadline())
                    .plus(analyses);
            if (longest.plus(JobLockTimeCheck.margin(lock)).compareTo(lock) > 0) {
                tooLong.put("liftoff.services." + service + ".environments." + environment + ".canary.steps[" + i + "].analyze.for ("
                        + step.analyze().duration() + ", with the checks beside it and the metric analyses after it)", longest);
            }
        }
    }

    private static Duration longestRun(AnalysisPlan plan, LiftoffProperties properties) {
        MetricProviderConfig provider = properties.metrics().providers().get(plan.provider());
        Duration timeout = provider == null ? Duration.ZERO : provider.timeout();
        return plan.longestRunWait().plus(timeout.multipliedBy(plan.count() + (long) plan.inconclusiveLimit()));
    }
}
