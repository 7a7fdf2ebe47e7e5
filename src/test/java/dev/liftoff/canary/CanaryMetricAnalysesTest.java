package dev.liftoff.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.liftoff.analysis.AnalysisPlans;
import dev.liftoff.analysis.AnalysisService;
import dev.liftoff.analysis.MetricProviders;
import dev.liftoff.analysis.PrometheusServer;
import dev.liftoff.analysis.ReleaseLabels;
import dev.liftoff.config.AdminProperties;
import dev.liftoff.config.AnalysisConfig;
import dev.liftoff.config.AnalysisUse;
import dev.liftoff.config.DeployTargetConfig;
import dev.liftoff.config.EnvironmentConfig;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.ServiceConfig;
import dev.liftoff.verification.CheckResult;
import dev.liftoff.verification.VerificationReport;
import dev.liftoff.verification.VerificationService;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A canary's metric analyses against a real Prometheus (Debian's package) that scrapes, every
 * second, one target serving the request latencies of the stable version and of canaries at once,
 * told apart by their {@code version} label, as the demo's study-canary router serves them. At an
 * analysis step the query is templated with the canary's version, and its comparison with the version
 * before is made with the stable version's series at that moment: a canary as fast as the stable
 * version passes with the stable version's value as its baseline, a much slower one fails; without
 * the stable version known, or before the canary has a series, the check is inconclusive, never a pass.
 */
class CanaryMetricAnalysesTest {

    private static final String P95 = "histogram_quantile(0.95, sum by (le) (rate(http_server_requests_seconds_bucket"
            + "{service=\"{{service}}\",environment=\"{{environment}}\",version=\"{{version}}\"}[1m])))";
    private static final ReleaseLabels STABLE = release("1.0.0", "57ab1e0");
    /** every request of the stable version and of a good canary falls in the bucket (10 ms, 25 ms]: a p95 of 24.25 ms */
    private static final double FAST_P95 = 0.02425;

    static RequestMetrics target;
    static PrometheusServer prometheus;
    static AnalysisService analysis;
    static VerificationService verification;

    @BeforeEach
    void scrapeTheRouter() {
        PrometheusServer.assumeInstalled();
        if (prometheus != null) {
            return;
        }
        target = new RequestMetrics()
                .serving("1.0.0", Duration.ofMillis(12))
                .serving("2.0.0", Duration.ofMillis(14))
                .serving("2.0.1", Duration.ofMillis(312));
        prometheus = PrometheusServer.scraping(Duration.ofSeconds(1), PrometheusServer.Target.at(target.hostPort()));
        // a rate of every version served: two scrapes with requests between them
        prometheus.awaitSeries("count(sum by (version) (rate(http_server_requests_seconds_count{service=\"shop\"}[1m])) > 0) == 3",
                Duration.ofSeconds(30));
        LiftoffProperties properties = properties(Map.of(
                "p95-latency", new AnalysisConfig(null, "prometheus", P95, null, null, Duration.ofSeconds(1), null, null, 4,
                        new AnalysisConfig.AgainstPrevious(50.0, 0.05, null), List.of(AnalysisUse.VERIFICATION), null),
                "p95-trigger", new AnalysisConfig(null, "prometheus", P95, null, null, Duration.ofSeconds(1), null, null, 0,
                        new AnalysisConfig.AgainstPrevious(50.0, 0.05, null), List.of(AnalysisUse.ROLLBACK_TRIGGER), null)));
        analysis = new AnalysisService(new AnalysisPlans(properties, Set.of("prometheus")), MetricProviders.of(prometheus.provider()));
        verification = new VerificationService(properties, analysis);
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (target != null) {
            target.close();
        }
    }

