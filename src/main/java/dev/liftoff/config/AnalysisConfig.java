package dev.liftoff.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import java.time.Duration;
import java.util.List;

/**
 * One metric analysis as data, like a metric of an Argo Rollouts AnalysisTemplate: a query
 * against a metrics provider, the condition that passes ({@code success}) and the one that fails
 * ({@code failure}), or a comparison with the version before; how often ({@code interval}) and how
 * many times ({@code count}) it is measured; how many failed and inconclusive measurements are
 * tolerated; where it runs; and, as a rollback trigger, how long the failure must last.
 *
 * <p>Declared under a service (every environment runs it) and under an environment: there a field
 * that is set overrides the service's analysis of the same name and every other field is inherited,
 * so {@code enabled: false} alone turns a service's analysis off in one environment. That is why
 * nothing defaults here: the defaults apply once both levels are merged ({@code AnalysisPlans}).
 */
public record AnalysisConfig(
        Boolean enabled,
        String provider,
        String query,
        String success,
        String failure,
        Duration interval,
        Integer count,
        Integer failureLimit,
        Integer inconclusiveLimit,
        @Valid AgainstPrevious againstPrevious,
        List<AnalysisUse> runIn,
        Duration sustainedFor) {

    /** this environment-level declaration over the service's analysis of the same name (null: none) */
    public AnalysisConfig overriding(AnalysisConfig base) {
        if (base == null) {
            return this;
        }
        return new AnalysisConfig(
                enabled != null ? enabled : base.enabled,
                provider != null ? provider : base.provider,
                query != null ? query : base.query,
                success != null ? success : base.success,
                failure != null ? failure : base.failure,
                interval != null ? interval : base.interval,
                count != null ? count : base.count,
                failureLimit != null ? failureLimit : base.failureLimit,
                inconclusiveLimit != null ? inconclusiveLimit : base.inconclusiveLimit,
                againstPrevious != null ? againstPrevious : base.againstPrevious,
                runIn != null ? runIn : base.runIn,
                sustainedFor != null ? sustainedFor : base.sustainedFor);
    }

    public boolean isEnabled() {
        return enabled == null || enabled;
    }

    @AssertTrue(message = "interval must be positive, e.g. interval: 30s")
    public boolean isIntervalPositive() {
        return interval == null || interval.toMillis() > 0;
    }

    @AssertTrue(message = "count must be at least 1: the measurements a verification or a tick takes")
    public boolean isCountPositive() {
        return count == null || count >= 1;
    }

    @AssertTrue(message = "failure-limit and inconclusive-limit must not be negative")
    public boolean isLimitsSane() {
        return (failureLimit == null || failureLimit >= 0) && (inconclusiveLimit == null || inconclusiveLimit >= 0);
    }

    @AssertTrue(message = "sustained-for must not be negative, e.g. sustained-for: 5m")
    public boolean isSustainedForSane() {
        return sustainedFor == null || !sustainedFor.isNegative();
    }

    /**
     * Judges a measurement against the value the same query had on the version that ran before
     * the deploy (measured just before it): it fails when it is more than {@code worseThanPercent}
     * worse and by at least {@code minimumIncrease} (in the query's unit), so that noise on a tiny
     * value is not a regression.
     *
     * @param worse which direction is worse: {@code higher} (latency, error rate; the default) or {@code lower} (success rate)
     */
    public record AgainstPrevious(Double worseThanPercent, Double minimumIncrease, Worse worse) {

        public enum Worse { HIGHER, LOWER }

        public AgainstPrevious {
            minimumIncrease = minimumIncrease == null ? 0 : minimumIncrease;
            worse = worse == null ? Worse.HIGHER : worse;
        }

        @AssertTrue(message = "against-previous needs worse-than-percent above 0, e.g. worse-than-percent: 50")
        public boolean isWorseThanPercentSet() {
            return worseThanPercent != null && worseThanPercent > 0;
        }

        @AssertTrue(message = "against-previous.minimum-increase must not be negative")
        public boolean isMinimumIncreaseSane() {
            return minimumIncrease >= 0;
        }
    }
}
