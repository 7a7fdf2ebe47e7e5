package dev.liftoff.analysis;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One evaluation of an analysis' query.
 *
 * @param value the number the query answered; null when it answered none (no data, an error)
 * @param detail what a person needs to know about it, e.g. "no data: the query returned no series"
 */
public record Measurement(Instant at, Verdict verdict, Double value, String detail) {

    static Measurement inconclusive(Instant at, String why) {
        return new Measurement(at, Verdict.INCONCLUSIVE, null, why);
    }

    static Measurement failed(Instant at, String why) {
        return new Measurement(at, Verdict.FAILED, null, why);
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("at", at.toString());
        map.put("verdict", verdict.label());
        map.put("value", value);
        map.put("detail", detail);
        return map;
    }
}
