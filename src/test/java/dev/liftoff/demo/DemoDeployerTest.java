package dev.liftoff.demo;

import static dev.liftoff.demo.DemoClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DemoDeployerTest {

    private static final String TOKEN = "test-token";
    private static final Duration DEPLOY_DELAY = Duration.ofMillis(100);
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    private final DemoClient client = new DemoClient();
    private DemoTargetServer server;
    private URI deployer;

    @BeforeEach
    void start() {
        server = new DemoTargetServer(DemoProperties.onFreePorts(DEPLOY_DELAY), TOKEN);
        server.start();
        deployer = server.deployerUrl();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void acceptedDeploySwitchesTheEnvironmentAfterTheDelay() {
        Instant requested = Instant.now();
        HttpResponse<String> response = deploy("staging", "2026.12.0", COMMIT, "key-1");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response)).hasToString("{\"accepted\":true,\"environment\":\"staging\",\"version\":\"2026.12.0\","
                + "\"commitSha\":\"" + COMMIT + "\",\"idempotencyKey\":\"key-1\"}");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(versionOf("staging").get("commit").asText()).isEqualTo(COMMIT));
        JsonNode staging = versionOf("staging");
        assertThat(staging.get("version").asText()).isEqualTo("2026.12.0");
        assertThat(Instant.parse(staging.get("deployedAt").asText())).as("live only after the deploy delay")
                .isAfterOrEqualTo(requested.plus(DEPLOY_DELAY));
        assertThat(versionOf("production").get("version").asText()).isEqualTo("2026.11.0");
    }

    @Test
    void wrongOrMissingTokenIsUnauthorized() {
        HttpResponse<String> wrong = client.post(deployer, "/deploy", body("staging", "2026.12.0", COMMIT),
                "Authorization", "Bearer not-the-token", "Idempotency-Key", "key-1");
        HttpResponse<String> missing = client.post(deployer, "/deploy", body("staging", "2026.12.0", COMMIT),
                "Idempotency-Key", "key-1");

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong).get("error").asText()).isEqualTo("missing or wrong bearer token");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(deployments()).isEmpty();
    }

    @Test
    void missingIdempotencyKeyIsABadRequest() {
        HttpResponse<String> response = client.post(deployer, "/deploy", body("staging", "2026.12.0", COMMIT),
                "Authorization", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).contains("Idempotency-Key");
        assertThat(deployments()).isEmpty();
    }

    @Test
    void unknownEnvironmentOrServiceIsUnprocessable() {
        HttpResponse<String> unknownEnvironment = deploy("qa", "2026.12.0", COMMIT, "key-1");
        HttpResponse<String> unknownService = client.post(deployer, "/deploy",
                "{\"service\":\"billing\",\"environment\":\"staging\",\"version\":\"1.0\",\"commitSha\":\"" + COMMIT + "\"}",
                "Authorization", "Bearer " + TOKEN, "Idempotency-Key", "key-2");

        assertThat(unknownEnvironment.statusCode()).isEqualTo(422);
        assertThat(json(unknownEnvironment).get("error").asText()).contains("unknown environment 'qa'");
        assertThat(unknownService.statusCode()).isEqualTo(422);
        assertThat(json(unknownService).get("error").asText()).contains("unknown service 'billing'");
        assertThat(deployments()).isEmpty();
    }

    @Test
    void replayWithTheSameKeyAnswersTheSameAndDeploysOnce() {
        HttpResponse<String> first = deploy("production", "2026.12.0", COMMIT, "key-1");
        HttpResponse<String> replay = deploy("production", "2026.12.0", COMMIT, "key-1");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());
        JsonNode deployments = deployments();
        assertThat(deployments).hasSize(1);
        JsonNode deployment = deployments.get(0);
        assertThat(deployment.get("environment").asText()).isEqualTo("production");
        assertThat(deployment.get("version").asText()).isEqualTo("2026.12.0");
        assertThat(deployment.get("commitSha").asText()).isEqualTo(COMMIT);
        assertThat(deployment.get("idempotencyKey").asText()).isEqualTo("key-1");
        assertThat(Instant.parse(deployment.get("receivedAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(deployment.get("replays").asInt()).isEqualTo(1);
    }

    @Test
    void aKeyUsedForAnotherDeployIsRefused() {
        deploy("staging", "2026.12.0", COMMIT, "key-1");

        HttpResponse<String> reuse = deploy("staging", "2026.12.1", COMMIT, "key-1");

        assertThat(reuse.statusCode()).isEqualTo(422);
        assertThat(deployments()).hasSize(1);
    }

    @Test
    void deploymentsNeedTheToken() {
        assertThat(client.get(deployer, "/deployments").statusCode()).isEqualTo(401);
    }

    @Test
    void deadCommitIsBrokenOnStagingButStillReportsItself() {
        String dead = "dead" + COMMIT.substring(4);
        deployAndAwait("staging", "2026.12.0", dead);
        URI staging = server.baseUrl("staging");

        assertThat(json(client.get(staging, "/health")).get("status").asText()).isEqualTo("UP");
        assertThat(versionOf("staging").get("commit").asText()).isEqualTo(dead);
        HttpResponse<String> score = client.post(staging, "/api/score", "{\"questionId\":\"q-1\",\"answer\":\"A\"}");
        assertThat(score.statusCode()).isEqualTo(500);
        assertThat(score.body()).isEqualTo("{\"error\":\"internal\"}");
        assertThat(client.get(staging, "/api/daily/next").statusCode()).isEqualTo(503);
    }

    @Test
    void badCommitIsHealthyOnStagingAndBrokenInProduction() {
        String bad = "bad" + COMMIT.substring(3);
        deployAndAwait("staging", "2026.12.0", bad);
        deployAndAwait("production", "2026.12.0", bad);
        URI staging = server.baseUrl("staging");
        URI production = server.baseUrl("production");

        assertThat(client.post(staging, "/api/score", "{\"questionId\":\"q-1\",\"answer\":\"A\"}").statusCode()).isEqualTo(200);
        assertThat(client.get(staging, "/api/daily/next").statusCode()).isEqualTo(200);
        assertThat(client.get(production, "/health").statusCode()).isEqualTo(200);
        assertThat(client.post(production, "/api/score", "{\"questionId\":\"q-1\",\"answer\":\"A\"}").statusCode()).isEqualTo(500);
        assertThat(client.get(production, "/api/daily/next").statusCode()).isEqualTo(503);
    }

    @Test
    void blueGreenDeploysToTheIdleSlotAndASwitchMovesTrafficOnceHowOftenItIsRetried() {
        String bad = "bad" + COMMIT.substring(3);
        assertThat(client.post(deployer, "/deploy", "{\"service\":\"study-api\",\"environment\":\"production\",\"version\":"
                        + "\"2026.12.0\",\"commitSha\":\"" + bad + "\",\"slot\":\"idle\"}",
                "Authorization", "Bearer " + TOKEN, "Idempotency-Key", "idle-1").statusCode()).isEqualTo(202);
        URI idle = server.idleUrl("production");
        await().atMost(Duration.ofSeconds(5)).until(() -> json(client.get(idle, "/api/version")).get("commit").asText().equals(bad));

        // not live yet: the bad build answers well in the idle slot, and production still runs what it ran
        assertThat(client.post(idle, "/api/score", "{\"questionId\":\"q-1\",\"answer\":\"A\"}").statusCode()).isEqualTo(200);
        assertThat(versionOf("production").get("version").asText()).isEqualTo("2026.11.0");

        HttpResponse<String> switched = switchTo("2026.12.0", bad, "switch-1");
        assertThat(switched.statusCode()).isEqualTo(200);
        assertThat(json(switched).get("switched").asBoolean()).isTrue();
        assertThat(switchTo("2026.12.0", bad, "switch-1").body()).as("a retried switch does not swap back").isEqualTo(switched.body());
        assertThat(versionOf("production").get("commit").asText()).isEqualTo(bad);
        assertThat(client.post(server.baseUrl("production"), "/api/score", "{\"questionId\":\"q-1\",\"answer\":\"A\"}").statusCode())
                .as("broken once live").isEqualTo(500);

        // the slot that served before stayed warm: switching back is immediate
        String initial = json(client.get(idle, "/api/version")).get("commit").asText();
        assertThat(switchTo("2026.11.0", initial, "switch-back-1").statusCode()).isEqualTo(200);
        assertThat(versionOf("production").get("commit").asText()).isEqualTo(initial);
        assertThat(client.get(server.baseUrl("production"), "/api/daily/next").statusCode()).isEqualTo(200);
    }

    @Test
    void aSwitchToABuildNeitherSlotRunsIsRefused() {
        HttpResponse<String> refused = switchTo("2026.12.9", COMMIT, "switch-1");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("neither slot of production runs commit " + COMMIT);
        assertThat(client.post(deployer, "/switch", body("production", "2026.12.9", COMMIT), "Idempotency-Key", "k").statusCode())
                .isEqualTo(401);
    }

    private HttpResponse<String> switchTo(String version, String commit, String idempotencyKey) {
        return client.post(deployer, "/switch", body("production", version, commit),
                "Authorization", "Bearer " + TOKEN, "Idempotency-Key", idempotencyKey);
    }

    private void deployAndAwait(String environment, String version, String commit) {
        assertThat(deploy(environment, version, commit, environment + "-" + commit).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(5)).until(() -> versionOf(environment).get("commit").asText().equals(commit));
    }

    private HttpResponse<String> deploy(String environment, String version, String commit, String idempotencyKey) {
        return client.post(deployer, "/deploy", body(environment, version, commit),
                "Authorization", "Bearer " + TOKEN, "Idempotency-Key", idempotencyKey);
    }

    private static String body(String environment, String version, String commit) {
        return "{\"service\":\"study-api\",\"environment\":\"" + environment + "\",\"version\":\"" + version
                + "\",\"commitSha\":\"" + commit + "\"}";
    }

    private JsonNode versionOf(String environment) {
        return json(client.get(server.baseUrl(environment), "/api/version"));
    }

    private JsonNode deployments() {
        HttpResponse<String> response = client.get(deployer, "/deployments", "Authorization", "Bearer " + TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response);
    }
}
