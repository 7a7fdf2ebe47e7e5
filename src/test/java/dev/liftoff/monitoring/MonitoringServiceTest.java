package dev.liftoff.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.liftoff.analysis.ReleaseLabels;
import dev.liftoff.config.AdminProperties;
import dev.liftoff.config.DeployTargetConfig;
import dev.liftoff.config.EnvironmentConfig;
import dev.liftoff.config.ErrorRateTrigger;
import dev.liftoff.config.LatencyCheck;
import dev.liftoff.config.LatencyDegradationTrigger;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.MonitoringConfig;
import dev.liftoff.config.MonitoringPhase;
import dev.liftoff.config.RollbackTriggers;
import dev.liftoff.config.ServiceConfig;
import dev.liftoff.config.VerificationSettings;
import dev.liftoff.verification.VerificationService;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Monitoring ticks against a real HTTP server on loopback: the production of "radar", whose
 * version endpoint answers after a configurable delay and whose probe endpoint fails every
 * {@code failEvery}-th request.
 */
class MonitoringServiceTest {

    private static final String COMMIT = "abc1234";
    private static final ReleaseLabels RELEASE = new ReleaseLabels("radar", "production", "1.0.0", COMMIT);
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private HttpServer production;
    private final AtomicLong versionDelayMs = new AtomicLong(2);
    private final AtomicInteger failEvery = new AtomicInteger(0);
    private final AtomicInteger probes = new AtomicInteger();
    private volatile String deployedCommit = COMMIT;
    private MonitoringService monitoring;

    @BeforeEach
    void startProduction() throws IOException {
        production = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        production.setExecutor(Executors.newCachedThreadPool());
        production.createContext("/health", exchange -> reply(exchange, 200, "{\"status\":\"UP\"}"));
        production.createContext("/version", exchange -> {
            sleep(versionDelayMs.get());
            reply(exchange, 200, "{\"commit\":\"" + deployedCommit + "\",\"version\":\"2.0.0\"}");
        });
        production.createContext("/probe", exchange -> {
            int every = failEvery.get();
            boolean fails = every > 0 && probes.incrementAndGet() % every == 0;
            reply(exchange, fails ? 503 : 200, fails ? "{\"error\":\"overloaded\"}" : "{}");
        });
        production.start();
        URI baseUrl = URI.create("http://127.0.0.1:" + production.getAddress().getPort());
        EnvironmentConfig environment = new EnvironmentConfig(baseUrl, null, null, deploy(), null,
                new MonitoringConfig(List.of(new MonitoringPhase(Duration.ofMinutes(15), Duration.ofHours(1)))),
                new RollbackTriggers(new ErrorRateTrigger(5, Duration.ofMinutes(5), "/probe", 20, Duration.ofSeconds(30)),
                        new LatencyDegradationTrigger(50, Duration.ofMillis(5))));
        ServiceConfig radar = new ServiceConfig(Map.of("staging", environment, "production", environment), List.of(),
                List.of(new LatencyCheck("Version", "GET", "/version", null, null, 20, 2, null, null, Duration.ofSeconds(2))),
                null, null, new VerificationSettings(4, Duration.ofSeconds(2), Duration.ofSeconds(20), 500, false), null, null);
        LiftoffProperties properties = new LiftoffProperties(new AdminProperties("admin", "admin"), Map.of("radar", radar));
        monitoring = new MonitoringService(properties, new VerificationService(properties));
    }

    @AfterEach
    void stopProduction() {
        production.stop(0);
    }

    @Test
    void aHealthyTickPassesAndKeepsCountsNotBodies() {
        TickOutcome tick = monitoring.tick(RELEASE, null, Map.of(), Map.of(), NOW);

        assertThat(tick.stops()).isFalse();
        assertThat(tick.probing()).isFalse();
        assertThat(tick.record()).containsEntry("passed", true).containsEntry("at", "2026-11-22T10:00:00Z")
                .containsEntry("failed", List.of())
                .containsEntry("errorRate", "error rate 0.0 % (0 of 20 requests failed; threshold 5 %)");
        assertThat((int) tick.record().get("checks")).isEqualTo(3);
    }

    @Test
    void aFailedCheckStopsTheWindowAtOnceNamingTheCheck() {
        deployedCommit = "fff0000";

        TickOutcome tick = monitoring.tick(RELEASE, null, Map.of(), Map.of(), NOW);

        assertThat(tick.stops()).isTrue();
        assertThat(tick.stopReason()).startsWith("verification failed: 2/3 passed — ").contains("fff0000");
        assertThat(tick.record()).containsEntry("passed", false);
        assertThat((List<?>) tick.record().get("failed")).hasSize(1);
    }

    @Test
    void anErrorRateAboveTheThresholdProbesOnAndRollsBackOnlyWhenSustained() {
        failEvery.set(4);

        TickOutcome first = monitoring.tick(RELEASE, null, Map.of(), Map.of(), NOW);
        assertThat(first.stops()).isFalse();
        assertThat(first.probing()).isTrue();
        assertThat(first.errorRateAboveSince()).isEqualTo(NOW);
        assertThat(monitoring.nextTick("radar", "production", NOW, NOW, true)).contains(NOW.plusSeconds(30));

        Instant later = NOW.plus(Duration.ofMinutes(5));
        TickOutcome sustained = monitoring.tick(RELEASE, first.errorRateAboveSince(), Map.of(), Map.of(), later);
        assertThat(sustained.stops()).isTrue();
        assertThat(sustained.stopReason())
                .isEqualTo("error rate 25.0 % (5 of 20 requests failed; threshold 5 %), above the threshold for 5m (limit 5m)");
    }

    @Test
    void anErrorRateThatFallsBackEndsTheProbing() {
        TickOutcome recovered = monitoring.tick(RELEASE, NOW, Map.of(), Map.of(), NOW.plusSeconds(60));

        assertThat(recovered.stops()).isFalse();
        assertThat(recovered.probing()).isFalse();
        assertThat((String) recovered.record().get("errorRate")).endsWith("back below the threshold after 1m");
    }

    @Test
    void latencyWorseThanTheBaselineBeforeTheDeployRollsBack() {
        assertThat(monitoring.comparesLatency("radar", "production")).isTrue();
        Map<String, Long> baseline = monitoring.latencyBaseline("radar", "production");
        assertThat(baseline).containsOnlyKeys("Version: latency");
        assertThat(baseline.get("Version: latency")).isBetween(1_000L, 150_000L);

        versionDelayMs.set(200);
        TickOutcome tick = monitoring.tick(RELEASE, null, baseline, Map.of(), NOW);

        assertThat(tick.stops()).isTrue();
        assertThat(tick.stopReason()).startsWith("latency degraded: Version: latency p95 2").contains("before the release");
    }

    @Test
    void latencyWithinTheLimitOfTheBaselinePasses() {
        versionDelayMs.set(100);
        Map<String, Long> baseline = monitoring.latencyBaseline("radar", "production");

        TickOutcome tick = monitoring.tick(RELEASE, null, baseline, Map.of(), NOW);

        assertThat(tick.stops()).as(tick.stopReason()).isFalse();
        assertThat(tick.record()).containsEntry("latencyAgainstBaseline", "within +50 % of the baseline");
    }

    private static DeployTargetConfig deploy() {
        return new DeployTargetConfig(DeployTargetConfig.Type.WEBHOOK,
                new DeployTargetConfig.Webhook(URI.create("http://127.0.0.1:9/deploy"), null, null), null);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
