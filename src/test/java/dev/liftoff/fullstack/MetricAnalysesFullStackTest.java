package dev.liftoff.fullstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.analysis.PrometheusServer;
import dev.liftoff.demo.DemoPorts;
import dev.liftoff.persistence.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo judged by a real Prometheus (Debian's package) that scrapes its staging and production
 * every second, with the demo's own analyses ({@code liftoff-demo-prometheus.yaml}) measured every
 * second and their failures required to last 3 s: a healthy release passes them; an error burst
 * and a latency regression injected at production's live build roll it back naming the query;
 * Prometheus stopped in the middle of the window asks a person, who carries on. Production is watched
 * for two minutes with a tick a minute, so that the synthetic checks of a tick do not get there
 * first; a release that passes is cut short once its triggers watch. Prometheus also scrapes
 * study-canary's production router: a healthy canary is compared with the stable build's series at
 * each analysis step, with the shortened steps of {@link DemoStack}.
 */
@DemoStack
@TestPropertySource(properties = {
        "liftoff.services.study-api.environments.production.monitoring.phases[0].every=1m",
        "liftoff.services.study-api.environments.production.monitoring.phases[0].for=2m",
        "liftoff.services.study-api.analyses.error-rate.interval=1s",
        "liftoff.services.study-api.analyses.error-rate.sustained-for=3s",
        "liftoff.services.study-api.analyses.p95-latency.interval=1s",
        "liftoff.services.study-api.analyses.p95-latency.sustained-for=3s",
        // a new version's first series take a scrape or two after its switch
        "liftoff.services.study-api.analyses.p95-latency.inconclusive-limit=10",
        "liftoff.services.study-canary.environments.production.analyses.p95-latency.interval=1s",
        // the canary's p95 at 10 % is that of a dozen requests, its slowest: one held up by a busy
        // 2-core machine is no release's fault (the comparison has tests of its own)
        "liftoff.services.study-canary.environments.production.analyses.p95-latency.against-previous.minimum-increase=0.5",
        "liftoff.demo.traffic-per-second=20"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricAnalysesFullStackTest {

    private static final Duration STEP = Duration.ofSeconds(120);
    private static final int STAGING_PORT = freePort();
    private static final int PRODUCTION_PORT = freePort();
    private static final int CANARY_PRODUCTION_PORT = freePort();
    static PrometheusServer prometheus;

    @LocalServerPort
    int port;

    LiftoffClient client;
    ReleaseDriver driver;

    /**
     * Before the application starts: the demo decides whether to load its Prometheus analyses while
     * its environment is prepared, before a test's dynamic properties exist, so the URL goes in as a
     * system property (taken away again when the class is done).
     */
    @BeforeAll
    static void startPrometheus() {
        PrometheusServer.assumeInstalled();
        prometheus = PrometheusServer.scraping(Duration.ofSeconds(1), PrometheusServer.Target.at("127.0.0.1:" + STAGING_PORT),
                PrometheusServer.Target.at("127.0.0.1:" + PRODUCTION_PORT), PrometheusServer.Target.at("127.0.0.1:" + CANARY_PRODUCTION_PORT));
        System.setProperty(DemoPorts.PROMETHEUS_URL, prometheus.uri().toString());
    }

    @DynamicPropertySource
    static void scrapedPorts(DynamicPropertyRegistry registry) {
        registry.add(DemoPorts.STAGING_PORT, () -> STAGING_PORT);
        registry.add(DemoPorts.PRODUCTION_PORT, () -> PRODUCTION_PORT);
        registry.add(DemoPorts.CANARY_PRODUCTION_PORT, () -> CANARY_PRODUCTION_PORT);
    }

    @AfterAll
    static void stopPrometheus() {
        System.clearProperty(DemoPorts.PROMETHEUS_URL);
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @BeforeEach
    void connect() {
        client = new LiftoffClient(port);
        driver = new ReleaseDriver(client, STEP);
        prometheus.awaitSeries("http_server_requests_seconds_count{environment=\"production\"}", Duration.ofSeconds(30));
    }

    @Test
    @Order(1)
    void aHealthyReleasePassesItsAnalysesAndShowsThemWithTheirQueries() {
        String release = driver.start("c0ffee5678abcd", "erin");
        driver.approveThroughSignoff(release);
        awaitTriggersWatching(release);
        cutProductionShort(release);

        assertThat(driver.outcome(release)).isEqualTo("RELEASED");
        JsonNode analysis = metricCheck(driver.variable(release, "productionVerification"), "metric error-rate");
        assertThat(analysis.path("passed").asBoolean()).as(analysis.toString()).isTrue();
        assertThat(analysis.at("/analysis/query").asText()).contains("environment=\"production\"", "outcome=\"SERVER_ERROR\"");
        assertThat(analysis.at("/analysis/value").isNumber()).isTrue();
        assertThat(analysis.at("/analysis/graphUrl").asText()).startsWith(prometheus.uri() + "/graph?g0.expr=");
        JsonNode baseline = driver.variable(release, "productionMetricBaseline").path("p95-latency");
        assertThat(baseline.path("value").isNumber()).as("p95 before the deploy: %s", baseline).isTrue();
        assertThat(baseline.path("query").asText()).contains("version=\"2026.11.0\"");

        JsonNode view = client.get("ci-bot", "/api/releases/" + release).json();
        assertThat(view.path("analyses")).extracting(row -> row.path("environment").asText() + " " + row.path("name").asText() + " "
                + row.path("where").asText()).contains("production error-rate verification", "production error-rate rollback trigger",
                "production p95-latency rollback trigger");
        String report = client.get("ci-bot", "/api/releases/" + release + "/report").body();
        assertThat(report).contains("## Metric analyses").contains("http\\_server\\_requests\\_seconds\\_bucket");
    }

    @Test
    @Order(0)
    void aCanaryIsComparedWithTheStableBuildsSeriesAtEachAnalysisStep() {
        assumeFalse(TestDatabase.onPostgres(), "the canary end to end is proven in the H2 pass, see CanaryFullStackTest");
        String release = driver.start("study-canary", "c0ffee2468abcd", "erin", false);
        String version = release.substring(release.indexOf('@') + 1);
        driver.approveThroughSignoff(release);

        assertThat(driver.outcome(release)).as(driver.text(release, "outcomeReason")).isEqualTo("RELEASED");
        JsonNode steps = driver.variable(release, "productionCanary").path("steps");
        for (int step : new int[] {1, 3}) {
            JsonNode check = metricCheck(steps.get(step).path("report"), "metric p95-latency");
            assertThat(check.path("passed").asBoolean()).as("step %s: %s", step + 1, check).isTrue();
            assertThat(check.at("/analysis/query").asText()).contains("service=\"study-canary\"", "environment=\"production\"",
                    "version=\"" + version + "\"");
            assertThat(check.at("/analysis/value").isNumber()).as("the canary's own series: %s", check).isTrue();
            JsonNode stable = check.at("/analysis/baseline");
            assertThat(stable.path("source").asText()).isEqualTo("stable-version");
            assertThat(stable.path("version").asText()).isEqualTo("2026.11.0");
            assertThat(stable.path("value").isNumber()).as("the stable build's series: %s", stable).isTrue();
            assertThat(stable.path("query").asText()).contains("version=\"2026.11.0\"");
        }
        // promoted: production's verification compares the new version with the one before the deploy
        JsonNode promoted = metricCheck(driver.variable(release, "productionVerification"), "metric p95-latency");
        assertThat(promoted.path("passed").asBoolean()).as(promoted.toString()).isTrue();
        assertThat(promoted.at("/analysis/baseline/source").asText()).isEqualTo("before-deploy");
        assertThat(promoted.at("/analysis/baseline/version").asText()).isEqualTo("2026.11.0");
    }

    // last: the burst's errors stay in the error rate's one-minute range for a minute
    @Test
    @Order(4)
    void anErrorBurstInProductionRollsBackNamingTheQuery() {
        String release = driver.start("c0ffee9012abcd", "erin");
        driver.approveThroughSignoff(release);
        awaitTriggersWatching(release);
        inject(Map.of("environment", "production", "errorPercent", 50));

        assertThat(driver.outcome(release)).isEqualTo("ROLLED_BACK");
        assertThat(driver.text(release, "rollbackTrigger")).startsWith("production monitoring: metric trigger error-rate (demo-prometheus): ")
                .contains("http_server_requests_seconds_count{service=\"study-api\",environment=\"production\",outcome=\"SERVER_ERROR\"}")
                .contains("failing since");
        assertThat(driver.variable(release, "productionMetricTriggers").at("/error-rate/state").asText()).isEqualTo("fired");
        assertThat(driver.variable(release, "rollbackVerification").path("passed").asBoolean())
                .as("the fault belongs to the faulty build: the restored one answers").isTrue();
    }

    @Test
    @Order(2)
    void aLatencyRegressionInProductionRollsBackNamingTheComparison() {
        String release = driver.start("c0ffee3456abcd", "erin");
        driver.approveThroughSignoff(release);
        awaitTriggersWatching(release);
        inject(Map.of("environment", "production", "addedLatency", "300ms"));

        assertThat(driver.outcome(release)).isEqualTo("ROLLED_BACK");
        assertThat(driver.text(release, "rollbackTrigger")).startsWith("production monitoring: metric trigger p95-latency (demo-prometheus): ")
                .contains("histogram_quantile(0.95").contains("before the release");
    }

    @Test
    @Order(3)
    void prometheusStoppedInTheWindowAsksAPersonWhoMayCarryOn() {
        String release = driver.start("c0ffee7890abcd", "erin");
        driver.approveThroughSignoff(release);
        awaitTriggersWatching(release);
        prometheus.stop();
        try {
            String task = driver.awaitTaskOf(release, "UserTask_DecideInconclusiveTrigger", "otto", "operations");
            JsonNode shown = client.get("otto", "/engine-rest/task/" + task + "/variables/inconclusiveAnalyses?deserializeValue=false").json();
            assertThat(shown.path("value").asText()).contains("refused the connection");
            LiftoffClient.Reply done = client.post("otto", "/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of(
                    "metricsDecision", ReleaseDriver.value("CARRY_ON"), "metricsComment", ReleaseDriver.value("Prometheus restarts"))));
            assertThat(done.status()).as(done.body()).isEqualTo(204);
        } finally {
            prometheus.start();
        }
        cutProductionShort(release);

        assertThat(driver.outcome(release)).isEqualTo("RELEASED");
        JsonNode decision = driver.variable(release, "metricDecisions").get(0);
        assertThat(decision.path("by").asText()).isEqualTo("otto");
        assertThat(decision.path("where").asText()).isEqualTo("rollback trigger");
        assertThat(decision.path("decision").asText()).isEqualTo("CARRY_ON");
    }

    /** once each production trigger has been measured: the window runs and the metrics are there */
    private void awaitTriggersWatching(String release) {
        LiftoffClient.await(() -> "the production triggers of " + release + " to watch (they are: "
                + driver.variable(release, "productionMetricTriggers") + ")", STEP, () -> {
            JsonNode triggers = driver.variable(release, "productionMetricTriggers");
            return "watching".equals(triggers.at("/error-rate/state").asText()) && "watching".equals(triggers.at("/p95-latency/state").asText())
                    ? true : null;
        });
    }

    private void inject(Map<String, Object> fault) {
        LiftoffClient.Reply injected = client.post("otto", "/api/demo/faults", fault);
        assertThat(injected.status()).as(injected.body()).isEqualTo(200);
    }

    private void cutProductionShort(String release) {
        LiftoffClient.Reply cut = client.post("rita", "/engine-rest/message", Map.of("messageName", "MonitoringWindowCutShort",
                "businessKey", release, "processVariables", Map.of("cutShortReason", ReleaseDriver.value("its triggers were seen watching"))));
        assertThat(cut.status()).as(cut.body()).isEqualTo(204);
    }

    private static JsonNode metricCheck(JsonNode verification, String name) {
        for (JsonNode check : verification.path("checks")) {
            if (name.equals(check.path("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + verification);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
