package dev.liftoff.analysis;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Where metric analyses read their measurements: a query language over series, such as Prometheus. */
public interface MetricProvider {

    /** the provider's name in the configuration ({@code liftoff.metrics.providers.<name>}) */
    String name();

    /**
     * An instant query evaluated at {@code at}: one series per result of a vector (an empty list when
     * nothing matched), and a scalar as one series with no labels.
     */
    List<Series> query(String promql, Instant at) throws ProviderException;

    /** a range query from {@code start} to {@code end}, evaluated every {@code step} */
    List<Series> queryRange(String promql, Instant start, Instant end, Duration step) throws ProviderException;

    /** a link to the provider's graph page for that query over that range, for people reading the evidence */
    URI graphLink(String promql, Instant start, Instant end);
}
