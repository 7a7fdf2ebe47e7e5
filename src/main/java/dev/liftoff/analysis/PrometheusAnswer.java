package dev.liftoff.analysis;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Prometheus' query API answers ({@code /api/v1/query} and {@code /api/v1/query_range}):
 * {@code status} success or error, and on success {@code data} with a {@code resultType} and a
 * {@code result} whose shape depends on it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record PrometheusAnswer(String status, Data data, String errorType, String error, List<String> warnings) {

    PrometheusAnswer {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String resultType, JsonNode result) {
    }

    /** an answer that is JSON but not of the API's shape; the message says what is off */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    boolean succeeded() {
        return "success".equals(status);
    }

    /**
     * The series of a successful answer: a vector's or matrix's entries, a scalar as one series
     * without labels.
     */
    List<Series> series() throws Unreadable {
        if (data == null || data.resultType() == null || data.result() == null) {
            throw new Unreadable("an answer without data.resultType and data.result");
        }
        JsonNode result = data.result();
        return switch (data.resultType()) {
            case "scalar" -> List.of(new Series(Map.of(), List.of(sample(result))));
            case "vector" -> entries(result, "value");
            case "matrix" -> entries(result, "values");
            case "string" -> throw new Unreadable("a string, not a number");
            default -> throw new Unreadable("a result of type '" + data.resultType() + "', not a vector, matrix or scalar");
        };
    }

    private static List<Series> entries(JsonNode result, String samplesField) throws Unreadable {
        if (!result.isArray()) {
            throw new Unreadable("a result that is not a list");
        }
        List<Series> series = new ArrayList<>(result.size());
        for (JsonNode entry : result) {
            JsonNode metric = entry.path("metric");
            Map<String, String> labels = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> label : metric.properties()) {
                labels.put(label.getKey(), label.getValue().asText());
            }
            List<Sample> samples = new ArrayList<>();
            if (samplesField.equals("value")) {
                samples.add(sample(entry.path("value")));
            } else {
                JsonNode values = entry.path("values");
                if (!values.isArray()) {
                    throw new Unreadable("a matrix entry without a list of values");
                }
                for (JsonNode pair : values) {
                    samples.add(sample(pair));
                }
            }
            series.add(new Series(labels, samples));
        }
        return series;
    }

    /** a [unix seconds, "value"] pair; the value is a string so that NaN and ±Inf survive JSON */
    private static Sample sample(JsonNode pair) throws Unreadable {
        if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isNumber() || !pair.get(1).isTextual()) {
            throw new Unreadable("a sample that is not [time, \"value\"]: " + pair);
        }
        BigDecimal seconds = pair.get(0).decimalValue();
        Instant at = Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        return new Sample(at, value(pair.get(1).asText()));
    }

    private static double value(String text) throws Unreadable {
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "+Inf", "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new Unreadable("a sample value that is not a number: \"" + text + "\"");
                }
        }
    }
}
