package dev.liftoff.demo;

import static dev.liftoff.demo.DemoClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deploys of study-canary: its staging, the two slots of its production, and what a slow build does where. */
class StudyCanaryDeployTest {

    private static final String TOKEN = "test-token";
    private static final String INITIAL_COMMIT = "7d3e1f0a9b8c2d4e6f1a3b5c7d9e0f2a4b6c8d0e";
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final String SLOW = RunningBuild.SLOW_PREFIX + COMMIT.substring(4);
    private static final Duration SLOW_LATENCY = Duration.ofMillis(300);

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
    void aDeployToTheCanarySlotLeavesTheStableBuildAlone() {
        deployer.deployAndAwait("production", "2026.12.0", COMMIT, "canary", server.canaryUrl());

        assertThat(deployer.commitAt(server.stableUrl())).isEqualTo(INITIAL_COMMIT);
        assertThat(deployer.commitAt(server.studyCanaryUrl("production"))).as("no weight yet: the router serves stable")
                .isEqualTo(INITIAL_COMMIT);
        assertThat(deployer.commitAt(server.studyCanaryUrl("staging"))).isEqualTo(INITIAL_COMMIT);
        assertThat(deployer.commitAt(server.baseUrl("production"))).as("study-api is another service").isEqualTo(INITIAL_COMMIT);
    }

    @Test
    void aDeployWithoutSlotReplacesTheStableBuildAsAFullPromotionDoes() {
        deployer.deployAndAwait("production", "2026.12.0", COMMIT, "canary", server.canaryUrl());

        deployer.deployAndAwait("production", "2026.12.0", COMMIT, null, server.stableUrl());

        assertThat(deployer.commitAt(server.studyCanaryUrl("production"))).isEqualTo(COMMIT);
        assertThat(json(client.get(server.stableUrl(), "/api/version")).get("version").asText()).isEqualTo("2026.12.0");
        JsonNode deployments = json(client.get(server.deployerUrl(), "/deployments", "Authorization", "Bearer " + TOKEN));
        assertThat(deployments).extracting(deployment -> deployment.get("service").asText())
                .containsExactly("study-canary", "study-canary");
        assertThat(deployments.get(0).get("slot").asText()).isEqualTo("canary");
        assertThat(deployments.get(1).has("slot")).isFalse();
    }

    @Test
    void stagingTakesDirectDeploys() {
        deployer.deployAndAwait("staging", "2026.12.0", COMMIT, null, server.studyCanaryUrl("staging"));

        assertThat(deployer.commitAt(server.baseUrl("staging"))).as("study-api's staging is another").isEqualTo(INITIAL_COMMIT);
    }

    @Test
    void slotsAServiceDoesNotHaveAreUnprocessableNamingWhatIsAllowed() {
        assertThat(error(deployer.deploy("staging", "2026.12.0", COMMIT, "canary", "k-1")))
                .isEqualTo("study-canary staging: takes direct deploys only; leave slot out");
        assertThat(error(deployer.deploy("production", "2026.12.0", COMMIT, "idle", "k-2")))
                .isEqualTo("study-canary production: slot must be canary, or absent to replace the stable build (a full promotion)");
        assertThat(error(client.post(server.deployerUrl(), "/deploy", "{\"service\":\"study-api\",\"environment\":\"production\","
                + "\"version\":\"2026.12.0\",\"commitSha\":\"" + COMMIT + "\",\"slot\":\"canary\"}",
                "Authorization", "Bearer " + TOKEN, "Idempotency-Key", "k-3")))
                .isEqualTo("study-api production: slot must be idle, or absent to replace the live build");
        assertThat(error(client.post(server.deployerUrl(), "/switch", "{\"service\":\"study-canary\",\"environment\":\"production\","
                + "\"version\":\"2026.11.0\",\"commitSha\":\"" + INITIAL_COMMIT + "\"}",
                "Authorization", "Bearer " + TOKEN, "Idempotency-Key", "k-4")))
                .isEqualTo("study-canary production has no blue-green slots to switch; its traffic moves by weight, with POST /traffic");
        assertThat(json(client.get(server.deployerUrl(), "/deployments", "Authorization", "Bearer " + TOKEN))).isEmpty();
    }

    @Test
    void aSlowBuildAnswersLateInTheCanarySlotOnly() {
        deployer.deployAndAwait("production", "2026.12.0", SLOW, "canary", server.canaryUrl());
        deployer.deployAndAwait("staging", "2026.12.0", SLOW, null, server.studyCanaryUrl("staging"));

        List<Duration> canary = versionLatencies(server.canaryUrl());
        List<Duration> stable = versionLatencies(server.stableUrl());
        List<Duration> staging = versionLatencies(server.studyCanaryUrl("staging"));

        assertThat(canary).allSatisfy(latency -> assertThat(latency).isGreaterThanOrEqualTo(SLOW_LATENCY));
        assertThat(Collections.min(canary)).as("at least 300 ms slower than stable")
                .isGreaterThanOrEqualTo(SLOW_LATENCY.plus(Collections.min(stable)).minusMillis(5));
        assertThat(Collections.min(stable)).isLessThan(SLOW_LATENCY);
        assertThat(Collections.min(staging)).as("the same build in staging").isLessThan(SLOW_LATENCY);
    }

    @Test
    void aSlowBuildIsLateBehindTheRouterWhenItGetsTrafficAndNotOncePromotedToStable() {
        deployer.deployAndAwait("production", "2026.12.0", SLOW, "canary", server.canaryUrl());
        assertThat(deployer.setWeight(100, "2026.12.0", SLOW, "all").statusCode()).isEqualTo(200);

        assertThat(versionLatencies(server.studyCanaryUrl("production")))
                .allSatisfy(latency -> assertThat(latency).isGreaterThanOrEqualTo(SLOW_LATENCY));

        deployer.deployAndAwait("production", "2026.12.0", SLOW, null, server.stableUrl());
        assertThat(Collections.min(versionLatencies(server.stableUrl()))).as("slow only as a canary").isLessThan(SLOW_LATENCY);
    }

    /** The time each of a few GET /api/version took, in a row. */
    private List<Duration> versionLatencies(URI base) {
        List<Duration> latencies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = client.get(base, "/api/version");
            latencies.add(Duration.ofNanos(System.nanoTime() - started));
            assertThat(response.statusCode()).isEqualTo(200);
        }
        return latencies;
    }

    private static String error(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(422);
        return json(response).get("error").asText();
    }
}
