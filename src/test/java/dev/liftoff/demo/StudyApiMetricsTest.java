package dev.liftoff.demo;

import static dev.liftoff.demo.DemoClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The study-api's /metrics as a Prometheus scraping the demo reads them, after real requests. */
class StudyApiMetricsTest {

    private static final String TOKEN = "test-token";
    private static final String COUNT = "http_server_requests_seconds_count";
    private static final String BUCKET = "http_server_requests_seconds_bucket";
    private static final String INITIAL = "2026.11.0";
    private static final String SCORE = "{\"questionId\":\"q-1\",\"answer\":\"A\"}";

    private final DemoClient client = new DemoClient();
    private DemoTargetServer server;
    private URI staging;
    private URI production;

    @BeforeEach
    void start() {
        server = new DemoTargetServer(DemoProperties.onFreePorts(Duration.ofMillis(50)), TOKEN);
        server.start();
        staging = server.baseUrl("staging");
        production = server.baseUrl("production");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void everyAnsweredRequestIsCountedByUriStatusOutcomeAndVersion() {
        for (int i = 0; i < 3; i++) {
            client.get(staging, "/api/version");
        }
        client.post(staging, "/api/score", SCORE);
        client.post(staging, "/api/score", "{\"questionId\":\"q-1\"}");
        client.get(staging, "/api/score");
        client.get(staging, "/wp-login.php");
        client.get(staging, "/.env");

        PrometheusScrape scrape = PrometheusScrape.of(client, staging);

        assertThat(scrape.sum(COUNT, "uri", "/api/version", "method", "GET", "status", "200", "outcome", "SUCCESS",
                "version", INITIAL, "service", "study-api", "environment", "staging")).isEqualTo(3);
        assertThat(scrape.sum(COUNT, "uri", "/api/score", "method", "POST", "status", "200")).isEqualTo(1);
        assertThat(scrape.sum(COUNT, "uri", "/api/score", "method", "POST", "status", "400", "outcome", "CLIENT_ERROR")).isEqualTo(1);
        assertThat(scrape.sum(COUNT, "uri", "/api/score", "method", "GET", "status", "405")).isEqualTo(1);
        assertThat(scrape.sum(COUNT, "uri", "UNKNOWN", "status", "404")).as("unknown paths share one uri").isEqualTo(2);
        assertThat(scrape.sum(COUNT)).isEqualTo(8);
        assertThat(scrape.matching(COUNT)).allSatisfy(sample -> assertThat(sample.labels()).containsOnlyKeys(
                "service", "environment", "version", "method", "uri", "status", "outcome"));
    }

    @Test
    void aServerErrorIsCountedAsOne() {
        String dead = "deadbeef" + "0".repeat(32);
        deployAndAwait("staging", "2026.12.0", dead, null);

        client.post(staging, "/api/score", SCORE);

        assertThat(PrometheusScrape.of(client, staging).sum(COUNT, "uri", "/api/score", "status", "500", "outcome", "SERVER_ERROR",
                "version", "2026.12.0")).isEqualTo(1);
    }

    @Test
    void scrapesAreNotCountedAndEachEnvironmentKeepsItsOwn() {
        assertThat(PrometheusScrape.of(client, staging).samples()).as("nothing answered yet").isEmpty();
        PrometheusScrape.of(client, staging);
        client.get(production, "/health");

        assertThat(PrometheusScrape.of(client, staging).samples()).isEmpty();
        PrometheusScrape productionScrape = PrometheusScrape.of(client, production);
        assertThat(productionScrape.sum(COUNT)).isEqualTo(1);
        assertThat(productionScrape.sum(COUNT, "uri", "/health", "environment", "production")).isEqualTo(1);
        assertThat(productionScrape.text()).doesNotContain("uri=\"/metrics\"");
        assertThat(client.post(staging, "/metrics", "{}").statusCode()).isEqualTo(405);
    }

    @Test
    void theHistogramHasTheBucketsOfTheLatencyTargets() {
        client.get(staging, "/api/daily/next");

        PrometheusScrape scrape = PrometheusScrape.of(client, staging);

        assertThat(scrape.matching(BUCKET, "uri", "/api/daily/next")).extracting(sample -> sample.labels().get("le")).containsExactly(
                "0.005", "0.01", "0.025", "0.05", "0.1", "0.15", "0.2", "0.3", "0.4", "0.5", "0.75", "1.0", "1.5", "2.0", "3.0", "5.0",
                "+Inf");
        assertThat(scrape.sum(BUCKET, "uri", "/api/daily/next", "le", "+Inf")).isEqualTo(1);
        assertThat(scrape.sum("http_server_requests_seconds_sum", "uri", "/api/daily/next")).isPositive();
        assertThat(scrape.sum("http_server_requests_seconds_max", "uri", "/api/daily/next")).isPositive();
        assertThat(scrape.text()).contains("# TYPE http_server_requests_seconds histogram");
    }

    @Test
    void theVersionFollowsADeploy() {
        client.get(staging, "/api/version");
        deployAndAwait("staging", "2026.12.0", "c0ffee1234", null);
        PrometheusScrape deployed = PrometheusScrape.of(client, staging);

        client.get(staging, "/api/version");
        client.get(staging, "/health");

        PrometheusScrape after = PrometheusScrape.of(client, staging);
        assertThat(deployed.sum(COUNT, "version", INITIAL)).isGreaterThanOrEqualTo(1);
        assertThat(after.sum(COUNT, "version", INITIAL)).as("the old build's series stops").isEqualTo(deployed.sum(COUNT, "version", INITIAL));
        assertThat(after.sum(COUNT, "version", "2026.12.0") - deployed.sum(COUNT, "version", "2026.12.0")).isEqualTo(2);
        assertThat(after.sum(COUNT, "uri", "/health", "version", "2026.12.0")).isEqualTo(1);
    }

    @Test
    void theVersionFollowsABlueGreenSwitchAndTheIdleSlotIsNeitherCountedNorScraped() {
        URI idle = server.idleUrl("production");
        deployAndAwait("production", "2026.12.0", "ab12cd34", "idle");
        client.get(idle, "/api/version");
        client.get(production, "/api/version");
        assertThat(PrometheusScrape.of(client, production).sum(COUNT, "version", "2026.12.0")).as("idle slot not counted").isZero();
        assertThat(client.get(idle, "/metrics").statusCode()).isEqualTo(404);

        assertThat(client.post(server.deployerUrl(), "/switch", body("production", "2026.12.0", "ab12cd34", null),
                "Authorization", "Bearer " + TOKEN, "Idempotency-Key", "switch-1").statusCode()).isEqualTo(200);
        client.get(production, "/api/version");
        client.get(production, "/api/version");

        PrometheusScrape scrape = PrometheusScrape.of(client, production);
        assertThat(scrape.sum(COUNT, "uri", "/api/version", "version", INITIAL)).isEqualTo(1);
        assertThat(scrape.sum(COUNT, "uri", "/api/version", "version", "2026.12.0")).isEqualTo(2);
    }

    private void deployAndAwait(String environment, String version, String commit, String slot) {
        assertThat(client.post(server.deployerUrl(), "/deploy", body(environment, version, commit, slot),
                "Authorization", "Bearer " + TOKEN, "Idempotency-Key", environment + "-" + commit).statusCode()).isEqualTo(202);
        URI answering = "idle".equals(slot) ? server.idleUrl(environment) : server.baseUrl(environment);
        await().atMost(Duration.ofSeconds(5)).until(() -> json(client.get(answering, "/api/version")).get("commit").asText().equals(commit));
    }

    private static String body(String environment, String version, String commit, String slot) {
        return "{\"service\":\"study-api\",\"environment\":\"" + environment + "\",\"version\":\"" + version
                + "\",\"commitSha\":\"" + commit + "\"" + (slot == null ? "" : ",\"slot\":\"" + slot + "\"") + "}";
    }
}
