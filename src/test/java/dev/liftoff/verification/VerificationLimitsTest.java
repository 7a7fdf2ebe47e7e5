package dev.liftoff.verification;

import static dev.liftoff.verification.Configs.SERVICE;
import static dev.liftoff.verification.Configs.STAGING;
import static dev.liftoff.verification.Configs.cors;
import static dev.liftoff.verification.Configs.get;
import static dev.liftoff.verification.Configs.json;
import static dev.liftoff.verification.Configs.latency;
import static dev.liftoff.verification.Configs.post;
import static dev.liftoff.verification.Configs.securityHeaders;
import static dev.liftoff.verification.Configs.settings;
import static dev.liftoff.verification.Configs.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.liftoff.config.SmokeCheck;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The limits a service sets on its verification: parallelism, request timeout, deadline, rate, HTTP version. */
class VerificationLimitsTest {

    private static final String COMMIT = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";

    private final FakeEnvironment staging = FakeEnvironment.start().deployed(COMMIT);

    @AfterEach
    void stop() {
        staging.close();
    }

    @Test
    void neverMoreRequestsInFlightThanTheParallelism() {
        List<SmokeCheck> smoke = IntStream.range(0, 6).mapToObj(i -> {
            staging.slow("/api/" + i, 300);
            return get("call " + i, "/api/" + i, status("200"));
        }).toList();

        VerificationReport report = Configs.service(staging.baseUrl()).smoke(smoke)
                .settings(settings(2, Duration.ofSeconds(2), null, 0, false))
                .verificationService().verify(SERVICE, STAGING, COMMIT);

        assertThat(report.passed()).isTrue();
        assertThat(staging.mostInFlight()).isEqualTo(2);
        // three rounds of two
        assertThat(report.durationMs()).isGreaterThanOrEqualTo(900);
    }

    @Test
    void aSlowRequestTimesOutAfterTheRequestTimeout() {
        staging.slow("/api/generate", 3000);

        long start = System.nanoTime();
        VerificationReport report = Configs.service(staging.baseUrl()).smoke(get("generate", "/api/generate", status("200")))
                .settings(settings(0, Duration.ofMillis(300), Duration.ofSeconds(10), 0, false))
                .verificationService().verify(SERVICE, STAGING, COMMIT);

        assertThat(report.checks().get(2)).extracting(CheckResult::passed, CheckResult::actual)
                .containsExactly(false, "unreachable: timed out after 300 ms");
        // tried twice, 300 ms each, nowhere near the 3 s the environment would take
        assertThat(millisSince(start)).isLessThan(2500);
    }

    @Test
    void checksNotDoneByTheDeadlineFailAndVerifyReturnsAtTheDeadline() {
        List<SmokeCheck> smoke = IntStream.range(0, 12).mapToObj(i -> {
            staging.slow("/api/" + i, 5000);
            return get("call " + i, "/api/" + i, status("200"), json("/ok"));
        }).toList();
        staging.slow("/api/version", 5000);

        long start = System.nanoTime();
        VerificationReport report = Configs.service(staging.baseUrl()).smoke(smoke)
                .securityHeaders(securityHeaders(null, "X-Frame-Options", "DENY"))
                .cors(cors("/api/version", "https://study.example.com", "GET"))
                .latency(latency("Version", "/api/version", 5, 1, Duration.ofMillis(100), null, null))
                .settings(settings(4, Duration.ofSeconds(1), Duration.ofMillis(1500), 0, false))
                .verificationService().verify(SERVICE, STAGING, COMMIT);

        long elapsed = millisSince(start);
        assertThat(elapsed).isBetween(1400L, 3500L);
        assertThat(report.passed()).isFalse();
        assertThat(report.checks().subList(0, 2)).extracting(CheckResult::passed).containsOnly(true);
        List<CheckResult> cutShort = report.checks().subList(2, report.checks().size());
        assertThat(cutShort).hasSize(12 * 2 + 3).allSatisfy(check -> {
            assertThat(check.passed()).isFalse();
            assertThat(check.actual()).isEqualTo("not finished within the verification deadline PT1.5S");
        });
        assertThat(cutShort).extracting(CheckResult::name).endsWith(
                "security header X-Frame-Options", "CORS preflight GET /api/version", "Version: latency");
    }

