package dev.liftoff.demo;

import com.sun.net.httpserver.HttpExchange;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The request metrics of one environment of a demo service (study-api, study-canary), as a separate service would keep them: a
 * registry of its own (never Liftoff's), served at {@code GET /metrics} in the Prometheus text format.
 * One timer {@code http.server.requests} (Prometheus: {@code http_server_requests_seconds_*}) tagged
 * {@code service}, {@code environment}, {@code version}, {@code method}, {@code uri}, {@code status},
 * {@code outcome}.
 */
final class StudyApiMetrics {

    static final String PATH = "/metrics";
    static final String METER = "http.server.requests";
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /**
     * Histogram buckets around the reference latency targets (p50 10 ms to p99 3 s), fine enough that
     * a p95 from {@code histogram_quantile} moves visibly when a release adds 300 ms.
     */
    static final Duration[] BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(150), Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(400), Duration.ofMillis(500),
            Duration.ofMillis(750), Duration.ofSeconds(1), Duration.ofMillis(1500), Duration.ofSeconds(2), Duration.ofSeconds(3),
            Duration.ofSeconds(5)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    StudyApiMetrics(String service, String environment) {
        registry.config().commonTags("service", service, "environment", environment);
    }

    /**
     * @param uri the endpoint's path, or {@code UNKNOWN} for any other path, so that a scan of random
     *     paths cannot grow the series without bound
     * @param nanos from taking the request until its answer was ready, injected latency included
     */
    void record(RunningBuild build, String method, String uri, int status, long nanos) {
        Timer.builder(METER)
                .description("Requests the study-api answered")
                .serviceLevelObjectives(BUCKETS)
                .tag("version", build.version())
                .tag("method", method)
                .tag("uri", uri)
                .tag("status", String.valueOf(status))
                .tag("outcome", Outcome.forStatus(status).name())
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Answers {@code GET /metrics}; a scrape is not itself a request of the study-api, so it is not counted. */
    void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] text = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(200, text.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(text);
            }
        }
    }
}