    @Test
    void aCanaryAsFastAsTheStableVersionPassesWithTheStableVersionsValueAsItsBaseline() {
        CheckResult check = single(verification.canaryAnalyses(release("2.0.0", "c0ffee1"), STABLE));

        assertThat(check.passed()).as(check.actual()).isTrue();
        assertThat(check.name()).isEqualTo("metric p95-latency");
        assertThat(check.expected()).isEqualTo("at most 50 % higher than on the stable version (a change under 0.05 never counts)");
        assertThat(check.analysis().get("query")).asString().contains("version=\"2.0.0\"").doesNotContain("{{");
        assertThat((Double) check.analysis().get("value")).isCloseTo(FAST_P95, within(1e-9));
        Map<?, ?> baseline = (Map<?, ?>) check.analysis().get("baseline");
        assertThat(baseline.get("version")).isEqualTo("1.0.0");
        assertThat(baseline.get("source")).isEqualTo("stable-version");
        assertThat((Double) baseline.get("value")).isCloseTo(FAST_P95, within(1e-9));
        assertThat(baseline.get("query")).asString().contains("version=\"1.0.0\"").doesNotContain("2.0.0");
        // only what runs at the step is measured on the stable version: not the rollback trigger
        assertThat(analysis.stableValues(release("2.0.0", "c0ffee1"), STABLE, AnalysisUse.VERIFICATION)).containsOnlyKeys("p95-latency");
    }

    @Test
    void aCanaryMuchSlowerThanTheStableVersionFailsNamingItsQuery() {
        ReleaseLabels slow = release("2.0.1", "5104bee");
        CheckResult check = single(verification.canaryAnalyses(slow, STABLE));

        assertThat(check.passed()).isFalse();
        assertThat(check.inconclusive()).isFalse();
        // all of the slow canary's requests fall in (300 ms, 400 ms]: a p95 of 395 ms
        assertThat(check.actual()).matches("FAILED: 0\\.395: 0\\.395 against 0\\.0242\\d* on the stable version 1\\.0\\.0 "
                + "\\(\\+1529 %, limit 50 %\\)");
        assertThat(check.analysis().get("query")).isEqualTo("histogram_quantile(0.95, sum by (le) (rate(http_server_requests_seconds_bucket"
                + "{service=\"shop\",environment=\"production\",version=\"2.0.1\"}[1m])))");
        assertThat(VerificationReport.of("production canary", List.of(check), 0).summary())
                .startsWith("0/1 passed — metric p95-latency: FAILED: 0.395: 0.395 against 0.0242");
    }

    @Test
    void withoutTheStableVersionKnownTheComparisonIsInconclusiveAtOnceNeverAPass() {
        CheckResult check = single(verification.canaryAnalyses(release("2.0.0", "c0ffee1"), null));

        assertThat(check.passed()).isFalse();
        assertThat(check.inconclusive()).isTrue();
        assertThat(check.actual()).isEqualTo("inconclusive: 0.02425: no value of the stable version to compare with "
                + "(the version the stable slot of production runs is not known)");
        assertThat((List<?>) check.analysis().get("measurements")).as("no retry can bring a value to compare with").hasSize(1);
        assertThat(((Map<?, ?>) check.analysis().get("baseline")).get("value")).isNull();
    }

    @Test
    void aCanaryWithoutASeriesYetIsInconclusiveAfterItsRetries() {
        CheckResult check = single(verification.canaryAnalyses(release("2.0.2", "0dd0dd0"), STABLE));

        assertThat(check.passed()).isFalse();
        assertThat(check.inconclusive()).isTrue();
        assertThat(check.actual()).startsWith("inconclusive: no data: the query returned no series (5 measurements: ");
        assertThat((List<?>) check.analysis().get("measurements")).as("one measurement and inconclusive-limit 4 retries").hasSize(5);
        assertThat((Double) ((Map<?, ?>) check.analysis().get("baseline")).get("value")).isCloseTo(FAST_P95, within(1e-9));
    }

