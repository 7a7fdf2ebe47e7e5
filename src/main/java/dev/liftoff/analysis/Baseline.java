package dev.liftoff.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an against-previous analysis compares with: its value on the version that ran before the
 * deploy, measured just before it; or, at a canary's analysis step, its value on the stable version
 * measured at that moment. Unavailable (no data, the provider down, the version unknown) makes each
 * comparison inconclusive, never a pass.
 *
 * @param value null when unavailable
 * @param version the version the query was templated with; null when it is not known
 * @param unavailable why there is no value; null when there is one
 * @param source what the value is of, for the evidence's wording
 */
public record Baseline(Double value, Instant at, String query, String version, String unavailable, Source source) {

    /** what a baseline's value is of */
    public enum Source {
        /** the version that ran before the deploy, measured just before it ({@code <environment>MetricBaseline}) */
        BEFORE_DEPLOY("before-deploy", "before the release"),
        /** a canary's stable version, measured at the canary's analysis step */
        STABLE_VERSION("stable-version", "on the stable version");

        private final String label;
        private final String compared;

        Source(String label, String compared) {
            this.label = label;
            this.compared = compared;
        }

        /** as the evidence names it */
        public String label() {
            return label;
        }

        /** how a comparison says it, e.g. "at most 50 % higher than before the release" */
        public String compared() {
            return compared;
        }

        static Source of(String label) {
            return STABLE_VERSION.label.equals(label) ? STABLE_VERSION : BEFORE_DEPLOY;
        }
    }

    public Baseline {
        source = source == null ? Source.BEFORE_DEPLOY : source;
    }

    /** a value of the version before the deploy */
    public Baseline(Double value, Instant at, String query, String version, String unavailable) {
        this(value, at, query, version, unavailable, Source.BEFORE_DEPLOY);
    }

    static Baseline unavailable(String why) {
        return new Baseline(null, null, null, null, why);
    }

    static Baseline unavailable(String why, Source source) {
        return new Baseline(null, null, null, null, why, source);
    }

    public boolean available() {
        return value != null;
    }

    /** what the value is, as a comparison names it: "before the release", "on the stable version 1.4.0" */
    String described() {
        return source == Source.STABLE_VERSION && version != null ? source.compared() + " " + version : source.compared();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("value", value);
        map.put("at", at == null ? null : at.toString());
        map.put("query", query);
        map.put("version", version);
        map.put("unavailable", unavailable);
        map.put("source", source.label());
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
                value.isNumber() ? null : stored.path("unavailable").asText("no value was measured before the deploy"),
                Source.of(stored.path("source").asText(null)));
    }
}
