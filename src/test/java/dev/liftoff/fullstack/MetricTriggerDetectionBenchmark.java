package dev.liftoff.fullstack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.analysis.PrometheusServer;
import dev.liftoff.demo.DemoPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo's error-rate analysis as a rollback trigger, against a real Prometheus scraping every
 * second: measured every 5 s, firing at the first failed measurement, over a 5 s rate. Goal: the
 * median within interval + scrape + 1 s.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:detection-bench-${random.uuid};DB_CLOSE_DELAY=-1",
        "liftoff.demo.free-ports=true",
        "liftoff.services.study-api.environments.staging.monitoring.phases[0].every=1s",
        "liftoff.services.study-api.environments.staging.monitoring.phases[0].for=1s",
        // ticks far apart: the trigger alone detects
        "liftoff.services.study-api.environments.production.monitoring.phases[0].every=5m",
        "liftoff.services.study-api.environments.production.monitoring.phases[0].for=10m",
        "liftoff.services.study-api.analyses.error-rate.interval=5s",
        "liftoff.services.study-api.analyses.error-rate.sustained-for=0s",
        "liftoff.services.study-api.analyses.error-rate.query=(sum(rate(http_server_requests_seconds_count{service=\"{{service}}\","
                + "environment=\"{{environment}}\",outcome=\"SERVER_ERROR\"}[5s])) or vector(0)) / sum(rate(http_server_requests_seconds_count"
                + "{service=\"{{service}}\",environment=\"{{environment}}\"}[5s]))",
        "liftoff.services.study-api.analyses.p95-latency.enabled=false",
        "liftoff.demo.traffic-per-second=20"})
// latency targets a busy machine cannot break before the fault starts
@ContextConfiguration(initializers = RelaxedDemoLatency.class)
@ActiveProfiles("demo")
class MetricTriggerDetectionBenchmark extends DetectionBenchmark {

    static final Duration SCRAPE = Duration.ofSeconds(1);
    static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final int STAGING_PORT = freePort();
    private static final int PRODUCTION_PORT = freePort();
    static PrometheusServer prometheus;

    /** before the application: the demo reads the URL while its environment is prepared */
    @BeforeAll
    static void startPrometheus() {
        PrometheusServer.assumeInstalled();
        prometheus = PrometheusServer.scraping(SCRAPE, PrometheusServer.Target.at("127.0.0.1:" + STAGING_PORT),
                PrometheusServer.Target.at("127.0.0.1:" + PRODUCTION_PORT));
        System.setProperty(DemoPorts.PROMETHEUS_URL, prometheus.uri().toString());
    }

    @DynamicPropertySource
    static void scrapedPorts(DynamicPropertyRegistry registry) {
        registry.add(DemoPorts.STAGING_PORT, () -> STAGING_PORT);
        registry.add(DemoPorts.PRODUCTION_PORT, () -> PRODUCTION_PORT);
    }

    @AfterAll
    static void stopPrometheus() {
        System.clearProperty(DemoPorts.PROMETHEUS_URL);
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Override
    String detector() {
        return "metric trigger (Prometheus, scrape 1 s, interval 5 s, rate over 5 s)";
    }

    @Override
    Duration cadence() {
        return INTERVAL;
    }

    @Override
    void awaitWatching(ReleaseDriver driver, String release) {
        LiftoffClient.await("the error-rate trigger of " + release + " to watch", Duration.ofSeconds(120), () -> {
            JsonNode triggers = driver.variable(release, "productionMetricTriggers");
            return "watching".equals(triggers.at("/error-rate/state").asText()) ? true : null;
        });
    }

    @Override
    Path output() {
        return Path.of(System.getProperty("liftoff.bench.detection-output", "target/bench") , "detection-metric.md");
    }

    @Override
    Long goalMs() {
        return INTERVAL.plus(SCRAPE).plusSeconds(1).toMillis();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
