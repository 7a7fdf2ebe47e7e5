package dev.liftoff.monitoring;

import dev.liftoff.analysis.Baseline;
import dev.liftoff.analysis.MetricDecisions;
import dev.liftoff.analysis.ReleaseLabels;
import dev.liftoff.config.AnalysisUse;
import dev.liftoff.config.EnvironmentConfig;
import dev.liftoff.config.ErrorRateTrigger;
import dev.liftoff.config.LatencyDegradationTrigger;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.verification.CheckResult;
import dev.liftoff.verification.VerificationReport;
import dev.liftoff.verification.VerificationService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Monitoring windows: when their ticks fall, and what one tick finds. A tick re-runs the
 * environment's verification and, where the environment has rollback triggers, probes its error
 * rate and compares its latency with the baseline measured before the deploy.
 */
@Service
public class MonitoringService {

    private static final int FAILURES_KEPT = 10;
    private static final int ACTUAL_KEPT = 160;
    static final String DRILL_REASON = "drill: Liftoff failed this tick on purpose to rehearse the alert path";

    private final LiftoffProperties properties;
    private final VerificationService verification;

    public MonitoringService(LiftoffProperties properties, VerificationService verification) {
        this.properties = properties;
        this.verification = verification;
    }

    /**
     * The next tick after {@code now}: at the probing cadence while an error-rate episode is open,
     * else by the window's schedule; empty once the window is over.
     */
    public Optional<Instant> nextTick(String service, String environment, Instant windowStart, Instant now, boolean probing) {
        EnvironmentConfig config = environment(service, environment);
        ErrorRateTrigger errorRate = config.rollbackTriggers().errorRate();
        if (probing && errorRate != null) {
            return Optional.of(now.plus(errorRate.probeEvery()));
        }
        return new MonitoringSchedule(config.monitoring()).nextTick(windowStart, now);
    }

    public Instant windowEnd(String service, String environment, Instant windowStart) {
        return new MonitoringSchedule(environment(service, environment).monitoring()).windowEnd(windowStart);
    }

    public String describeSchedule(String service, String environment) {
        return new MonitoringSchedule(environment(service, environment).monitoring()).describe();
    }

    /** whether the environment has a latency-degradation trigger, and so needs a baseline before the deploy */
    public boolean comparesLatency(String service, String environment) {
        return environment(service, environment).rollbackTriggers().latencyDegradation() != null
                && !properties.requireService(service).latency().isEmpty();
    }

    /** the p95 of each latency check, by check name, as the environment answers now */
    public Map<String, Long> latencyBaseline(String service, String environment) {
        Map<String, Long> baseline = new LinkedHashMap<>();
        for (CheckResult check : verification.latency(service, environment)) {
            Long p95 = check.figures().get(CheckResult.P95_MICROS);
            if (p95 != null && check.figures().getOrDefault(CheckResult.FAILED, 0L) == 0) {
                baseline.put(check.name(), p95);
            }
        }
        return baseline;
    }

    /**
     * One tick: the verification with the environment's monitoring analyses, then the triggers.
     *
     * @param errorRateAboveSince the open error-rate episode before this tick, or null
     * @param baselineP95Micros the latency baseline from before the deploy; empty when none was measured
     * @param metricBaselines the analyses' values before the deploy, by name; empty when none was measured
     */
    public TickOutcome tick(ReleaseLabels release, Instant errorRateAboveSince, Map<String, Long> baselineP95Micros,
            Map<String, Baseline> metricBaselines, Instant now) {
        return tick(release, errorRateAboveSince, baselineP95Micros, metricBaselines, now, false);
    }

    /**
     * A tick of a drill: the checks run and are recorded as usual, and the tick then fails on
     * purpose, so that the whole alert path after it (incident, issue, mail, acknowledgement) is
     * proven on a live environment.
     */
    public TickOutcome drillTick(ReleaseLabels release, Instant now) {
        return tick(release, null, Map.of(), Map.of(), now, true);
    }

