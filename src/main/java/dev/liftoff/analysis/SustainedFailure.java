package dev.liftoff.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Whether a trigger's failure has lasted its {@code sustained-for}, read from the provider's own
 * history rather than from Liftoff's earlier measurements: a range query over the last
 * {@code sustained-for} (not reaching before the window opened), one value per step. Failed when
 * every step has a value and every value fails; a gap (no data at some step) means the failure is
 * not proven to have lasted. Like Prometheus' own {@code for:} on an alerting rule, it survives a
 * restart of Liftoff and needs no state of its own.
 */
final class SustainedFailure {

    /** a point older than this (beyond one step) is not "now": the series stopped */
    private static final Duration FRESH = Duration.ofSeconds(1);

    private SustainedFailure() {
    }

    static TriggerReading read(AnalysisPlan plan, MetricProvider provider, String query, Instant windowStart, Instant now, Baseline baseline) {
        Duration sustainedFor = plan.sustainedFor();
        Duration step = step(plan);
        Instant from = later(windowStart, now.minus(sustainedFor));
        if (!from.isBefore(now)) {
            from = now.minus(step);
        }
        Instant shownFrom = from;
        java.net.URI graph = provider.graphLink(query, now.minus(sustainedFor).minus(AnalysisService.GRAPH_CONTEXT), now);
        List<Sample> samples;
        try {
            samples = QueryAnswers.single(provider.queryRange(query, from, now, step), query).samples();
        } catch (ProviderException e) {
            return new TriggerReading(Verdict.INCONCLUSIVE, null, null, e.getMessage(), query, shownFrom, now, graph);
        } catch (QueryAnswers.NotOneSeries e) {
            return new TriggerReading(e.noData() ? Verdict.INCONCLUSIVE : Verdict.FAILED, null, null, e.getMessage(), query, shownFrom, now,
                    graph);
        }
        Sample latest = samples.get(samples.size() - 1);
        if (latest.at().isBefore(now.minus(step).minus(FRESH))) {
            return new TriggerReading(Verdict.INCONCLUSIVE, null, null, "no data since " + latest.at() + ": the series stopped",
                    query, shownFrom, now, graph);
        }
        Measurement newest = ValueJudgement.judge(plan, latest.at(), latest.value(), baseline);
        if (newest.verdict() != Verdict.FAILED) {
            return new TriggerReading(newest.verdict(), newest.value(), null, newest.detail(), query, shownFrom, now, graph);
        }
        // the run of failing values up to now, without a gap: a step without a value ends it
        int firstFailing = samples.size() - 1;
        while (firstFailing > 0 && adjacent(samples.get(firstFailing - 1), samples.get(firstFailing), step)
                && ValueJudgement.judge(plan, samples.get(firstFailing - 1).at(), samples.get(firstFailing - 1).value(), baseline)
                        .verdict() == Verdict.FAILED) {
            firstFailing--;
        }
        Instant failingSince = samples.get(firstFailing).at();
        long expectedPoints = Duration.between(from, now).toMillis() / step.toMillis() + 1;
        boolean lastedLongEnough = !Duration.between(windowStart, now).minus(sustainedFor).isNegative();
        boolean everyStepFailed = firstFailing == 0 && samples.size() >= expectedPoints
                && !samples.get(0).at().isAfter(from.plus(step.dividedBy(2)));
        String lasting = "failing since " + failingSince + " (" + readable(Duration.between(failingSince, now)) + ", sustained-for "
                + readable(sustainedFor) + ")";
        if (lastedLongEnough && everyStepFailed) {
            return new TriggerReading(Verdict.FAILED, newest.value(), failingSince, newest.detail() + ", " + lasting, query, shownFrom, now,
                    graph);
        }
        return new TriggerReading(Verdict.PASSED, newest.value(), failingSince, newest.detail() + ", " + lasting + ": not yet",
                query, shownFrom, now, graph);
    }

    /** one value per interval, but at least two within sustained-for and never finer than a second */
    static Duration step(AnalysisPlan plan) {
        Duration step = plan.interval();
        Duration half = plan.sustainedFor().dividedBy(2);
        if (step.compareTo(half) > 0) {
            step = half;
        }
        return step.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : step;
    }

    private static boolean adjacent(Sample earlier, Sample later, Duration step) {
        return Duration.between(earlier.at(), later.at()).compareTo(step.plus(step.dividedBy(2))) <= 0;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static String readable(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0 && seconds > 0) {
            return seconds / 3600 + "h";
        }
        if (seconds % 60 == 0 && seconds > 0) {
            return seconds / 60 + "m";
        }
        if (seconds >= 60) {
            return seconds / 60 + "m" + seconds % 60 + "s";
        }
        return seconds + "s";
    }
}
