package dev.liftoff.demo;

import static dev.liftoff.demo.DemoClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults injected into the demo's builds, seen from outside: by a client of the study-api and by Prometheus. */
class DemoFaultsTest {

    private static final String TOKEN = "test-token";
    private static final String COUNT = "http_server_requests_seconds_count";
    private static final String INITIAL = "2026.11.0";

    private final DemoClient client = new DemoClient();
    private DemoTargetServer server;
    private DemoFaults faults;
    private URI staging;
    private URI production;

    @BeforeEach
    void start() {
        server = new DemoTargetServer(DemoProperties.onFreePorts(Duration.ofMillis(50)), TOKEN);
        server.start();
        faults = server.faults();
        staging = server.baseUrl("staging");
        production = server.baseUrl("production");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void thirtyPercentAreExactlyThreeOfEveryTenRequestsOnEveryEndpoint() {
        client.get(production, "/api/version");
        faults.inject("production", 30, Duration.ZERO, "otto");

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            statuses.add(i % 2 == 0 ? client.get(production, "/api/daily/next").statusCode()
                    : client.post(production, "/api/preview", "{\"topic\":\"photosynthesis\"}").statusCode());
        }

        assertThat(statuses).containsOnly(200, 500);
        assertThat(statuses.stream().filter(status -> status == 500)).hasSize(30);
        for (int from = 0; from + 10 <= statuses.size(); from++) {
            assertThat(statuses.subList(from, from + 10).stream().filter(status -> status == 500)).as("requests %d to %d", from, from + 9)
                    .hasSize(3);
        }
        PrometheusScrape scrape = PrometheusScrape.of(client, production);
        assertThat(scrape.sum(COUNT, "status", "500", "outcome", "SERVER_ERROR", "version", INITIAL)).isEqualTo(30);
        assertThat(scrape.sum(COUNT, "status", "200")).isEqualTo(71);
        assertThat(scrape.sum(COUNT, "uri", "/api/preview", "status", "500")).isPositive();
        assertThat(scrape.sum(COUNT, "uri", "/api/daily/next", "status", "500")).isPositive();
    }

