package dev.liftoff.analysis;

import dev.liftoff.config.AnalysisUse;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One run of an analysis in a verification or a monitoring tick, kept as evidence like every
 * other check: the query as sent, each measurement, the condition, the verdict, the time range and
 * a link to the provider's graph of the query.
 *
 * @param baseline what an against-previous analysis compared with (the value before the release, or on a
 *     canary the stable version's); null for other analyses
 */
public record AnalysisResult(
        String name,
        AnalysisUse use,
        String provider,
        String query,
        String condition,
        Verdict verdict,
        List<Measurement> measurements,
        Instant from,
        Instant to,
        URI graphUrl,
        Baseline baseline,
        long durationMs) {

    public AnalysisResult {
        measurements = List.copyOf(measurements);
    }

    /** the value a person reads first: the last one the query answered */
    public Double value() {
        for (int i = measurements.size() - 1; i >= 0; i--) {
            if (measurements.get(i).value() != null) {
                return measurements.get(i).value();
            }
        }
        return null;
    }

    /** e.g. "0.012 (3 measurements 30s apart: 0.010, 0.012, 0.011)" or "inconclusive: no data: …" */
    public String summary() {
        Measurement last = measurements.get(measurements.size() - 1);
        String detail = verdict == Verdict.PASSED ? last.detail() : worst().detail();
        String prefix = verdict == Verdict.PASSED ? "" : verdict.label() + ": ";
        if (measurements.size() == 1) {
            return prefix + detail;
        }
        return prefix + detail + " (" + measurements.size() + " measurements: " + measurements.stream()
                .map(measurement -> measurement.value() == null ? measurement.verdict().label() : ValueJudgement.format(measurement.value()))
                .collect(Collectors.joining(", ")) + ")";
    }

    /** the measurement that decided a verdict other than passed */
    private Measurement worst() {
        for (int i = measurements.size() - 1; i >= 0; i--) {
            if (measurements.get(i).verdict() == verdict) {
                return measurements.get(i);
            }
        }
        return measurements.get(measurements.size() - 1);
    }

    /** the evidence as it is kept in the check's {@code analysis} field */
    public Map<String, Object> evidence() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("where", use.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        map.put("provider", provider);
        map.put("query", query);
        map.put("condition", condition);
        map.put("verdict", verdict.label());
        map.put("value", value());
        map.put("measurements", measurements.stream().map(Measurement::toMap).toList());
        map.put("from", from.toString());
        map.put("to", to.toString());
        map.put("graphUrl", graphUrl == null ? null : graphUrl.toString());
        if (baseline != null) {
            map.put("baseline", baseline.toMap());
        }
        return map;
    }
}
