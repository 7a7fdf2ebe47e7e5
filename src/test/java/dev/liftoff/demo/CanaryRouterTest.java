package dev.liftoff.demo;

import static dev.liftoff.demo.DemoClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** study-canary production's router, split by the weights set at POST /traffic and counted at GET /traffic. */
class CanaryRouterTest {

    private static final String TOKEN = "test-token";
    private static final String STABLE_VERSION = "2026.11.0";
    private static final String CANARY_VERSION = "2026.12.0";
    private static final String CANARY_COMMIT = "c0ffee0123456789abcdef0123456789abcdef01";
    private static final String COUNT = "http_server_requests_seconds_count";

    private final DemoClient client = new DemoClient();
    private DemoTargetServer server;
    private CanaryDeployer deployer;
    private URI router;

    @BeforeEach
    void start() {
        server = new DemoTargetServer(DemoProperties.onFreePorts(Duration.ofMillis(50)), TOKEN);
        server.start();
        deployer = new CanaryDeployer(client, server, TOKEN);
        router = server.studyCanaryUrl("production");
        deployer.deployAndAwait("production", CANARY_VERSION, CANARY_COMMIT, "canary", server.canaryUrl());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void beforeAnyWeightEveryRequestReachesTheStableBuild() {
        assertThat(canaryAnswersOf(20)).isZero();
        assertThat(deployer.weights()).isEmpty();
    }

    @Test
    void eachWeightSendsExactlyItsShareAndGetTrafficCountsItInOrder() {
        int[] weights = {10, 50, 0, 100};
        int[] expected = {10, 50, 0, 100};
        for (int i = 0; i < weights.length; i++) {
            assertThat(deployer.setWeight(weights[i], CANARY_VERSION, CANARY_COMMIT, "step-" + i).statusCode()).isEqualTo(200);

            assertThat(canaryAnswersOf(100)).as("canary answers of 100 at weight %d", weights[i]).isEqualTo(expected[i]);
        }

        JsonNode changes = deployer.weights();
        assertThat(changes).hasSize(4);
        for (int i = 0; i < weights.length; i++) {
            JsonNode change = changes.get(i);
            assertThat(change.get("idempotencyKey").asText()).isEqualTo("step-" + i);
            assertThat(change.get("weight").asInt()).isEqualTo(weights[i]);
            assertThat(change.get("commitSha").asText()).isEqualTo(CANARY_COMMIT);
            assertThat(change.get("replays").asInt()).isZero();
            assertThat(change.get("routedToCanary").asLong()).isEqualTo(expected[i]);
            assertThat(change.get("routedToStable").asLong()).isEqualTo(100 - expected[i]);
        }
        assertThat(changes).extracting(change -> Instant.parse(change.get("appliedAt").asText())).isSorted();
    }

    @Test
    void theShareIsExactOverAnyRunFromTheChangeOnAndTheCurrentWeightKeepsCounting() {
        deployer.setWeight(10, CANARY_VERSION, CANARY_COMMIT, "step-1");

        assertThat(canaryAnswersOf(9)).as("the 10th request is the first to the canary").isZero();
        assertThat(canaryAnswersOf(1)).isEqualTo(1);
        assertThat(canaryAnswersOf(30)).isEqualTo(3);
        JsonNode change = deployer.weights().get(0);
        assertThat(change.get("routedToCanary").asLong()).isEqualTo(4);
        assertThat(change.get("routedToStable").asLong()).isEqualTo(36);
    }

    @Test
    void theRoutersMetricsCarryTheVersionOfTheBuildThatAnswered() {
        deployer.setWeight(10, CANARY_VERSION, CANARY_COMMIT, "step-1");
        canaryAnswersOf(100);

        PrometheusScrape scrape = PrometheusScrape.of(client, router);

        assertThat(scrape.sum(COUNT, "service", "study-canary", "environment", "production", "version", CANARY_VERSION)).isEqualTo(10);
        assertThat(scrape.sum(COUNT, "service", "study-canary", "environment", "production", "version", STABLE_VERSION)).isEqualTo(90);
        assertThat(deployer.weights().get(0).get("routedToCanary").asLong()).as("a scrape is not routed").isEqualTo(10);
    }

    /** Sends {@code requests} requests to the router; how many the canary build answered. */
    private int canaryAnswersOf(int requests) {
        int canary = 0;
        for (int i = 0; i < requests; i++) {
            JsonNode version = json(client.get(router, "/api/version"));
            if (version.get("commit").asText().equals(CANARY_COMMIT)) {
                assertThat(version.get("version").asText()).isEqualTo(CANARY_VERSION);
                canary++;
            } else {
                assertThat(version.get("version").asText()).isEqualTo(STABLE_VERSION);
            }
        }
        return canary;
    }
}
