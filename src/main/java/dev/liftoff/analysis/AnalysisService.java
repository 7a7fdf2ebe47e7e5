package dev.liftoff.analysis;

import dev.liftoff.config.AnalysisUse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Runs metric analyses against their providers: a run of {@code count} measurements in a
 * verification or a tick, the value before a deploy for the comparisons (on a canary: the stable
 * version's value at the analysis step), and one measurement of a rollback trigger. A provider
 * that is down, slow or answers an error makes a measurement inconclusive, never a pass and never
 * a failure; only Liftoff's own faults throw.
 */
@Service
public class AnalysisService {

    /** how much of the query's history the graph link shows before the first measurement */
    static final Duration GRAPH_CONTEXT = Duration.ofMinutes(15);

    private final AnalysisPlans plans;
    private final MetricProviders providers;
    private final Clock clock;
    private final Pause pause;

    /** waits between the measurements of a run */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    @Autowired
    public AnalysisService(AnalysisPlans plans, MetricProviders providers) {
        this(plans, providers, Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()));
    }

    public AnalysisService(AnalysisPlans plans, MetricProviders providers, Clock clock, Pause pause) {
        this.plans = plans;
        this.providers = providers;
        this.clock = clock;
        this.pause = pause;
    }

    public AnalysisPlans plans() {
        return plans;
    }

    /** every analysis of the release's environment that runs there in that way, one after the other */
    public List<AnalysisResult> run(ReleaseLabels release, AnalysisUse use, Map<String, Baseline> baselines) {
        List<AnalysisResult> results = new ArrayList<>();
        for (AnalysisPlan plan : plans.of(release.service(), release.environment(), use)) {
            results.add(run(plan, release, use, baselines.get(plan.name())));
        }
        return results;
    }

    /**
     * {@code count} conclusive measurements {@code interval} apart; an inconclusive one is retried
     * after the interval, up to {@code inconclusive-limit} of them. Failed once more measurements
     * failed than {@code failure-limit}; inconclusive once more were inconclusive than its limit.
     * An analysis judged only by its comparison, without a value to compare with, is inconclusive at
     * once: that value is measured once, so no retry could judge it.
     */
    public AnalysisResult run(AnalysisPlan plan, ReleaseLabels release, AnalysisUse use, Baseline baseline) {
        long start = System.nanoTime();
        String query = plan.query().render(release);
        MetricProvider provider = provider(plan);
        List<Measurement> measurements = new ArrayList<>();
        int conclusive = 0;
        int failed = 0;
        int inconclusive = 0;
        Verdict verdict = Verdict.PASSED;
        boolean undecidable = plan.comparesWithPrevious() && plan.success() == null && plan.failure() == null
                && (baseline == null || !baseline.available());
        while (true) {
            Measurement measurement = measure(plan, provider, query, clock.instant(), baseline);
            measurements.add(measurement);
            switch (measurement.verdict()) {
                case PASSED -> conclusive++;
                case FAILED -> {
                    conclusive++;
                    failed++;
                }
                case INCONCLUSIVE -> inconclusive++;
            }
            if (failed > plan.failureLimit()) {
                verdict = Verdict.FAILED;
                break;
            }
            if (inconclusive > plan.inconclusiveLimit() || undecidable && measurement.verdict() == Verdict.INCONCLUSIVE) {
                verdict = Verdict.INCONCLUSIVE;
                break;
            }
            if (conclusive >= plan.count()) {
                break;
            }
            pause(plan.interval());
        }
        Instant from = measurements.get(0).at();
        Instant to = measurements.get(measurements.size() - 1).at();
        String condition = plan.conditionText(baseline == null ? Baseline.Source.BEFORE_DEPLOY : baseline.source());
        return new AnalysisResult(plan.name(), use, plan.provider(), query, condition, verdict, measurements, from, to,
                provider.graphLink(query, from.minus(GRAPH_CONTEXT), to), plan.comparesWithPrevious() ? baseline : null,
                Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    /** whether any analysis of the environment compares with the version before, and so needs its values before the deploy */
    public boolean comparesWithPrevious(String service, String environment) {
        return plans.of(service, environment).stream().anyMatch(AnalysisPlan::comparesWithPrevious);
    }

    /**
     * The value of each against-previous analysis on what runs now, before the deploy: the query
     * templated with the version and commit that run there (see {@code <environment>PreviousRelease}).
     */
    public Map<String, Baseline> baselines(ReleaseLabels before) {
        Map<String, Baseline> baselines = new LinkedHashMap<>();
        for (AnalysisPlan plan : plans.of(before.service(), before.environment())) {
            if (plan.comparesWithPrevious()) {
                baselines.put(plan.name(), baseline(plan, before, Baseline.Source.BEFORE_DEPLOY));
            }
        }
        return baselines;
    }

    /**
     * What a canary's against-previous analyses that run in {@code use} compare with at an analysis
     * step: each one's value on the stable version, now (the query templated with the stable
     * version's version and commit). Without a stable version known ({@code stable} null) each is
     * unavailable, so that its comparison is inconclusive.
     */
    public Map<String, Baseline> stableValues(ReleaseLabels canary, ReleaseLabels stable, AnalysisUse use) {
        Map<String, Baseline> values = new LinkedHashMap<>();
        for (AnalysisPlan plan : plans.of(canary.service(), canary.environment(), use)) {
            if (plan.comparesWithPrevious()) {
                values.put(plan.name(), stable != null ? baseline(plan, stable, Baseline.Source.STABLE_VERSION)
                        : Baseline.unavailable("the version the stable slot of " + canary.environment() + " runs is not known",
                                Baseline.Source.STABLE_VERSION));
            }
        }
        return values;
    }

    /** the same, when what runs there now is not known: nothing can be measured for it */
    public Map<String, Baseline> baselinesUnknown(String service, String environment, String why) {
        Map<String, Baseline> baselines = new LinkedHashMap<>();
        plans.of(service, environment).stream().filter(AnalysisPlan::comparesWithPrevious)
                .forEach(plan -> baselines.put(plan.name(), Baseline.unavailable(why)));
        return baselines;
    }

    private Baseline baseline(AnalysisPlan plan, ReleaseLabels of, Baseline.Source source) {
        String query = plan.query().render(of);
        Instant at = clock.instant();
        try {
            Series series = QueryAnswers.single(provider(plan).query(query, at), query);
            double value = series.samples().get(series.samples().size() - 1).value();
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return new Baseline(null, at, query, of.version(), "the query answered " + value
                        + (source == Baseline.Source.BEFORE_DEPLOY ? " before the deploy" : ""), source);
            }
            return new Baseline(value, at, query, of.version(), null, source);
        } catch (ProviderException | QueryAnswers.NotOneSeries e) {
            return new Baseline(null, at, query, of.version(), e.getMessage(), source);
        }
    }

    /**
     * One measurement of a rollback trigger at {@code now}. Without {@code sustained-for}: the value
     * now. With it: the values of the last {@code sustained-for} (a range query, one value per
     * interval, never reaching before the window opened), failed only when every one of them fails.
     */
    public TriggerReading measureTrigger(AnalysisPlan plan, ReleaseLabels release, Instant windowStart, Instant now, Baseline baseline) {
        String query = plan.query().render(release);
        MetricProvider provider = provider(plan);
        if (plan.sustainedFor().isZero()) {
            Measurement measurement = measure(plan, provider, query, now, baseline);
            return new TriggerReading(measurement.verdict(), measurement.value(),
                    measurement.verdict() == Verdict.FAILED ? now : null, measurement.detail(), query, now, now,
                    provider.graphLink(query, now.minus(GRAPH_CONTEXT), now));
        }
        return SustainedFailure.read(plan, provider, query, windowStart, now, baseline);
    }

    private MetricProvider provider(AnalysisPlan plan) {
        return providers.get(plan.provider()).orElseThrow(() -> new IllegalStateException("metrics provider '" + plan.provider()
                + "' of " + plan.key() + " is not declared under liftoff.metrics.providers"));
    }

    /** one instant query, judged */
    static Measurement measure(AnalysisPlan plan, MetricProvider provider, String query, Instant at, Baseline baseline) {
        try {
            Series series = QueryAnswers.single(provider.query(query, at), query);
            Sample latest = series.samples().get(series.samples().size() - 1);
            return ValueJudgement.judge(plan, at, latest.value(), baseline);
        } catch (ProviderException e) {
            return Measurement.inconclusive(at, e.getMessage());
        } catch (QueryAnswers.NotOneSeries e) {
            return e.noData() ? Measurement.inconclusive(at, e.getMessage()) : Measurement.failed(at, e.getMessage());
        }
    }

    private void pause(Duration interval) {
        try {
            pause.sleep(interval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between the measurements of an analysis", e);
        }
    }
}
