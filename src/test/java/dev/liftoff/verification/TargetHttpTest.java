package dev.liftoff.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetHttpTest {

    private final FakeEnvironment environment = FakeEnvironment.start();
    private final TargetHttp http = new TargetHttp(Duration.ofMillis(300), false);

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

        assertThat(http.get(environment.baseUrl(), "/moved")).isInstanceOfSatisfying(TargetResponse.class, response -> {
            assertThat(response.status()).isEqualTo(302);
            assertThat(response.statusText()).isEqualTo("status 302, redirect to http://example.com/ not followed");
        });
    }

    @Test
    void readsAtMostOneMebibyteOfAHugeBodyAndStopsTheDownload() throws Exception {
        AtomicLong sent = new AtomicLong();
        CountDownLatch stopped = new CountDownLatch(1);
        environment.on("/export", exchange -> streamBody(exchange, 50L * 1024 * 1024, sent, stopped));

        TargetOutcome outcome = new TargetHttp(Duration.ofSeconds(5), false).get(environment.baseUrl(), "/export");

        assertThat(outcome).isInstanceOfSatisfying(TargetResponse.class, response -> {
            assertThat(response.bodyCut()).isTrue();
            assertThat(response.body()).hasSize(CappedBody.LIMIT);
        });
        // the environment's writes fail once Liftoff drops the connection, long before 50 MB
        assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sent.get()).isLessThan(20L * 1024 * 1024);
    }

    @Test
    void aBodyOfExactlyOneMebibyteIsReadWhole() {
        environment.on("/export", exchange -> streamBody(exchange, CappedBody.LIMIT, new AtomicLong(), new CountDownLatch(1)));

        TargetOutcome outcome = http.get(environment.baseUrl(), "/export");

        assertThat(outcome).isInstanceOfSatisfying(TargetResponse.class, response -> {
            assertThat(response.bodyCut()).isFalse();
            assertThat(response.body()).hasSize(CappedBody.LIMIT);
        });
    }

    @Test
    void aBodyThatNeverEndsTimesOut() {
        environment.on("/drip", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 50; i++) {
                    out.write("drop ".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    sleep(100);
                }
            } catch (IOException dropped) {
                // Liftoff gave up on the body
            }
        });

        long start = System.nanoTime();
        TargetOutcome outcome = http.get(environment.baseUrl(), "/drip");

        assertThat(outcome).isInstanceOfSatisfying(Unreachable.class,
                unreachable -> assertThat(unreachable.reason()).isEqualTo("timed out after 300 ms"));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2500);
    }

    @Test
    void decodesTheBodyWithItsCharset() {
        environment.on("/latin", exchange -> {
            byte[] bytes = "café".getBytes(StandardCharsets.ISO_8859_1);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=ISO-8859-1");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });

        assertThat(http.get(environment.baseUrl(), "/latin")).isInstanceOfSatisfying(TargetResponse.class,
                response -> assertThat(response.body()).isEqualTo("café"));
    }

    /** streams {@code size} bytes of JSON-looking text in 64 KB chunks, counting what got out */
    static void streamBody(HttpExchange exchange, long size, AtomicLong sent, CountDownLatch stopped) {
        byte[] chunk = "[1,2,3,4,5,6,7],".repeat(4096).getBytes(StandardCharsets.US_ASCII);
        try {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, size);
            try (OutputStream out = exchange.getResponseBody()) {
                for (long left = size; left > 0; left -= chunk.length) {
                    int length = (int) Math.min(chunk.length, left);
                    out.write(chunk, 0, length);
                    sent.addAndGet(length);
                }
            }
        } catch (IOException dropped) {
            // Liftoff stopped reading
        } finally {
            stopped.countDown();
        }
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
    void aBodyThatTricklesPastTheTimeoutTimesOutLikeASilentServer() {
        environment.on("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("{\"status\":".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            sleep(1500);
            exchange.close();
        });

        TargetOutcome outcome = http.get(environment.baseUrl(), "/trickle");

        assertThat(outcome).isInstanceOfSatisfying(Unreachable.class, unreachable -> {
            assertThat(unreachable.reason()).isEqualTo("timed out after 300 ms");
            assertThat(unreachable.latencyMs()).isBetween(600L, 1400L);
        });
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