    private TickOutcome tick(ReleaseLabels release, Instant errorRateAboveSince, Map<String, Long> baselineP95Micros,
            Map<String, Baseline> metricBaselines, Instant now, boolean drill) {
        String service = release.service();
        String environment = release.environment();
        EnvironmentConfig config = environment(service, environment);
        VerificationReport report = verification.verifyWithAnalyses(release, AnalysisUse.MONITORING, metricBaselines);
        List<String> stopReasons = new ArrayList<>();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("at", now.toString());
        record.put("checks", report.checks().size());
        record.put("passedChecks", report.checks().stream().filter(CheckResult::passed).count());
        record.put("failed", failures(report));
        record.put("durationMs", report.durationMs());
        List<Map<String, Object>> analyses = analyses(report);
        if (!analyses.isEmpty()) {
            record.put("analyses", analyses);
        }
        if (!report.passed() && !report.inconclusive()) {
            stopReasons.add("verification failed: " + report.summary());
        }

        Instant aboveSince = null;
        ErrorRateTrigger errorRate = config.rollbackTriggers().errorRate();
        if (errorRate != null) {
            CheckResult probe = verification.probe(service, environment, errorRate.path() == null
                    ? config.health().path() : errorRate.path(), errorRate.requests());
            ErrorRateVerdict verdict = ErrorRateVerdict.judge(errorRate, probe, errorRateAboveSince, now);
            record.put("errorRate", verdict.description());
            if (verdict.state() == ErrorRateVerdict.State.SUSTAINED) {
                stopReasons.add(verdict.description());
            }
            aboveSince = verdict.aboveSince();
        }

        LatencyDegradationTrigger latency = config.rollbackTriggers().latencyDegradation();
        if (latency != null && !baselineP95Micros.isEmpty()) {
            List<String> degradations = LatencyComparison.degradations(latency, baselineP95Micros, report.checks());
            record.put("latencyAgainstBaseline", degradations.isEmpty() ? "within +" + (long) latency.worseThanBaselinePercent()
                    + " % of the baseline" : String.join("; ", degradations));
            if (!degradations.isEmpty()) {
                stopReasons.add("latency degraded: " + String.join("; ", degradations));
            }
        }
        if (drill) {
            record.put("drill", true);
            stopReasons.add(DRILL_REASON);
        }
        String stopReason = stopReasons.isEmpty() ? null : String.join("; ", stopReasons);
        List<Map<String, Object>> inconclusive = stopReason == null && report.inconclusive() ? inconclusive(report) : List.of();
        record.put("passed", stopReason == null && inconclusive.isEmpty());
        if (!inconclusive.isEmpty()) {
            record.put("inconclusive", true);
        }
        return new TickOutcome(record, stopReason, stopReason == null ? aboveSince : null, inconclusive);
    }

    /** each analysis of the tick in a few words: its verdict and value, not its measurements */
    private static List<Map<String, Object>> analyses(VerificationReport report) {
        return report.checks().stream().filter(check -> !check.analysis().isEmpty()).map(check -> {
            Map<String, Object> analysis = new LinkedHashMap<>();
            analysis.put("name", check.analysis().get("name"));
            analysis.put("verdict", check.analysis().get("verdict"));
            analysis.put("value", check.analysis().get("value"));
            analysis.put("detail", shorten(check.actual()));
            return analysis;
        }).toList();
    }

    private static List<Map<String, Object>> inconclusive(VerificationReport report) {
        return report.checks().stream().filter(CheckResult::inconclusive)
                .map(check -> MetricDecisions.row(String.valueOf(check.analysis().get("name")), "monitoring tick", check.actual(),
                        String.valueOf(check.analysis().get("query")), check.analysis().get("graphUrl")))
                .toList();
    }

    private static List<String> failures(VerificationReport report) {
        return report.checks().stream()
                .filter(check -> !check.passed())
                .limit(FAILURES_KEPT)
                .map(check -> check.name() + ": " + shorten(check.actual()))
                .toList();
    }

    private static String shorten(String actual) {
        if (actual == null) {
            return "";
        }
        return actual.length() <= ACTUAL_KEPT ? actual : actual.substring(0, ACTUAL_KEPT - 1) + "…";
    }

    private EnvironmentConfig environment(String service, String environment) {
        return properties.requireService(service).environment(environment);
    }
}