    @Test
    void aCanaryWhoseFirstRequestsComeAsTheStepEndsIsJudgedOnceItsSeriesArrivesWithinTheRetries() {
        target.serving("2.0.3", Duration.ofMillis(14));

        CheckResult check = single(verification.canaryAnalyses(release("2.0.3", "1a7e1a7"), STABLE));

        assertThat(check.passed()).as(check.actual()).isTrue();
        List<?> measurements = (List<?>) check.analysis().get("measurements");
        assertThat(((Map<?, ?>) measurements.get(0)).get("verdict")).as("before its first scrapes").isEqualTo("inconclusive");
        assertThat(((Map<?, ?>) measurements.get(measurements.size() - 1)).get("verdict")).isEqualTo("passed");
    }

    private static CheckResult single(List<CheckResult> checks) {
        assertThat(checks).as("the analyses that run in a verification: p95-latency, not the trigger").hasSize(1);
        return checks.get(0);
    }

    private static ReleaseLabels release(String version, String commit) {
        return new ReleaseLabels("shop", "production", version, commit);
    }

    /** shop, whose production (the router in front of the stable version and the canary) declares these analyses */
    private static LiftoffProperties properties(Map<String, AnalysisConfig> production) {
        DeployTargetConfig deploy = new DeployTargetConfig(DeployTargetConfig.Type.COMMAND, null,
                new DeployTargetConfig.Command(List.of("/bin/true"), null, null));
        URI nowhere = URI.create("http://127.0.0.1:9");
        EnvironmentConfig staging = new EnvironmentConfig(nowhere, null, null, deploy, null);
        EnvironmentConfig live = new EnvironmentConfig(nowhere, null, null, deploy, null, null, null, null, null, production);
        ServiceConfig shop = new ServiceConfig(Map.of(ServiceConfig.STAGING, staging, ServiceConfig.PRODUCTION, live), List.of(), null, null,
                null, null, null, null, null, null, null);
        return new LiftoffProperties(new AdminProperties("admin", "admin"), Map.of("shop", shop));
    }

    /**
     * A router's request metrics at {@code /metrics}: the Micrometer timer {@code http.server.requests}
     * with latency buckets, tagged {@code service}, {@code environment} and the {@code version} that
     * answered, as the demo's router keeps them; each version served answers 20 requests a second,
     * each after its own fixed latency.
     */
    static final class RequestMetrics implements AutoCloseable {

        private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
                Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(400),
                Duration.ofMillis(500), Duration.ofSeconds(1)};

        private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        private final Map<String, Duration> versions = new ConcurrentHashMap<>();
        private final ScheduledExecutorService requests = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "router-requests");
            thread.setDaemon(true);
            return thread;
        });
        private final HttpServer server;

        RequestMetrics() {
            registry.config().commonTags("service", "shop", "environment", "production");
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException("the router's metrics could not be served", e);
            }
            server.createContext("/metrics", this::scrape);
            server.start();
            requests.scheduleAtFixedRate(() -> versions.forEach(this::record), 0, 50, TimeUnit.MILLISECONDS);
        }

        /** from now on, {@code version} answers requests, each after {@code latency} */
        RequestMetrics serving(String version, Duration latency) {
            record(version, latency);
            versions.put(version, latency);
            return this;
        }

        String hostPort() {
            return "127.0.0.1:" + server.getAddress().getPort();
        }

        private void record(String version, Duration latency) {
            Timer.builder("http.server.requests")
                    .serviceLevelObjectives(BUCKETS)
                    .tag("version", version)
                    .tag("uri", "/api/quiz")
                    .tag("status", "200")
                    .register(registry)
                    .record(latency);
        }

        private void scrape(HttpExchange exchange) throws IOException {
            try (exchange) {
                byte[] text = registry.scrape().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                exchange.sendResponseHeaders(200, text.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(text);
                }
            }
        }

        @Override
        public void close() {
            requests.shutdownNow();
            server.stop(0);
        }
    }
}
