package dev.liftoff.analysis;

import dev.liftoff.config.AnalysisConfig.AgainstPrevious;
import dev.liftoff.config.AnalysisUse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One metric analysis of one environment, as it runs: the service's declaration with the
 * environment's over it, defaults applied, query and conditions parsed.
 *
 * @param success null when only the failure condition or the comparison decides
 * @param failure null when only the success condition or the comparison decides
 * @param againstPrevious null when the value is not compared with the version before
 * @param key the configuration key it was declared under, for messages
 */
public record AnalysisPlan(
        String name,
        String provider,
        PromQlTemplate query,
        Condition success,
        Condition failure,
        Duration interval,
        int count,
        int failureLimit,
        int inconclusiveLimit,
        AgainstPrevious againstPrevious,
        Set<AnalysisUse> uses,
        Duration sustainedFor,
        String key) {

    public AnalysisPlan {
        uses = Set.copyOf(uses);
    }

    public boolean runsIn(AnalysisUse use) {
        return uses.contains(use);
    }

    public boolean comparesWithPrevious() {
        return againstPrevious != null;
    }

    /** what must hold, as evidence says it, e.g. "result < 0.05; at most 50 % higher than before the release" */
    public String conditionText() {
        return conditionText(Baseline.Source.BEFORE_DEPLOY);
    }

    /** the same, comparing with {@code source}: "at most 50 % higher than on the stable version" at a canary's step */
    String conditionText(Baseline.Source source) {
        List<String> parts = new ArrayList<>();
        if (success != null) {
            parts.add(success.text());
        }
        if (failure != null) {
            parts.add("fails when " + failure.text());
        }
        if (againstPrevious != null) {
            parts.add(String.format(Locale.ROOT, "at most %s %% %s than %s%s", number(againstPrevious.worseThanPercent()),
                    againstPrevious.worse() == AgainstPrevious.Worse.HIGHER ? "higher" : "lower", source.compared(),
                    againstPrevious.minimumIncrease() > 0 ? " (a change under " + number(againstPrevious.minimumIncrease()) + " never counts)" : ""));
        }
        return String.join("; ", parts);
    }

    /** the most a run (count measurements, inconclusive ones retried) may sleep between its measurements */
    public Duration longestRunWait() {
        return interval.multipliedBy(Math.max(0, count + inconclusiveLimit - 1L));
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }
}
