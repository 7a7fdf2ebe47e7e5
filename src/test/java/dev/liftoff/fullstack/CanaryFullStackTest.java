package dev.liftoff.fullstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.demo.DemoPorts;
import dev.liftoff.demo.DemoTargetServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo's study-canary released end to end, its production a canary behind the demo's weighted
 * router: 10 %, analyze, 50 %, analyze, 100 %, then the promotion. The demo's traffic (20 requests a
 * second through the router) shows what share reached the canary at each weight; the router's
 * deployer lists every weight it was told, with how many requests went each way under it.
 */
@DemoStack
@TestPropertySource(properties = {
        "liftoff.demo.traffic-per-second=20",
        "liftoff.services.study-canary.environments.staging.monitoring.phases[0].every=1s",
        "liftoff.services.study-canary.environments.staging.monitoring.phases[0].for=2s",
        "liftoff.services.study-canary.environments.production.monitoring.phases[0].every=1s",
        "liftoff.services.study-canary.environments.production.monitoring.phases[0].for=2s",
        // the steps of the demo, with analyses of 4 s at 20 pairs a second: 13 pairs for each of 6 endpoints
        "liftoff.services.study-canary.environments.production.canary.steps[0].set-weight=10",
        "liftoff.services.study-canary.environments.production.canary.steps[1].analyze.for=4s",
        "liftoff.services.study-canary.environments.production.canary.steps[2].set-weight=50",
        "liftoff.services.study-canary.environments.production.canary.steps[3].analyze.for=4s",
        "liftoff.services.study-canary.environments.production.canary.steps[4].set-weight=100",
        "liftoff.services.study-canary.environments.production.canary.comparison.requests-per-second=20"})
class CanaryFullStackTest {

    private static final Duration STEP = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    DemoTargetServer demo;

    @Value("${" + DemoPorts.DEPLOY_TOKEN + "}")
    String deployToken;

    @LocalServerPort
    int port;

    LiftoffClient client;
    ReleaseDriver driver;

    @BeforeEach
    void connect() {
        client = new LiftoffClient(port);
        driver = new ReleaseDriver(client, STEP);
    }

    @Test
    void aHealthyCanaryGetsTenThenFiftyThenAllTheTrafficEachWeightOnceAndIsPromoted() throws Exception {
        int before = weights().size();
        String release = driver.start("study-canary", "c0ffee1234abcd", "erin", false);
        driver.approveThroughSignoff(release);

        assertThat(driver.outcome(release)).as(driver.text(release, "outcomeReason")).isEqualTo("RELEASED");
        List<JsonNode> applied = weights().subList(before, weights().size());
        assertThat(applied).extracting(change -> change.path("weight").asInt()).containsExactly(10, 50, 100, 0);
        assertThat(applied).extracting(change -> change.path("idempotencyKey").asText()).doesNotHaveDuplicates();
        // the router's own counts: the configured share of the users' requests reached the canary, at each
        // weight an analysis judged (100 % lasts only until the promotion, and then none went to stable)
        assertThat(applied.get(2).path("routedToStable").asInt()).isZero();
        for (JsonNode change : applied.subList(0, 2)) {
            int toCanary = change.path("routedToCanary").asInt();
            int total = toCanary + change.path("routedToStable").asInt();
            assertThat(total).as("requests under weight %s", change.path("weight")).isGreaterThanOrEqualTo(40);
            assertThat((double) toCanary).as("requests to the canary at weight %s of %s", change.path("weight"), total)
                    .isCloseTo(total * change.path("weight").asInt() / 100.0, org.assertj.core.data.Offset.offset(1.0));
        }
        JsonNode canary = driver.variable(release, "productionCanary");
        assertThat(canary.path("steps")).extracting(step -> step.path("result").asText())
                .containsExactly("done", "passed", "done", "passed", "done", "done");
        JsonNode analysis = canary.path("steps").get(1).path("report");
        assertThat(analysis.path("checks")).filteredOn(check -> check.path("name").asText().startsWith("compared with stable"))
                .hasSize(7).allSatisfy(check -> assertThat(check.path("passed").asBoolean()).isTrue());
        assertThat(driver.text(release, "productionCanaryWeight")).isEqualTo("0");
        // promoted: the stable build runs the release now, and serves everyone
        assertThat(commitAt(demo.stableUrl())).isEqualTo("c0ffee1234abcd");
    }

    @Test
    void aSlowCanaryIsRolledBackAtTheFirstAnalysisNamingTheComparisonAndStableServesEveryone() throws Exception {
        int before = weights().size();
        String stableCommit = commitAt(demo.stableUrl());
        // 5104: "slow" in digits; as the canary it answers 300 ms late, within every absolute target
        String release = driver.start("study-canary", "5104beef1234", "erin", false);
        driver.approveThroughSignoff(release);

        assertThat(driver.outcome(release)).isEqualTo("ROLLED_BACK");
        assertThat(driver.text(release, "outcomeReason")).contains("canary step 2 of 5 (analyze for 4 s)")
                .contains("compared with stable");
        List<JsonNode> applied = weights().subList(before, weights().size());
        assertThat(applied).extracting(change -> change.path("weight").asInt()).containsExactly(10, 0);
        JsonNode analysis = driver.variable(release, "productionCanary").path("steps").get(1).path("report");
        assertThat(analysis.path("checks")).filteredOn(check -> check.path("name").asText().endsWith(": latency")
                        && !check.path("name").asText().startsWith("compared"))
                .as("the absolute latency targets still pass").allSatisfy(check -> assertThat(check.path("passed").asBoolean()).isTrue());
        // the stable version kept what it ran and gets every request again
        assertThat(commitAt(demo.stableUrl())).isEqualTo(stableCommit);
        JsonNode last = LiftoffClient.await("requests under weight 0", STEP, () -> {
            JsonNode latest = weights().get(weights().size() - 1);
            return latest.path("routedToStable").asInt() >= 20 ? latest : null;
        });
        assertThat(last.path("routedToCanary").asInt()).isZero();
    }

    private List<JsonNode> weights() {
        try {
            HttpResponse<String> listed = HTTP.send(HttpRequest.newBuilder(demo.deployerUrl().resolve("/traffic"))
                    .header("Authorization", "Bearer " + deployToken).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
            List<JsonNode> changes = new ArrayList<>();
            LiftoffClient.JSON.readTree(listed.body()).forEach(changes::add);
            return changes;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String commitAt(URI slot) throws Exception {
        HttpResponse<String> version = HTTP.send(HttpRequest.newBuilder(slot.resolve("/api/version")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return LiftoffClient.JSON.readTree(version.body()).path("commit").asText();
    }
}
