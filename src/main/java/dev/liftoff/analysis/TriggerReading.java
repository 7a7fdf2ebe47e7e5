package dev.liftoff.analysis;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measurement of a rollback trigger: failed only once its failure has lasted the trigger's
 * {@code sustained-for} (a failure that has not lasted that long yet passes, with
 * {@code failingSince} set); inconclusive without data.
 *
 * @param failingSince when the current run of failing values began; null when the latest value does not fail
 */
public record TriggerReading(Verdict verdict, Double value, Instant failingSince, String detail, String query, Instant from,
        Instant to, URI graphUrl) {

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("verdict", verdict.label());
        map.put("value", value);
        map.put("failingSince", failingSince == null ? null : failingSince.toString());
        map.put("detail", detail);
        map.put("query", query);
        map.put("from", from.toString());
        map.put("to", to.toString());
        map.put("graphUrl", graphUrl == null ? null : graphUrl.toString());
        return map;
    }
}
