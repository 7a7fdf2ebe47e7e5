package dev.liftoff.fullstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.demo.DemoTargetServer;
import dev.liftoff.persistence.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo's study-canary released end to end, its production a canary behind the demo's weighted
 * router: 10 %, analyze, 50 %, analyze, 100 %, then the promotion. The demo's traffic (20 requests a
 * second through the router) shows what share reached the canary at each weight; the router lists
 * every weight it was told, with how many requests went each way under it ({@code /api/demo/traffic}).
 */
@DemoStack
@TestPropertySource(properties = {
        "liftoff.demo.traffic-per-second=20"})
class CanaryFullStackTest {

    private static final Duration STEP = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    DemoTargetServer demo;

    @LocalServerPort
    int port;

    LiftoffClient client;
    ReleaseDriver driver;

    /**
     * The PostgreSQL pass runs the full-stack tests again for what a database could change; a canary
     * adds no query of its own, so it runs in the H2 pass alone (its steps' crash recovery: CrashRecoveryIT).
     */
    @BeforeAll
    static void onH2Alone() {
        assumeFalse(TestDatabase.onPostgres(), "the canary end to end is proven in the H2 pass");
    }

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
        // the release view says where the canary stands: weight 0 after the rollback, the failed step last
        String view = client.get("ci-bot", "/api/releases/" + release).json().path("checks").path("production canary").asText();
        assertThat(view).startsWith("weight 0 %; step 2 (analyze for 4 s): FAILED — ");
        // the report shows each step of the canary with its evidence
        LiftoffClient.Reply report = client.get("ci-bot", "/api/releases/" + release + "/report");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.body()).contains("production canary step 2").contains("compared with stable");
        // the stable version kept what it ran and gets every request again
        assertThat(commitAt(demo.stableUrl())).isEqualTo(stableCommit);
        JsonNode last = LiftoffClient.await("requests under weight 0", STEP, () -> {
            JsonNode latest = weights().get(weights().size() - 1);
            return latest.path("routedToStable").asInt() >= 20 ? latest : null;
        });
        assertThat(last.path("routedToCanary").asInt()).isZero();
    }

    /** the router's log of weights, as any signed-in demo user reads it */
    private List<JsonNode> weights() {
        LiftoffClient.Reply listed = client.get("rita", "/api/demo/traffic");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        List<JsonNode> changes = new ArrayList<>();
        listed.json().forEach(changes::add);
        return changes;
    }

    private static String commitAt(URI slot) throws Exception {
        HttpResponse<String> version = HTTP.send(HttpRequest.newBuilder(slot.resolve("/api/version")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return LiftoffClient.JSON.readTree(version.body()).path("commit").asText();
    }
}
