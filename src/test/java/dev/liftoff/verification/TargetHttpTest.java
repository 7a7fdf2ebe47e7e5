package dev.liftoff.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetHttpTest {

    private final FakeEnvironment environment = FakeEnvironment.start();
    private final TargetHttp http = new TargetHttp(Duration.ofMillis(300));

    @AfterEach
    void stop() {
        environment.close();
    }

    @Test
    void resolvesPathsUnderTheBaseUrlAndItsPath() {
        assertThat(TargetHttp.resolve(URI.create("https://staging.example.com"), "/api/version?full=1"))
                .isEqualTo(URI.create("https://staging.example.com/api/version?full=1"));
        assertThat(TargetHttp.resolve(URI.create("https://staging.example.com:8443/study/"), "/api/a/../version"))
                .isEqualTo(URI.create("https://staging.example.com:8443/study/api/version"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.com/x", "http://evil.com/x", "https://staging.example.com/study/x", "api/version",
        "/../admin", "/api/../../admin", "/%2e%2e/admin", "/api/%2E%2E/%2e%2e/admin", "/a b"})
    void refusesPathsThatLeaveTheBaseUrl(String path) {
        assertThatThrownBy(() -> TargetHttp.resolve(URI.create("https://staging.example.com/study"), path))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https://staging.example.com/study");
    }

    @Test
    void returnsStatusHeadersBodyAndLatency() {
        environment.on("/slow", exchange -> {
            sleep(100);
            exchange.getResponseHeaders().add("X-Frame-Options", "DENY");
            FakeEnvironment.reply(exchange, 201, "text/plain", "créé");
        });

        TargetResponse response = (TargetResponse) http.get(environment.baseUrl(), "/slow");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("x-frame-options")).contains("DENY");
        assertThat(response.body()).isEqualTo("créé");
        assertThat(response.latencyMs()).isBetween(100L, 2000L);
    }

    @Test
    void sendsMethodHeadersAndJsonBody() {
        environment.on("/api/score", exchange -> FakeEnvironment.reply(exchange, 200, "text/plain",
                exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                        + exchange.getRequestHeaders().getFirst("X-Probe") + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));

        TargetResponse response = (TargetResponse) http.send(environment.baseUrl(), "POST", "/api/score",
                Map.of("X-Probe", "liftoff"), "{\"answer\":42}");

        assertThat(response.body()).isEqualTo("POST application/json liftoff {\"answer\":42}");
    }

    @Test
    void doesNotFollowRedirects() {
        environment.on("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://example.com/");
            FakeEnvironment.reply(exchange, 302, "text/plain", "");
        });

        assertThat(http.get(environment.baseUrl(), "/moved")).isInstanceOfSatisfying(TargetResponse.class,
                response -> assertThat(response.status()).isEqualTo(302));
    }

    // POST: the JDK client repeats a GET on a dropped connection by itself, which would hide Liftoff's retry
    @Test
    void triesADroppedConnectionOnceMore() {
        AtomicInteger calls = new AtomicInteger();
        environment.on("/flaky", exchange -> {
            if (calls.incrementAndGet() == 1) {
                exchange.close();
            } else {
                FakeEnvironment.reply(exchange, 200, "text/plain", "ok");
            }
        });

        TargetOutcome outcome = http.send(environment.baseUrl(), "POST", "/flaky", Map.of(), "{}");

        assertThat(outcome).isInstanceOfSatisfying(TargetResponse.class, response -> assertThat(response.body()).isEqualTo("ok"));
        assertThat(environment.hits("/flaky")).isEqualTo(2);
    }

    @Test
    void reportsAConnectionDroppedTwiceAsUnreachable() {
        environment.on("/dropping", exchange -> exchange.close());

        TargetOutcome outcome = http.send(environment.baseUrl(), "POST", "/dropping", Map.of(), "{}");

        assertThat(outcome).isInstanceOfSatisfying(Unreachable.class,
                unreachable -> assertThat(unreachable.reason()).startsWith("connection failed: "));
        assertThat(environment.hits("/dropping")).isEqualTo(2);
    }

    @Test
    void reportsATimeoutAfterOneRetry() {
        environment.on("/hang", exchange -> {
            sleep(1500);
            FakeEnvironment.reply(exchange, 200, "text/plain", "late");
        });

        TargetOutcome outcome = http.get(environment.baseUrl(), "/hang");

        assertThat(outcome).isInstanceOfSatisfying(Unreachable.class, unreachable -> {
            assertThat(unreachable.reason()).isEqualTo("timed out after 300 ms");
            assertThat(unreachable.latencyMs()).isGreaterThanOrEqualTo(600);
        });
        assertThat(environment.hits("/hang")).isEqualTo(2);
    }

    @Test
    void reportsARefusedConnection() throws Exception {
        TargetOutcome outcome = http.get(FakeEnvironment.closedPort(), "/health");

        assertThat(outcome).isInstanceOfSatisfying(Unreachable.class,
                unreachable -> assertThat(unreachable.describe()).isEqualTo("unreachable: connection refused"));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
