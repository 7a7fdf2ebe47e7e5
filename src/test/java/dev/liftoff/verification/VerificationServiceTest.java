package dev.liftoff.verification;

import static dev.liftoff.verification.Configs.SERVICE;
import static dev.liftoff.verification.Configs.STAGING;
import static dev.liftoff.verification.Configs.bodyContains;
import static dev.liftoff.verification.Configs.get;
import static dev.liftoff.verification.Configs.header;
import static dev.liftoff.verification.Configs.json;
import static dev.liftoff.verification.Configs.maxLatency;
import static dev.liftoff.verification.Configs.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.liftoff.config.HealthEndpoint;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.SmokeCheck;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VerificationServiceTest {

    private static final String COMMIT = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";

    private final FakeEnvironment staging = FakeEnvironment.start()
            .json("/health", 200, "{\"status\": \"UP\"}")
            .json("/version", 200, "{\"version\": \"2026.11.0\", \"commit\": \"" + COMMIT + "\"}");

    @AfterEach
    void stop() {
        staging.close();
    }

    @Test
    void healthPassesOn200WithTheExpectedStatus() {
        CheckResult health = service(List.of()).health(SERVICE, STAGING);

        assertThat(health).extracting(CheckResult::name, CheckResult::passed, CheckResult::expected, CheckResult::actual)
                .containsExactly("health", true, "status 200, /status = UP", "status 200, /status = UP");
    }

    @Test
    void healthFailsOnAnotherHttpStatus() {
        staging.json("/health", 503, "{\"status\": \"UP\"}");

        CheckResult health = service(List.of()).health(SERVICE, STAGING);

        assertThat(health.passed()).isFalse();
        assertThat(health.actual()).isEqualTo("status 503, /status = UP, body: {\"status\": \"UP\"}");
    }

    @Test
    void healthFailsOnAnotherStatusAtThePointer() {
        staging.json("/health", 200, "{\"status\": \"DOWN\"}");

        CheckResult health = service(List.of()).health(SERVICE, STAGING);

        assertThat(health.passed()).isFalse();
        assertThat(health.actual()).isEqualTo("status 200, /status = DOWN, body: {\"status\": \"DOWN\"}");
    }

    @Test
    void healthFailsOnABodyThatIsNotJson() {
        staging.on("/health", exchange -> FakeEnvironment.reply(exchange, 200, "text/html", "<h1>It works</h1>"));

        CheckResult health = service(List.of()).health(SERVICE, STAGING);

        assertThat(health.passed()).isFalse();
        assertThat(health.actual()).isEqualTo("status 200, body is not JSON: <h1>It works</h1>");
    }

    @Test
    void healthWithoutStatusPointerNeedsOnly200() {
        staging.on("/healthz", exchange -> FakeEnvironment.reply(exchange, 200, "text/plain", "ok"));
        HealthEndpoint plain = new HealthEndpoint("/healthz", "", null);
        LiftoffProperties properties = Configs.properties(Configs.environment(staging.baseUrl(), plain, Duration.ofSeconds(5)), List.of());

        CheckResult health = new VerificationService(properties).health(SERVICE, STAGING);

        assertThat(health).extracting(CheckResult::passed, CheckResult::expected, CheckResult::actual)
                .containsExactly(true, "status 200", "status 200");
    }

    @Test
    void healthOfAnUnreachableEnvironmentFails() throws Exception {
        CheckResult health = service(FakeEnvironment.closedPort(), List.of()).health(SERVICE, STAGING);

        assertThat(health.passed()).isFalse();
        assertThat(health.actual()).isEqualTo("unreachable: connection refused");
    }

    @Test
    void currentVersionReadsThePointers() {
        assertThat(service(List.of()).currentVersion(SERVICE, STAGING)).contains(new DeployedVersion("2026.11.0", COMMIT));
    }

    @Test
    void currentVersionIsEmptyWhenItCannotBeRead() throws Exception {
        staging.on("/version", exchange -> FakeEnvironment.reply(exchange, 200, "text/html", "<h1>maintenance</h1>"));
        assertThat(service(List.of()).currentVersion(SERVICE, STAGING)).isEmpty();

        staging.json("/version", 503, "{\"version\": \"2026.11.0\", \"commit\": \"" + COMMIT + "\"}");
        assertThat(service(List.of()).currentVersion(SERVICE, STAGING)).isEmpty();

        assertThat(service(FakeEnvironment.closedPort(), List.of()).currentVersion(SERVICE, STAGING)).isEmpty();
    }

    @Test
    void verifiesHealthCommitAndEverySmokeExpectationInConfigOrder() {
        staging.on("/api/score", exchange -> {
            exchange.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
            FakeEnvironment.reply(exchange, 200, "application/json", "{\"score\": 87, \"grade\": \"B\"}");
        });
        staging.json("/api/daily/next", 200, "{\"id\": \"d-42\"}");
        List<SmokeCheck> smoke = List.of(
                new SmokeCheck("score", "POST", "/api/score", Map.of(), "{\"answer\": 42}", List.of(
                        status("2xx"), json("/score", null, null, null, BigDecimal.ZERO, new BigDecimal("100")),
                        json("/grade", null, null, "[A-F]", null, null), header("X-Content-Type-Options", "nosniff", null),
                        bodyContains("grade"), maxLatency(Duration.ofSeconds(1)))),
                get("daily/next", "/api/daily/next", status("200"), json("/id")));

        VerificationReport report = service(smoke).verify(SERVICE, STAGING, "0A1B2C3");

        assertThat(report.checks()).extracting(CheckResult::name, CheckResult::passed).containsExactly(
                tuple("health", true),
                tuple("deployed commit", true),
                tuple("score: status", true),
                tuple("score: /score >= 0 and <= 100", true),
                tuple("score: /grade matches [A-F]", true),
                tuple("score: header X-Content-Type-Options = nosniff", true),
                tuple("score: body contains \"grade\"", true),
                tuple("score: latency <= PT1S", true),
                tuple("daily/next: status", true),
                tuple("daily/next: /id", true));
        assertThat(report.checks().get(1)).extracting(CheckResult::expected, CheckResult::actual)
                .containsExactly("0A1B2C3", "commit " + COMMIT + " (version 2026.11.0)");
        assertThat(report.environment()).isEqualTo(STAGING);
        assertThat(report.passed()).isTrue();
        assertThat(report.summary()).isEqualTo("10/10 passed");
    }

    @Test
    void aMisbehavingEnvironmentFailsTheVerification() {
        staging.json("/api/score", 500, "");
        staging.json("/api/daily/next", 503, "");
        List<SmokeCheck> smoke = List.of(get("score", "/api/score", status("200")), get("daily/next", "/api/daily/next", status("200")));

        VerificationReport report = service(smoke).verify(SERVICE, STAGING, "ffffffff");

        assertThat(report.passed()).isFalse();
        assertThat(report.summary()).isEqualTo("1/4 passed — deployed commit: commit " + COMMIT + " (version 2026.11.0) (expected ffffffff); "
                + "score: status: status 500 (expected 200); daily/next: status: status 503 (expected 200)");
    }

    @Test
    void aVersionWithoutCommitFailsTheCommitCheck() {
        staging.json("/version", 200, "{\"version\": \"2026.11.0\"}");

        CheckResult commit = service(List.of()).verify(SERVICE, STAGING, COMMIT).checks().get(1);

        assertThat(commit).extracting(CheckResult::name, CheckResult::passed, CheckResult::expected, CheckResult::actual)
                .containsExactly("deployed commit", false, COMMIT, "status 200, no commit at /commit, body: {\"version\": \"2026.11.0\"}");
    }

    @Test
    void anUnreachableEnvironmentFailsEveryCheckWithTheReason() throws Exception {
        List<SmokeCheck> smoke = List.of(get("score", "/api/score", status("200"), json("/score")));

        VerificationReport report = service(FakeEnvironment.closedPort(), smoke).verify(SERVICE, STAGING, COMMIT);

        assertThat(report.passed()).isFalse();
        assertThat(report.checks()).hasSize(4).allSatisfy(check -> {
            assertThat(check.passed()).isFalse();
            assertThat(check.actual()).isEqualTo("unreachable: connection refused");
        });
    }

    @Test
    void aFailedCheckKeepsAtMost2KbOfTheBody() {
        staging.on("/api/generate", exchange -> FakeEnvironment.reply(exchange, 500, "text/plain", "é".repeat(5000)));

        VerificationReport report = service(List.of(get("generate", "/api/generate", status("200")))).verify(SERVICE, STAGING, COMMIT);

        String actual = report.checks().get(2).actual();
        assertThat(actual).startsWith("status 500, body: éé").endsWith("…");
        assertThat(actual.substring("status 500, body: ".length()).getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(2048);
    }

    @Test
    void aHugeBodyIsReadOnlyUpToOneMebibyte() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicLong sent = new AtomicLong();
        staging.on("/api/export", exchange -> TargetHttpTest.streamBody(exchange, 50L * 1024 * 1024, sent, stopped));
        List<SmokeCheck> smoke = List.of(get("export", "/api/export", status("200"), json("/0"), bodyContains("the end")));

        VerificationReport report = service(smoke).verify(SERVICE, STAGING, COMMIT);

        assertThat(report.checks().subList(2, 5)).extracting(CheckResult::name, CheckResult::passed).containsExactly(
                tuple("export: status", true), tuple("export: /0", false), tuple("export: body contains \"the end\"", false));
        String json = report.checks().get(3).actual();
        String bodyContains = report.checks().get(4).actual();
        assertThat(json).startsWith("status 200, body not read as JSON (body cut at 1 MiB), body: [1,2,3");
        assertThat(bodyContains).startsWith("status 200, not found, body: [1,2,3").endsWith(" (body cut at 1 MiB)");
        String excerpt = bodyContains.substring("status 200, not found, body: ".length(), bodyContains.length() - " (body cut at 1 MiB)".length());
        assertThat(excerpt.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(2048);
        assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sent.get()).isLessThan(20L * 1024 * 1024);
    }

    @Test
    void aRedirectToAnotherHostIsNotFollowed() {
        staging.on("/api/daily/next", exchange -> {
            exchange.getResponseHeaders().add("Location", "https://sso.other.example/login?next=/api/daily/next");
            FakeEnvironment.reply(exchange, 302, "text/plain", "");
        });

        VerificationReport report = service(List.of(get("daily/next", "/api/daily/next", status("200"), json("/id"))))
                .verify(SERVICE, STAGING, COMMIT);

        assertThat(report.checks().subList(2, 4)).extracting(CheckResult::passed, CheckResult::actual).containsExactly(
                tuple(false, "status 302, redirect to https://sso.other.example/login?next=/api/daily/next not followed"),
                tuple(false, "status 302, redirect to https://sso.other.example/login?next=/api/daily/next not followed, "
                        + "body is not JSON: (empty)"));
        assertThat(staging.hits("/api/daily/next")).isEqualTo(1);
    }

    @Test
    void reportsEveryKindOfCheckInItsPlace() {
        staging.on("/api/score", exchange -> {
            exchange.getResponseHeaders().add("X-Frame-Options", "DENY");
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "POST");
            FakeEnvironment.reply(exchange, 200, "application/json", "{\"score\": 1}");
        });
        LiftoffProperties properties = Configs.service(staging.baseUrl())
                .smoke(get("score", "/api/score", status("200"), json("/score")), get("score again", "/api/score", status("200")))
                .latency(Configs.latency("Scoring", "/api/score", 3, 1, Duration.ofSeconds(2), null, null),
                        Configs.latency("Scoring twice", "/api/score", 2, 2, null, null, Duration.ofSeconds(2)))
                .securityHeaders(Configs.securityHeaders(null, "X-Frame-Options", "DENY", "X-Content-Type-Options", ""))
                .cors(Configs.cors("/api/score", "https://study.example.com", "POST"))
                .properties();

        VerificationReport report = new VerificationService(properties).verify(SERVICE, STAGING, COMMIT);

        assertThat(report.checks()).extracting(CheckResult::name, CheckResult::passed).containsExactly(
                tuple("health", true),
                tuple("deployed commit", true),
                tuple("score: status", true),
                tuple("score: /score", true),
                tuple("score again: status", true),
                tuple("security header X-Frame-Options", true),
                tuple("security header X-Content-Type-Options", false),
                tuple("CORS preflight POST /api/score", true),
                tuple("Scoring: latency", true),
                tuple("Scoring twice: latency", true));
        assertThat(report.summary()).isEqualTo("9/10 passed — security header X-Content-Type-Options: "
                + "missing on score (GET /api/score), score again (GET /api/score) (expected present)");
    }

    @Test
    void smokeRequestsRunConcurrently() {
        List<SmokeCheck> smoke = List.of("/a", "/b", "/c", "/d").stream()
                .peek(path -> staging.on(path, exchange -> {
                    TargetHttpTest.sleep(300);
                    FakeEnvironment.reply(exchange, 200, "text/plain", "ok");
                }))
                .map(path -> get(path.substring(1), path, status("200")))
                .toList();

        VerificationReport report = service(smoke).verify(SERVICE, STAGING, COMMIT);

        assertThat(report.passed()).isTrue();
        assertThat(report.checks()).extracting(CheckResult::name).endsWith("a: status", "b: status", "c: status", "d: status");
        assertThat(report.durationMs()).isBetween(300L, 999L);
    }

    @Test
    void aSmokePathThatLeavesTheEnvironmentIsRefused() {
        VerificationService service = service(List.of(get("escape", "//evil.example/x", status("200"))));

        assertThatThrownBy(() -> service.verify(SERVICE, STAGING, COMMIT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("//evil.example/x");
        assertThat(staging.hits("/evil.example/x") + staging.hits("//evil.example/x")).isZero();
    }

    @Test
    void anUnknownServiceOrEnvironmentIsLiftoffsFault() {
        VerificationService service = service(List.of());

        assertThatThrownBy(() -> service.verify("billing", STAGING, COMMIT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("billing");
        assertThatThrownBy(() -> service.health(SERVICE, "qa"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("qa");
    }

    @Test
    void theReportBecomesTheVerificationVariable() {
        Map<String, Object> map = service(List.of()).verify(SERVICE, STAGING, COMMIT).toMap();

        assertThat(map).containsOnlyKeys("environment", "passed", "durationMs", "summary", "checks");
        assertThat((List<?>) map.get("checks")).hasSize(2).allSatisfy(check ->
                assertThat((Map<String, ?>) check).containsOnlyKeys("name", "passed", "result", "expected", "actual", "durationMs"));
    }

    private VerificationService service(List<SmokeCheck> smoke) {
        return service(staging.baseUrl(), smoke);
    }

    private static VerificationService service(URI baseUrl, List<SmokeCheck> smoke) {
        return new VerificationService(Configs.properties(baseUrl, smoke));
    }
}
