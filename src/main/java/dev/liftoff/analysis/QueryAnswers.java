package dev.liftoff.analysis;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a provider's answer means for an analysis, which judges one number: no series is no data
 * (inconclusive); more than one is a query that needs aggregating, refused with the series named.
 */
final class QueryAnswers {

    private static final int SERIES_NAMED = 3;

    private QueryAnswers() {
    }

    /** the one series of the answer */
    static Series single(List<Series> answer, String query) throws NotOneSeries {
        if (answer.isEmpty() || answer.get(0).samples().isEmpty() && answer.size() == 1) {
            throw new NotOneSeries(true, "no data: the query returned no series");
        }
        if (answer.size() > 1) {
            String named = answer.stream().limit(SERIES_NAMED).map(series -> labels(series.labels())).collect(Collectors.joining(", "));
            throw new NotOneSeries(false, "the query returned " + answer.size() + " series (" + named
                    + (answer.size() > SERIES_NAMED ? ", …" : "") + "); an analysis judges one number: aggregate the series, e.g. wrap the query in sum(...)");
        }
        return answer.get(0);
    }

    static String labels(Map<String, String> labels) {
        return labels.entrySet().stream().map(label -> label.getKey() + "=\"" + label.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** the answer had no series (inconclusive) or too many (failed) */
    static final class NotOneSeries extends Exception {

        private final boolean noData;

        NotOneSeries(boolean noData, String message) {
            super(message);
            this.noData = noData;
        }

        boolean noData() {
            return noData;
        }
    }
}