    @Test
    void aHangingHealthEndpointCostsTheDeadlineAndNothingIsSentAfterIt() {
        staging.slow("/health", 5000);
        staging.json("/api/score", 200, "{}");

        long start = System.nanoTime();
        VerificationReport report = Configs.service(staging.baseUrl())
                .smoke(get("score", "/api/score", status("200")))
                .latency(latency("Scoring", "/api/score", 5, 1, Duration.ofMillis(100), null, null))
                .settings(settings(0, Duration.ofMillis(800), Duration.ofSeconds(1), 0, false))
                .verificationService().verify(SERVICE, STAGING, COMMIT);

        assertThat(millisSince(start)).isBetween(900L, 3000L);
        assertThat(report.checks()).extracting(CheckResult::name, CheckResult::actual).containsExactly(
                tuple("health", "not finished within the verification deadline PT1S"),
                tuple("deployed commit", "not finished within the verification deadline PT1S"),
                tuple("score: status", "not finished within the verification deadline PT1S"),
                tuple("Scoring: latency", "not finished within the verification deadline PT1S"));
        assertThat(staging.hits("/version") + staging.hits("/api/score")).isZero();
    }

    @Test
    void neverMoreRequestsPerSecondThanAllowed() {
        staging.json("/api/version", 200, "{}");

        long start = System.nanoTime();
        VerificationReport report = Configs.service(staging.baseUrl())
                .latency(latency("Version", "/api/version", 60, 8, Duration.ofSeconds(5), null, null))
                .settings(settings(8, Duration.ofSeconds(2), Duration.ofSeconds(30), 20, false))
                .verificationService().verify(SERVICE, STAGING, COMMIT);

        assertThat(report.passed()).isTrue();
        assertThat(staging.arrivals()).hasSize(62);
        // 62 requests 50 ms apart take about 3 s
        assertThat(millisSince(start)).isGreaterThanOrEqualTo(2000);
        assertThat(RequestWindows.most(staging.arrivals())).isLessThanOrEqualTo(20 + 2);
    }

    @Test
    void http2DoesNotBreakAnHttp11OnlyEnvironment() {
        Set<String> protocols = ConcurrentHashMap.newKeySet();
        staging.on("/api/score", exchange -> {
            protocols.add(exchange.getProtocol());
            FakeEnvironment.reply(exchange, 200, "application/json", "{\"echo\": "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) + "}");
        });
        Set<String> upgrades = ConcurrentHashMap.newKeySet();
        staging.on("/api/daily/next", exchange -> {
            upgrades.addAll(exchange.getRequestHeaders().getOrDefault("Upgrade", List.of()));
            FakeEnvironment.reply(exchange, 200, "application/json", "{\"id\": \"d-1\"}");
        });

        VerificationReport report = Configs.service(staging.baseUrl())
                .smoke(post("score", "/api/score", "{\"answer\": 42}", status("200"), json("/echo/answer", "42", null, null, null, null)),
                        get("daily/next", "/api/daily/next", status("200"), json("/id")))
                .latency(latency("Daily question", "/api/daily/next", 5, 2, Duration.ofSeconds(2), null, null))
                .settings(settings(0, Duration.ofSeconds(2), null, 0, true))
                .verificationService().verify(SERVICE, STAGING, COMMIT);

        assertThat(report.checks()).allSatisfy(check -> assertThat(check.passed()).as(check.toString()).isTrue());
        assertThat(protocols).containsExactly("HTTP/1.1");
        assertThat(upgrades).as("HTTP/2 was offered").containsExactly("h2c");
    }

    @Test
    void aRefusedConnectionFailsEveryKindOfCheck() throws Exception {
        URI closed = FakeEnvironment.closedPort();

        VerificationReport report = Configs.service(closed)
                .smoke(get("score", "/api/score", status("200")))
                .securityHeaders(securityHeaders(null, "X-Frame-Options", ""))
                .cors(cors("/api/score", "https://study.example.com", "POST"))
                .latency(latency("Answer scoring", "/api/score", 2, 1, Duration.ofMillis(500), null, null))
                .verificationService().verify(SERVICE, STAGING, COMMIT);

        assertThat(report.checks()).extracting(CheckResult::name, CheckResult::passed, CheckResult::actual).containsExactly(
                tuple("health", false, "unreachable: connection refused"),
                tuple("deployed commit", false, "unreachable: connection refused"),
                tuple("score: status", false, "unreachable: connection refused"),
                tuple("security header X-Frame-Options", false, "no answer from score (GET /api/score)"),
                tuple("CORS preflight POST /api/score", false, "unreachable: connection refused"),
                tuple("Answer scoring: latency", false, report.checks().get(5).actual()));
        assertThat(report.checks().get(5).actual()).endsWith(" over 2 samples; 2 failed: unreachable: connection refused");
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
