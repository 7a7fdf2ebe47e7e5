package dev.liftoff.canary;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.liftoff.analysis.ReleaseLabels;
import dev.liftoff.config.AdminProperties;
import dev.liftoff.config.CanaryComparisonConfig;
import dev.liftoff.config.CanaryConfig;
import dev.liftoff.config.CanaryStep;
import dev.liftoff.config.DeployStrategy;
import dev.liftoff.config.DeployTargetConfig;
import dev.liftoff.config.EnvironmentConfig;
import dev.liftoff.config.LatencyCheck;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.ServiceConfig;
import dev.liftoff.verification.CheckResult;
import dev.liftoff.verification.VerificationReport;
import dev.liftoff.verification.VerificationService;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The analysis step against two real HTTP servers on loopback, one playing the stable version and
 * one the canary: the same requests reach both side by side, and only a real difference fails.
 */
class CanaryAnalysisTest {

    private static final String COMMIT = "c0ffee1234";
    private static final Duration LASTING = Duration.ofSeconds(3);

    private Slot stable;
    private Slot canary;

    @AfterEach
    void stop() {
        stable.close();
        canary.close();
    }

    @Test
    void aCanaryLikeTheStableVersionPassesAndTheStepTakesItsTimeAndNoMore() {
        stable = Slot.start("1.0.0", 0, 0);
        canary = Slot.start("2.0.0", 0, 0);

        VerificationReport report = analysis().analyze(release(), null, LASTING);

        assertThat(report.passed()).as(report.summary()).isTrue();
        assertThat(report.durationMs()).isBetween(LASTING.toMillis(), LASTING.toMillis() + 1000);
        CheckResult latency = check(report, "compared with stable: Quiz latency");
        assertThat(latency.analysis().get("verdict")).isEqualTo("passed");
        assertThat(((Map<?, ?>) latency.analysis().get("canary")).get("count")).isEqualTo(((Map<?, ?>) latency.analysis().get("stable")).get("count"));
        // 20 pairs a second for 3 s, side by side: each side got the same requests, within the pace; the
        // canary also got the 10 samples of its latency check
        assertThat(stable.quizRequests()).isBetween(50, 61);
        assertThat(canary.quizRequests()).isEqualTo(stable.quizRequests() + 10);
    }

    @Test
    void aSlowerCanaryFailsNamingTheComparisonWhileItsAbsoluteTargetStillPasses() {
        stable = Slot.start("1.0.0", 5, 0);
        canary = Slot.start("2.0.0", 45, 0);

        VerificationReport report = analysis().analyze(release(), null, LASTING);

        assertThat(report.passed()).isFalse();
        assertThat(report.summary()).contains("compared with stable: Quiz latency").contains("slower with p = 0.0000");
        assertThat(check(report, "Quiz: latency").passed()).as("the p95 target of 500 ms still holds").isTrue();
        assertThat(check(report, "compared with stable: error rate").passed()).isTrue();
    }

    @Test
    void aCanaryWithMoreErrorsFailsTheErrorComparison() {
        stable = Slot.start("1.0.0", 0, 0);
        canary = Slot.start("2.0.0", 0, 4);

        VerificationReport report = analysis().analyze(release(), null, LASTING);

        CheckResult errors = check(report, "compared with stable: error rate");
        assertThat(errors.passed()).isFalse();
        assertThat(errors.actual()).startsWith("Errors: canary ").contains("more with p = ");
        assertThat(report.passed()).isFalse();
    }

    private CanaryAnalysis analysis() {
        LiftoffProperties properties = properties(canary.url(), stable.url(), LASTING, 20);
        return new CanaryAnalysis(new VerificationService(properties), new CanarySteps(properties));
    }

    private static ReleaseLabels release() {
        return new ReleaseLabels("quiz", "production", "2.0.0", COMMIT);
    }

    private static CheckResult check(VerificationReport report, String name) {
        return report.checks().stream().filter(check -> check.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + report.checks()));
    }

    /** the service "quiz" with one latency check, its production a canary: 10 %, then one analysis */
    static LiftoffProperties properties(URI canaryUrl, URI stableUrl, Duration analysis, int pairsPerSecond) {
        DeployTargetConfig nowhere = new DeployTargetConfig(DeployTargetConfig.Type.WEBHOOK,
                new DeployTargetConfig.Webhook(URI.create("http://127.0.0.1:9/deploy"), null, null), null);
        CanaryConfig canary = new CanaryConfig(canaryUrl, stableUrl, nowhere,
                List.of(new CanaryStep(10, null, null), new CanaryStep(null, new CanaryStep.Analyze(analysis), null)),
                new CanaryComparisonConfig(0.99, Duration.ofMillis(5), pairsPerSecond));
        EnvironmentConfig production = new EnvironmentConfig(stableUrl, null, null, nowhere, null, DeployStrategy.CANARY, null, null,
                null, null, canary);
        EnvironmentConfig staging = new EnvironmentConfig(stableUrl, null, null, nowhere, null);
        LatencyCheck quiz = new LatencyCheck("Quiz", "GET", "/api/quiz", null, null, 10, 2, null, Duration.ofMillis(500), null);
        ServiceConfig service = new ServiceConfig(Map.of("staging", staging, "production", production), List.of(), List.of(quiz), null,
                null, null, null, null);
        return new LiftoffProperties(new AdminProperties("admin", "admin"), Map.of("quiz", service));
    }

    /** one version of the service: healthy, says what it runs, answers /api/quiz after a delay, every n-th with a 500 */
    private static final class Slot implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(8);
        private final AtomicInteger quiz = new AtomicInteger();

        private Slot(String version, long delayMillis, int failEvery) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/health", exchange -> reply(exchange, 200, "{\"status\": \"UP\"}"));
            server.createContext("/version", exchange -> reply(exchange, 200,
                    "{\"version\": \"" + version + "\", \"commit\": \"" + COMMIT + "\"}"));
            server.createContext("/api/quiz", exchange -> {
                int n = quiz.incrementAndGet();
                sleep(delayMillis);
                reply(exchange, failEvery > 0 && n % failEvery == 0 ? 500 : 200, "{\"question\": \"q-1\"}");
            });
            server.setExecutor(threads);
            server.start();
        }

        static Slot start(String version, long delayMillis, int failEvery) {
            try {
                return new Slot(version, delayMillis, failEvery);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        int quizRequests() {
            return quiz.get();
        }

        private static void reply(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
