package dev.liftoff.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An analysis' value on the version that ran before the deploy, measured just before it: what an
 * against-previous analysis compares with. Unavailable (no data, the provider down, the previous
 * version unknown) makes each comparison inconclusive, never a pass.
 *
 * @param value null when unavailable
 * @param unavailable why there is no value; null when there is one
 */
public record Baseline(Double value, Instant at, String query, String version, String unavailable) {

    static Baseline unavailable(String why) {
        return new Baseline(null, null, null, null, why);
    }

    public boolean available() {
        return value != null;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("value", value);
        map.put("at", at == null ? null : at.toString());
        map.put("query", query);
        map.put("version", version);
        map.put("unavailable", unavailable);
        return map;
    }

    /** reads one entry of {@code <environment>MetricBaseline} back */
    public static Baseline of(JsonNode stored) {
        if (stored == null || !stored.isObject()) {
            return unavailable("no value was measured before the deploy");
        }
        JsonNode value = stored.path("value");
        return new Baseline(value.isNumber() ? value.asDouble() : null,
                stored.hasNonNull("at") ? Instant.parse(stored.get("at").asText()) : null,
                stored.path("query").asText(null), stored.path("version").asText(null),
                value.isNumber() ? null : stored.path("unavailable").asText("no value was measured before the deploy"));
    }
}