    @Test
    void anInjectedErrorLooksLikeTheServiceFailingOnItsOwn() {
        faults.inject("production", 100, Duration.ZERO, "otto");

        HttpResponse<String> failed = client.get(production, "/api/version");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).isEqualTo("{\"error\":\"internal\"}");
        assertThat(failed.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(failed.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(client.options(production, "/api/score", "Origin", "https://study.example.com",
                "Access-Control-Request-Method", "POST").statusCode()).as("a preflight fails too").isEqualTo(500);
        assertThat(client.get(production, "/metrics").statusCode()).as("the metrics still answer").isEqualTo(200);
    }

    @Test
    void theFaultIsTheProductionBuildsAloneThoughStagingRunsTheSameCommit() {
        assertThat(json(client.get(staging, "/api/version")).get("commit")).isEqualTo(json(client.get(production, "/api/version")).get("commit"));

        faults.inject("production", 100, Duration.ZERO, "otto");

        assertThat(client.get(staging, "/health").statusCode()).isEqualTo(200);
        assertThat(client.get(production, "/health").statusCode()).isEqualTo(500);
    }

    @Test
    void addedLatencyShowsInTheMeasuredTimeAndInTheHistogram() {
        faults.inject("staging", 0, Duration.ofMillis(300), "otto");

        for (int i = 0; i < 4; i++) {
            long started = System.nanoTime();
            assertThat(client.post(staging, "/api/score", "{\"questionId\":\"q-1\",\"answer\":\"A\"}").statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }

        PrometheusScrape scrape = PrometheusScrape.of(client, staging);
        String[] score = {"uri", "/api/score", "status", "200"};
        assertThat(scrape.sum("http_server_requests_seconds_bucket", concat(score, "le", "0.3"))).as("none within 300 ms").isZero();
        assertThat(scrape.sum("http_server_requests_seconds_bucket", concat(score, "le", "+Inf"))).isEqualTo(4);
        assertThat(scrape.sum("http_server_requests_seconds_sum", score)).isGreaterThanOrEqualTo(1.2);
        assertThat(scrape.sum("http_server_requests_seconds_max", score)).isGreaterThanOrEqualTo(0.3);
    }

    @Test
    void aBlueGreenSwitchToAnotherBuildLeavesTheFaultBehindAndASwitchBackBringsItBack() {
        String faulty = json(client.get(production, "/api/version")).get("commit").asText();
        faults.inject("production", 100, Duration.ZERO, "otto");
        deploy("production", "2026.12.0", "ab12cd34", "idle");
        // until the deploy lands, the idle slot runs the faulty build too, and answers 500
        await().atMost(Duration.ofSeconds(5)).until(() -> json(client.get(server.idleUrl("production"), "/api/version"))
                .path("commit").asText().equals("ab12cd34"));

        switchTo("2026.12.0", "ab12cd34", "switch-1");

        assertThat(client.get(production, "/api/daily/next").statusCode()).isEqualTo(200);
        assertThat(client.get(server.idleUrl("production"), "/health").statusCode()).as("the faulty build, now idle").isEqualTo(500);
        assertThat(faults.list()).singleElement().satisfies(fault -> {
            assertThat(fault.commit()).isEqualTo(faulty);
            assertThat(fault.live()).isFalse();
        });

        switchTo(INITIAL, faulty, "switch-back");

        assertThat(client.get(production, "/api/daily/next").statusCode()).isEqualTo(500);
        assertThat(faults.list()).singleElement().extracting(InjectedFault.View::live).isEqualTo(true);
    }

    @Test
    void aDirectDeployOfAnotherBuildHealsTheEnvironment() {
        faults.inject("staging", 100, Duration.ZERO, "otto");
        assertThat(client.get(staging, "/health").statusCode()).isEqualTo(500);

        deploy("staging", "2026.12.0", "c0ffee1234", null);

        await().atMost(Duration.ofSeconds(5)).until(() -> client.get(staging, "/api/version").statusCode() == 200);
        assertThat(json(client.get(staging, "/api/version")).get("version").asText()).isEqualTo("2026.12.0");
    }

    @Test
    void injectingAgainReplacesTheFaultAndClearingRemovesIt() {
        faults.inject("production", 100, Duration.ZERO, "otto");
        faults.inject("production", 50, Duration.ofMillis(5), "olga");
        faults.inject("staging", 100, Duration.ZERO, "otto");

        assertThat(faults.list()).extracting(InjectedFault.View::environment, InjectedFault.View::errorPercent,
                InjectedFault.View::addedLatency).containsExactly(
                tuple("production", 50, "5ms"),
                tuple("staging", 100, "0ms"));

        assertThat(faults.clear("production", "otto")).isEqualTo(1);
        assertThat(client.get(production, "/health").statusCode()).isEqualTo(200);
        assertThat(client.get(staging, "/health").statusCode()).isEqualTo(500);

        assertThat(faults.clear(null, "otto")).isEqualTo(1);
        assertThat(faults.list()).isEmpty();
        assertThat(client.get(staging, "/health").statusCode()).isEqualTo(200);
    }

    private static String[] concat(String[] labels, String... more) {
        String[] all = Arrays.copyOf(labels, labels.length + more.length);
        System.arraycopy(more, 0, all, labels.length, more.length);
        return all;
    }

    private void deploy(String environment, String version, String commit, String slot) {
        String body = "{\"service\":\"study-api\",\"environment\":\"" + environment + "\",\"version\":\"" + version
                + "\",\"commitSha\":\"" + commit + "\"" + (slot == null ? "" : ",\"slot\":\"" + slot + "\"") + "}";
        assertThat(client.post(server.deployerUrl(), "/deploy", body, "Authorization", "Bearer " + TOKEN,
                "Idempotency-Key", environment + "-" + commit).statusCode()).isEqualTo(202);
    }

    private void switchTo(String version, String commit, String idempotencyKey) {
        String body = "{\"service\":\"study-api\",\"environment\":\"production\",\"version\":\"" + version + "\",\"commitSha\":\""
                + commit + "\"}";
        assertThat(client.post(server.deployerUrl(), "/switch", body, "Authorization", "Bearer " + TOKEN,
                "Idempotency-Key", idempotencyKey).statusCode()).isEqualTo(200);
    }
}
