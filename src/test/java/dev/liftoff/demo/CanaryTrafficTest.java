package dev.liftoff.demo;

import static dev.liftoff.demo.DemoClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /traffic, the demo's traffic adapter endpoint for study-canary production, as Liftoff's adapter calls it. */
class CanaryTrafficTest {

    private static final String TOKEN = "test-token";
    private static final String INITIAL_COMMIT = "7d3e1f0a9b8c2d4e6f1a3b5c7d9e0f2a4b6c8d0e";
    private static final String CANARY_VERSION = "2026.12.0";
    private static final String CANARY_COMMIT = "c0ffee0123456789abcdef0123456789abcdef01";

    private final DemoClient client = new DemoClient();
    private DemoTargetServer server;
    private CanaryDeployer deployer;

    @BeforeEach
    void start() {
        server = new DemoTargetServer(DemoProperties.onFreePorts(Duration.ofMillis(50)), TOKEN);
        server.start();
        deployer = new CanaryDeployer(client, server, TOKEN);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aWeightAboveZeroIsRefusedWhileTheCanarySlotRunsAnotherCommit() {
        HttpResponse<String> refused = deployer.setWeight(10, CANARY_VERSION, CANARY_COMMIT, "step-1");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).get("error").asText()).contains("runs commit " + INITIAL_COMMIT, "not " + CANARY_COMMIT);
        assertThat(deployer.weights()).isEmpty();

        deployer.deployAndAwait("production", CANARY_VERSION, CANARY_COMMIT, "canary", server.canaryUrl());
        assertThat(deployer.setWeight(10, CANARY_VERSION, CANARY_COMMIT, "step-1").statusCode())
                .as("the refused key was not spent").isEqualTo(200);
    }

    @Test
    void weightZeroIsAlwaysAllowedAndSendsEverythingToTheStableBuild() {
        HttpResponse<String> response = deployer.setWeight(0, CANARY_VERSION, CANARY_COMMIT, "abort-1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("weight").asInt()).isZero();
        assertThat(deployer.weights()).hasSize(1);
    }

    @Test
    void theAnswerNamesTheWeightAndBothBuilds() {
        deployer.deployAndAwait("production", CANARY_VERSION, CANARY_COMMIT, "canary", server.canaryUrl());

        HttpResponse<String> response = deployer.setWeight(10, CANARY_VERSION, CANARY_COMMIT, "step-1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).hasToString("{\"weight\":10,\"environment\":\"production\",\"canaryVersion\":\"" + CANARY_VERSION
                + "\",\"canaryCommitSha\":\"" + CANARY_COMMIT + "\",\"stableVersion\":\"2026.11.0\",\"stableCommitSha\":\""
                + INITIAL_COMMIT + "\",\"idempotencyKey\":\"step-1\"}");
    }

    @Test
    void aReplayGetsTheFirstAnswerAndCountsOnTheOneEntry() {
        deployer.deployAndAwait("production", CANARY_VERSION, CANARY_COMMIT, "canary", server.canaryUrl());
        HttpResponse<String> first = deployer.setWeight(10, CANARY_VERSION, CANARY_COMMIT, "step-1");
        deployer.setWeight(50, CANARY_VERSION, CANARY_COMMIT, "step-2");

        HttpResponse<String> replay = deployer.setWeight(10, CANARY_VERSION, CANARY_COMMIT, "step-1");

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());
        JsonNode changes = deployer.weights();
        assertThat(changes).extracting(change -> change.get("idempotencyKey").asText()).containsExactly("step-1", "step-2");
        assertThat(changes.get(0).get("replays").asInt()).isEqualTo(1);
        assertThat(changes.get(1).get("replays").asInt()).isZero();
        assertThat(changes.get(1).get("weight").asInt()).as("the replay moved nothing back").isEqualTo(50);
    }

    @Test
    void aKeyUsedForAnotherWeightIsRefused() {
        deployer.deployAndAwait("production", CANARY_VERSION, CANARY_COMMIT, "canary", server.canaryUrl());
        deployer.setWeight(10, CANARY_VERSION, CANARY_COMMIT, "step-1");

        HttpResponse<String> reuse = deployer.setWeight(50, CANARY_VERSION, CANARY_COMMIT, "step-1");

        assertThat(reuse.statusCode()).isEqualTo(422);
        assertThat(json(reuse).get("error").asText()).contains("Idempotency-Key step-1 was already used for another weight");
        assertThat(deployer.weights()).hasSize(1);
        assertThat(deployer.weights().get(0).get("replays").asInt()).isZero();
    }

    @Test
    void theTokenAndTheIdempotencyKeyAreRequired() {
        String body = CanaryDeployer.trafficBody(0, CANARY_VERSION, CANARY_COMMIT);

        assertThat(client.post(server.deployerUrl(), "/traffic", body, "Idempotency-Key", "k").statusCode()).isEqualTo(401);
        assertThat(client.post(server.deployerUrl(), "/traffic", body, "Authorization", "Bearer wrong", "Idempotency-Key", "k")
                .statusCode()).isEqualTo(401);
        assertThat(client.get(server.deployerUrl(), "/traffic").statusCode()).isEqualTo(401);
        HttpResponse<String> noKey = client.post(server.deployerUrl(), "/traffic", body, "Authorization", "Bearer " + TOKEN);
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(json(noKey).get("error").asText()).contains("Idempotency-Key");
        assertThat(deployer.weights()).isEmpty();
    }

    @Test
    void whatIsNoWeightOfACanaryIsUnprocessable() {
        assertThat(error(traffic("{\"service\":\"study-canary\",\"environment\":\"production\",\"version\":\"1\",\"commitSha\":\""
                + CANARY_COMMIT + "\",\"weight\":101}"))).isEqualTo("weight must be a whole percent from 0 to 100");
        assertThat(error(traffic("{\"service\":\"study-canary\",\"environment\":\"production\",\"version\":\"1\",\"commitSha\":\""
                + CANARY_COMMIT + "\"}"))).isEqualTo("weight must be a whole percent from 0 to 100");
        assertThat(error(traffic("{\"service\":\"study-canary\",\"environment\":\"production\",\"version\":\"1\",\"commitSha\":"
                + "\"xyz\",\"weight\":0}"))).isEqualTo("commitSha must be 7 to 40 hex characters");
        assertThat(error(traffic("{\"service\":\"study-api\",\"environment\":\"production\",\"version\":\"1\",\"commitSha\":\""
                + CANARY_COMMIT + "\",\"weight\":0}"))).isEqualTo(
                        "study-api production is no canary; traffic weights are for [study-canary production]");
        assertThat(error(traffic("{\"service\":\"study-canary\",\"environment\":\"staging\",\"version\":\"1\",\"commitSha\":\""
                + CANARY_COMMIT + "\",\"weight\":0}"))).startsWith("study-canary staging is no canary");
        assertThat(error(traffic("{\"service\":\"billing\",\"environment\":\"production\",\"version\":\"1\",\"commitSha\":\""
                + CANARY_COMMIT + "\",\"weight\":0}"))).startsWith("unknown service 'billing'");
        assertThat(deployer.weights()).isEmpty();
    }

    private HttpResponse<String> traffic(String body) {
        return client.post(server.deployerUrl(), "/traffic", body, "Authorization", "Bearer " + TOKEN, "Idempotency-Key",
                "key-" + body.hashCode());
    }

    private static String error(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(422);
        return json(response).get("error").asText();
    }
}
