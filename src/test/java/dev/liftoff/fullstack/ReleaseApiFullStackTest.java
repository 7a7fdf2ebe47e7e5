package dev.liftoff.fullstack;

import static dev.liftoff.fullstack.ReleaseDriver.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The release API as CI and people use it, over real HTTP against the whole application on the
 * demo profile: starting releases (and every refusal), retries, a race of starts, following a
 * release by its view and its events, rollback, reports, and who may do what. The demo has one
 * service, so each test waits until no release of it runs and ends the releases it starts.
 */
@DemoStack
// long enough for a person to ask for a rollback while production is being deployed
@TestPropertySource(properties = "liftoff.demo.deploy-delay=1000ms")
class ReleaseApiFullStackTest {

    private static final Duration STEP = Duration.ofSeconds(120);
    private static final AtomicInteger VERSIONS = new AtomicInteger();
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Set<String> PRODUCTION_STAGES = Set.of("measuring production latency before the deploy",
            "deploying to production", "production monitoring");

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    LiftoffClient client;
    ReleaseDriver driver;

    @BeforeEach
    void connect() {
        client = new LiftoffClient(port);
        driver = new ReleaseDriver(client, STEP);
        LiftoffClient.await("no release of study-api running", STEP, () -> running().isEmpty() ? true : null);
    }

    @Test
    void aReleaseStartsOverTheApiAndARetryFindsIt() {
        String version = version("retry");
        LiftoffClient.Reply created = client.post("ci-bot", "/api/releases", request(version, "c0ffee1234abcd"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode release = created.json();
        String id = release.path("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/releases/" + id);
        assertThat(release.path("businessKey").asText()).isEqualTo("study-api@" + version);
        assertThat(release.path("service").asText()).isEqualTo("study-api");
        assertThat(release.path("version").asText()).isEqualTo(version);
        assertThat(release.path("commitSha").asText()).isEqualTo("c0ffee1234abcd");
        assertThat(release.path("requestedBy").asText()).isEqualTo("erin");
        assertThat(release.path("startedBy").asText()).as("the authenticated caller").isEqualTo("ci-bot");
        assertThat(release.path("state").asText()).isIn("RUNNING", "WAITING_FOR_APPROVAL");
        assertThat(release.path("startedAt").asText()).isNotBlank();
        assertThat(release.has("endedAt") && release.path("endedAt").isNull()).as("endedAt is null, not left out").isTrue();
        assertThat(release.path("environments").path("staging").path("verified").isNull()).isTrue();
        assertThat(release.path("revision").asText()).isNotBlank();
        assertThat(release.path("links").path("self").asText()).isEqualTo("/api/releases/" + id);
        assertThat(release.path("links").path("events").asText()).isEqualTo("/api/releases/" + id + "/events");
        assertThat(release.path("links").path("report").asText()).isEqualTo("/api/releases/" + id + "/report");
        assertThat(release.path("links").path("cockpit").asText()).endsWith("/camunda/app/cockpit/default/#/process-instance/" + id);

        JsonNode waiting = awaitState(id, "WAITING_FOR_APPROVAL");
        assertThat(waiting.path("stage").asText()).isEqualTo("Go/No-Go decision");
        JsonNode task = waiting.path("openTasks").get(0);
        assertThat(task.path("taskKey").asText()).isEqualTo("UserTask_GoNoGo");
        assertThat(task.path("name").asText()).isEqualTo("Go/No-Go: study-api " + version);
        assertThat(task.path("groups")).extracting(JsonNode::asText).containsExactly("release-managers");
        assertThat(task.path("due").asText()).isNotBlank();
        assertThat(task.path("link").asText()).endsWith("/camunda/app/tasklist/default/#/?task=" + task.path("id").asText());
        assertThat(waiting.path("checks").path("readiness").asText()).contains("passed");
        assertThat(client.get("ci-bot", "/api/releases/study-api@" + version).json().path("id").asText()).isEqualTo(id);

        // a retried CI job finds the release instead of starting another
        LiftoffClient.Reply retried = client.post("ci-bot", "/api/releases", request(version, "c0ffee1234abcd"));
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().path("id").asText()).isEqualTo(id);
        // another commit of the same version, or another version, waits for this one
        for (Map<String, Object> other : List.of(request(version, "beef1234567"), request(version("other"), "beef1234567"))) {
            LiftoffClient.Reply conflict = client.post("ci-bot", "/api/releases", other);
            assertProblem(conflict, 409, "release-running");
            assertThat(conflict.json().path("releaseId").asText()).isEqualTo(id);
            assertThat(conflict.json().path("link").asText()).isEqualTo("/api/releases/" + id);
            assertThat(conflict.json().path("detail").asText()).contains("study-api@" + version, "one release per service at a time");
        }
        assertThat(client.get("rita", "/api/releases?service=study-api&state=WAITING_FOR_APPROVAL").json().path("items"))
                .extracting(item -> item.path("id").asText()).containsExactly(id);

        JsonNode rejected = noGo(release);
        assertThat(rejected.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(rejected.path("outcomeReason").asText()).isEqualTo("No-Go by rita: not this week");
        assertThat(rejected.path("stage").asText()).isEqualTo("rejected");
        assertThat(rejected.path("openTasks")).isEmpty();
        assertThat(rejected.path("endedAt").asText()).isNotBlank();
        assertThat(rejected.path("approvals")).extracting(a -> a.path("user").asText() + " " + a.path("decision").asText())
                .containsExactly("rita NO_GO");

        // after a No-Go the same request is a new attempt, and service@version names the newest
        LiftoffClient.Reply again = client.post("ci-bot", "/api/releases", request(version, "c0ffee1234abcd"));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        String secondId = again.json().path("id").asText();
        assertThat(secondId).isNotEqualTo(id);
        assertThat(client.get("eli", "/api/releases/study-api@" + version).json().path("id").asText()).isEqualTo(secondId);
        JsonNode page = client.get("ci-bot", "/api/releases?service=study-api&size=1").json();
        assertThat(page.path("items")).extracting(item -> item.path("id").asText()).containsExactly(secondId);
        assertThat(page.path("size").asInt()).isEqualTo(1);
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(client.get("ci-bot", "/api/releases?service=study-api&state=REJECTED&size=100").json().path("items"))
                .extracting(item -> item.path("id").asText()).contains(id).doesNotContain(secondId);
        awaitState(secondId, "WAITING_FOR_APPROVAL");
        noGo(again.json());
    }

    @Test
    void invalidRequestsAreRefusedNamingEachFieldAndStartNothing() {
        long before = releaseCount();

        LiftoffClient.Reply empty = client.post("ci-bot", "/api/releases", Map.of());
        assertProblem(empty, 400, "invalid-request");
        assertThat(fields(empty)).containsExactly("service", "version", "commitSha", "requestedBy");
        assertThat(empty.json().path("title").asText()).isEqualTo("Invalid release request");

        Map<String, Object> broken = new LinkedHashMap<>(request("-bad", "xyz"));
        broken.put("commitTime", "yesterday");
        LiftoffClient.Reply rules = client.post("ci-bot", "/api/releases", broken);
        assertProblem(rules, 400, "invalid-request");
        assertThat(fields(rules)).containsExactly("version", "commitSha", "commitTime");
        assertThat(rules.json().path("errors").toString()).contains("7 to 40 hexadecimal characters", "must start with a letter or digit");
        assertThat(rules.json().path("detail").asText()).contains("nothing was started");

        LiftoffClient.Reply typed = client.postRaw("ci-bot", "/api/releases",
                "{\"service\":\"study-api\",\"version\":1,\"commitSha\":\"abcdef1\",\"requestedBy\":\"erin\"}", "application/json");
        assertProblem(typed, 400, "invalid-request");
        assertThat(typed.json().path("errors").toString()).isEqualTo("[{\"field\":\"version\",\"message\":\"version must be a string\"}]");

        assertProblem(client.postRaw("ci-bot", "/api/releases", "{\"service\": ", "application/json"), 400, "malformed-request");
        assertProblem(client.postRaw("ci-bot", "/api/releases", "[1, 2]", "application/json"), 400, "malformed-request");
        // curl -d without a content type still gets an answer about the fields
        LiftoffClient.Reply form = client.postRaw("ci-bot", "/api/releases", "{}", "application/x-www-form-urlencoded");
        assertProblem(form, 400, "invalid-request");
        assertThat(fields(form)).contains("service");

        LiftoffClient.Reply unknown = client.post("ci-bot", "/api/releases", Map.of("service", "nope", "version", "1.0.0",
                "commitSha", "abcdef1", "requestedBy", "erin"));
        assertProblem(unknown, 422, "unknown-service");
        assertThat(unknown.json().path("services")).extracting(JsonNode::asText).containsExactly("study-api", "study-canary");
        assertThat(unknown.json().path("detail").asText()).contains("'nope'", "study-api");
        // with other broken rules an unknown service is one more field to fix
        LiftoffClient.Reply both = client.post("ci-bot", "/api/releases", Map.of("service", "nope", "version", "1.0.0",
                "commitSha", "no", "requestedBy", "erin"));
        assertProblem(both, 400, "invalid-request");
        assertThat(fields(both)).containsExactly("service", "commitSha");

        assertThat(releaseCount()).as("nothing was started").isEqualTo(before);
        assertProblem(client.get("ci-bot", "/api/releases/no-such-release"), 404, "release-not-found");
        assertProblem(client.get("ci-bot", "/api/releases/study-api@0.0.0-never"), 404, "release-not-found");
        assertProblem(client.get("ci-bot", "/api/releases?state=DONE"), 400, "invalid-parameter");
        assertProblem(client.get("ci-bot", "/api/releases?size=0"), 400, "invalid-parameter");
        assertProblem(client.get("ci-bot", "/api/releases?page=-1"), 400, "invalid-parameter");
    }

    @Test
    void concurrentRequestsForOneServiceStartExactlyOneRelease() throws Exception {
        String prefix = "2027.race" + VERSIONS.incrementAndGet();
        int threads = 8;
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<LiftoffClient.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                // four versions, each asked for twice
                Map<String, Object> body = request(prefix + "." + (i % 4), "c0ffee000" + (i % 4));
                replies.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return client.post("ci-bot", "/api/releases", body);
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<LiftoffClient.Reply> answers = new ArrayList<>();
            for (Future<LiftoffClient.Reply> reply : replies) {
                answers.add(reply.get(60, TimeUnit.SECONDS));
            }
            List<LiftoffClient.Reply> createdReplies = answers.stream().filter(reply -> reply.status() == 201).toList();
            assertThat(createdReplies).as("answers: %s", answers).hasSize(1);
            String id = createdReplies.get(0).json().path("id").asText();
            String version = createdReplies.get(0).json().path("version").asText();
            for (LiftoffClient.Reply reply : answers) {
                assertThat(reply.status()).as(reply.body()).isIn(200, 201, 409);
                if (reply.status() == 200) {
                    assertThat(reply.json().path("id").asText()).isEqualTo(id);
                    assertThat(reply.json().path("version").asText()).isEqualTo(version);
                }
                if (reply.status() == 409) {
                    assertThat(reply.json().path("releaseId").asText()).isEqualTo(id);
                }
            }
            assertThat(answers).filteredOn(reply -> reply.status() == 200).hasSize(1);
            JsonNode started = client.get("admin", "/engine-rest/history/process-instance/count?processDefinitionKey=release-lifecycle"
                    + "&processInstanceBusinessKeyLike=study-api@" + prefix + "%25").json();
            assertThat(started.path("count").asInt()).as("release instances started").isEqualTo(1);
            awaitState(id, "WAITING_FOR_APPROVAL");
            noGo(createdReplies.get(0).json());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eventsAnswerWithinASecondOfAChange() throws Exception {
        JsonNode release = create(version("events"), "e1e1e1e1e1e1");
        String id = release.path("id").asText();
        JsonNode waiting = awaitState(id, "WAITING_FOR_APPROVAL");
        String revision = waiting.path("revision").asText();
        String events = "/api/releases/" + id + "/events";

        LiftoffClient.Reply first = client.get("ci-bot", events);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("X-Liftoff-Changed")).as("a client without a revision is answered at once").isEqualTo("true");
        assertThat(first.json().path("revision").asText()).isEqualTo(revision);

        long asked = System.nanoTime();
        LiftoffClient.Reply unchanged = client.getSlowly("ci-bot", events + "?after=" + revision + "&timeout=1", Duration.ofSeconds(20));
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
        assertThat(unchanged.status()).isEqualTo(200);
        assertThat(unchanged.header("X-Liftoff-Changed")).isEqualTo("false");
        assertThat(unchanged.json().path("revision").asText()).isEqualTo(revision);
        assertThat(waited).isBetween(900L, 5000L);

        CompletableFuture<LiftoffClient.Reply> watching = CompletableFuture.supplyAsync(
                () -> client.getSlowly("ci-bot", events + "?after=" + revision + "&timeout=30", Duration.ofSeconds(45)));
        Thread.sleep(1000);
        assertThat(watching).as("still waiting: nothing changed yet").isNotDone();
        String task = waiting.path("openTasks").get(0).path("id").asText();
        LiftoffClient.Reply done = client.post("rita", "/engine-rest/task/" + task + "/complete", Map.of("variables",
                Map.of("decision", value("NO_GO"), "comment", value("not this week"))));
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        long decided = System.nanoTime();
        LiftoffClient.Reply changed = watching.get(45, TimeUnit.SECONDS);
        long heard = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - decided);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("X-Liftoff-Changed")).isEqualTo("true");
        assertThat(changed.json().path("revision").asText()).isNotEqualTo(revision);
        assertThat(changed.json().path("openTasks")).isEmpty();
        assertThat(heard).as("ms from the decision to the waiting client hearing of it").isLessThan(1000L);

        JsonNode rejected = awaitState(id, "REJECTED");
        LiftoffClient.Reply ended = client.getSlowly("ci-bot", events + "?after=" + rejected.path("revision").asText() + "&timeout=1",
                Duration.ofSeconds(20));
        assertThat(ended.header("X-Liftoff-Changed")).isEqualTo("false");
        assertThat(ended.json().path("state").asText()).isEqualTo("REJECTED");
        assertProblem(client.get("ci-bot", "/api/releases/no-such-release/events"), 404, "release-not-found");
    }

    @Test
    void aReleasedReleaseIsFoundAgainAndItsReportTellsTheStory() {
        String version = version("released");
        Map<String, Object> body = new LinkedHashMap<>(request(version, "c0ffee9999abcd"));
        body.put("notes", "<script>alert('x')</script> & co | *bold*");
        body.put("commitTime", "2026-12-01T09:30:00Z");
        LiftoffClient.Reply created = client.post("ci-bot", "/api/releases", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(created.json().path("notes").asText()).isEqualTo("<script>alert('x')</script> & co | *bold*");
        assertThat(created.json().path("commitTime").asText()).isEqualTo("2026-12-01T09:30:00Z");

        // while it runs, the report says what is known so far
        awaitState(id, "WAITING_FOR_APPROVAL");
        LiftoffClient.Reply live = client.get("paula", "/api/releases/" + id + "/report");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.header("Content-Type")).startsWith("text/markdown");
        assertThat(live.body()).startsWith("# Release study-api@" + version + ": WAITING\\_FOR\\_APPROVAL (Go/No-Go decision)")
                .contains("## Waiting for", "Go/No-Go: study-api " + version, "release-managers", "/camunda/app/tasklist/default/#/?task=");

        driver.approveThroughSignoff("study-api@" + version);
        JsonNode released = awaitState(id, "RELEASED");
        assertThat(released.path("stage").asText()).isEqualTo("released");
        assertThat(released.path("environments").path("staging").path("verified").asBoolean()).isTrue();
        assertThat(released.path("environments").path("production").path("verified").asBoolean()).isTrue();
        assertThat(released.path("environments").path("staging").path("summary").asText()).isEqualTo("44/44 passed");
        assertThat(released.path("checks").path("staging").asText()).isEqualTo("44/44 passed");
        assertThat(released.path("approvals")).extracting(a -> a.path("user").asText())
                .containsExactly("rita", "ursula", "eli", "sam", "otto", "paula");

        // a retry after the release is the release itself; another commit needs another version
        LiftoffClient.Reply retried = client.post("ci-bot", "/api/releases", request(version, "c0ffee9999abcd"));
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().path("id").asText()).isEqualTo(id);
        assertThat(retried.json().path("state").asText()).isEqualTo("RELEASED");
        LiftoffClient.Reply otherCommit = client.post("ci-bot", "/api/releases", request(version, "beefbeef1234"));
        assertProblem(otherCommit, 409, "version-released");
        assertThat(otherCommit.json().path("releaseId").asText()).isEqualTo(id);

        LiftoffClient.Reply markdown = client.get("ci-bot", "/api/releases/" + id + "/report");
        assertThat(markdown.status()).isEqualTo(200);
        assertThat(markdown.header("Content-Type")).startsWith("text/markdown");
        assertThat(markdown.body()).startsWith("# Release study-api@" + version + ": RELEASED\n")
                .contains("is live on production", "## Stages", "Deploy to production and verify", "## Checks", "44/44 passed",
                        "## Approvals", "| Go-live sign-off | security-leads | sam | APPROVE | looks good |",
                        "## User acceptance test", "## Monitoring windows",
                        "\\<script\\>alert('x')\\</script\\> & co \\| \\*bold\\*");
        LiftoffClient.Reply html = client.get("ci-bot", "/api/releases/study-api@" + version + "/report", "text/html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.header("Content-Type")).startsWith("text/html");
        assertThat(html.body()).contains("<h1>Release study-api@" + version + ": RELEASED</h1>", "<h2>Approvals</h2>",
                        "<td>sam</td>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co | *bold*")
                .doesNotContain("<script>");
        // a browser asks for HTML first
        assertThat(client.get("ci-bot", "/api/releases/" + id + "/report", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Content-Type")).startsWith("text/html");

        LiftoffClient.Reply tooLate = client.post("otto", "/api/releases/" + id + "/rollback", Map.of("reason", "too late"));
        assertProblem(tooLate, 409, "cannot-roll-back");
        assertThat(tooLate.json().path("phase").asText()).isEqualTo("released");
    }

    @Test
    void operationsRollBackAReleaseInProductionOverTheApi() {
        String version = version("rollback");
        JsonNode release = create(version, "c0ffee5678abcd");
        String id = release.path("id").asText();
        String rollback = "/api/releases/" + id + "/rollback";
        awaitState(id, "WAITING_FOR_APPROVAL");

        LiftoffClient.Reply early = client.post("otto", rollback, Map.of("reason", "error rate climbing"));
        assertProblem(early, 409, "cannot-roll-back");
        assertThat(early.json().path("phase").asText()).isEqualTo("Go/No-Go decision");
        assertThat(early.json().path("detail").asText()).contains("Go/No-Go decision", "only while production is being deployed or watched");
        assertProblem(client.post("ci-bot", rollback, Map.of("reason", "error rate climbing")), 403, "forbidden");
        assertProblem(client.post("eli", rollback, Map.of("reason", "error rate climbing")), 403, "forbidden");
        LiftoffClient.Reply noReason = client.post("rita", rollback, Map.of("reason", " "));
        assertProblem(noReason, 400, "invalid-request");
        assertThat(fields(noReason)).containsExactly("reason");

        driver.approveThroughSignoff("study-api@" + version);
        LiftoffClient.await("production for " + version, STEP, () -> {
            JsonNode view = client.get("otto", "/api/releases/" + id).json();
            assertThat(view.path("state").asText()).as(view.toString()).isIn("RUNNING", "WAITING_FOR_APPROVAL");
            return PRODUCTION_STAGES.contains(view.path("stage").asText()) ? view : null;
        });
        LiftoffClient.Reply accepted = client.post("otto", rollback, Map.of("reason", "error rate climbing"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().path("id").asText()).isEqualTo(id);

        JsonNode rolledBack = awaitState(id, "ROLLED_BACK");
        assertThat(rolledBack.path("outcome").asText()).isEqualTo("ROLLED_BACK");
        assertThat(rolledBack.path("stage").asText()).isEqualTo("rolled back");
        assertThat(rolledBack.path("checks").path("rollback").asText()).contains("passed");
        assertThat(rolledBack.path("incidents").get(0).path("severity").asText()).isEqualTo("P1");
        assertThat(driver.text("study-api@" + version, "rollbackRequestedBy")).isEqualTo("otto");
        assertThat(driver.text("study-api@" + version, "rollbackTrigger")).isEqualTo("rollback requested by otto: error rate climbing");
        assertThat(client.get("ci-bot", "/api/releases/" + id + "/report").body()).contains("## Rollback",
                "rollback requested by otto: error rate climbing");

        // after a rollback the same request is a new attempt
        LiftoffClient.Reply again = client.post("ci-bot", "/api/releases", request(version, "c0ffee5678abcd"));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().path("id").asText()).isNotEqualTo(id);
        noGo(again.json());
    }

    @Test
    void failedAndCancelledReleasesListAsFailedAndTheSameRequestStartsANewAttempt() {
        // a commit starting with "dead" is broken everywhere in the demo: staging does not verify
        String version = version("failed");
        JsonNode broken = create(version, "dead0123456abc");
        driver.decide("study-api@" + version, "UserTask_GoNoGo", "rita", Map.of("decision", value("GO")));
        JsonNode failed = awaitState(broken.path("id").asText(), "FAILED");
        assertThat(failed.path("outcome").asText()).isEqualTo("FAILED");

        LiftoffClient.Reply again = client.post("ci-bot", "/api/releases", request(version, "dead0123456abc"));
        assertThat(again.status()).as("a new attempt after FAILED: " + again.body()).isEqualTo(201);
        String cancelled = again.json().path("id").asText();
        awaitState(cancelled, "WAITING_FOR_APPROVAL");
        // an admin cancels it in Cockpit: it ends without an outcome, and reads FAILED
        assertThat(client.delete("admin", "/engine-rest/process-instance/" + cancelled + "?skipCustomListeners=true").status())
                .isEqualTo(204);
        JsonNode view = awaitState(cancelled, "FAILED");
        assertThat(view.path("outcome").isNull() || view.path("outcome").isMissingNode()).as(view.toString()).isTrue();
        assertThat(view.path("outcomeReason").asText()).startsWith("The release ended before it reached an outcome");

        JsonNode listed = client.get("ci-bot", "/api/releases?service=study-api&state=FAILED&size=100").json();
        assertThat(listed.path("items")).extracting(item -> item.path("id").asText())
                .as("newest first").containsSubsequence(cancelled, broken.path("id").asText());
        assertThat(listed.path("items")).extracting(item -> item.path("state").asText()).containsOnly("FAILED");
        assertThat(listed.path("total").asLong()).isEqualTo(listed.path("items").size());
        JsonNode firstOnly = client.get("ci-bot", "/api/releases?service=study-api&state=FAILED&size=1").json();
        assertThat(firstOnly.path("items")).extracting(item -> item.path("id").asText()).containsExactly(cancelled);
        assertThat(firstOnly.path("total").asLong()).isEqualTo(listed.path("total").asLong());
    }

    @Test
    void eachGroupMayDoWhatItsRoleNeedsAndNoMore() {
        LiftoffClient.Reply anonymous = client.get(null, "/api/releases");
        assertProblem(anonymous, 401, "unauthenticated");
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Liftoff\"");
        assertThat(anonymous.header("Set-Cookie")).as("no session for a refused call").isNull();
        assertProblem(client.postRaw(null, "/api/releases", "{}", "application/json"), 401, "unauthenticated");
        LiftoffClient.Reply wrongPassword = client.getWithPassword("pete", "not-pete", "/api/releases");
        assertProblem(wrongPassword, 401, "unauthenticated");
        assertThat(wrongPassword.header("Set-Cookie")).isNull();

        for (String reader : List.of("ci-bot", "rita", "ursula", "eli", "sam", "otto", "paula", "admin")) {
            LiftoffClient.Reply read = client.get(reader, "/api/releases");
            assertThat(read.status()).as(reader + " reads releases").isEqualTo(200);
            assertThat(read.header("Set-Cookie")).isNull();
        }
        // a Camunda user in none of Liftoff's groups may sign in, and read nothing
        LiftoffClient.Reply created = client.post("admin", "/engine-rest/user/create", Map.of(
                "profile", Map.of("id", "nora", "firstName", "Nora", "lastName", "Nobody", "email", "nora@liftoff.example"),
                "credentials", Map.of("password", "nora")));
        assertThat(created.status()).as(created.body()).isEqualTo(204);
        try {
            LiftoffClient.Reply refused = client.get("nora", "/api/releases");
            assertProblem(refused, 403, "forbidden");
            assertThat(refused.json().path("detail").asText()).contains("nora may not GET /api/releases");
        } finally {
            client.delete("admin", "/engine-rest/user/nora");
        }
        // starting: ci and admin get as far as the request's rules; approvers are refused
        for (String starter : List.of("ci-bot", "admin")) {
            assertProblem(client.post(starter, "/api/releases", Map.of()), 400, "invalid-request");
        }
        for (String approver : List.of("rita", "ursula", "eli", "sam", "otto", "paula")) {
            LiftoffClient.Reply refused = client.post(approver, "/api/releases", Map.of());
            assertProblem(refused, 403, "forbidden");
            assertThat(refused.json().path("detail").asText()).contains(approver + " may not POST /api/releases");
        }
        // rolling back: operations, release managers and admin get as far as the release; nobody else
        for (String roller : List.of("otto", "olga", "rita", "rob", "admin")) {
            assertProblem(client.post(roller, "/api/releases/no-such-release/rollback", Map.of("reason", "r")), 404, "release-not-found");
        }
        for (String other : List.of("ci-bot", "ursula", "eli", "sam", "paula")) {
            assertProblem(client.post(other, "/api/releases/no-such-release/rollback", Map.of("reason", "r")), 403, "forbidden");
        }
        assertProblem(client.delete("ci-bot", "/api/releases/no-such-release"), 403, "forbidden");
        // the demo mailbox stays open to every demo user
        assertThat(client.get("uma", "/api/demo/mail").status()).isEqualTo(200);

        // the OpenAPI description, signed in like the rest of /api
        assertProblem(client.get(null, "/api/openapi.json"), 401, "unauthenticated");
        assertThat(client.get(null, "/swagger-ui/index.html").status()).isEqualTo(401);
        LiftoffClient.Reply spec = client.get("ci-bot", "/api/openapi.json");
        assertThat(spec.status()).as(spec.body()).isEqualTo(200);
        assertThat(spec.json().path("openapi").asText()).startsWith("3.");
        assertThat(spec.json().path("paths").has("/api/releases")).isTrue();
        assertThat(spec.json().path("paths").has("/api/releases/{id}/rollback")).isTrue();
        assertThat(spec.json().path("paths").has("/api/releases/{id}/events")).isTrue();
        assertThat(spec.json().path("components").path("schemas").has("ReleaseView")).isTrue();
        assertThat(client.get("ci-bot", "/api/docs").status()).isIn(200, 302);
    }

    @Test
    void aServiceAnotherNodeHoldsIsAnsweredBusyAndNothingStarts() throws Exception {
        String version = version("busy");
        long releasesBefore = releaseCount();
        try (Connection otherNode = dataSource.getConnection(); Statement statement = otherNode.createStatement()) {
            statement.executeUpdate("INSERT INTO liftoff_service_lock (service) SELECT 'study-api' WHERE NOT EXISTS"
                    + " (SELECT 1 FROM liftoff_service_lock WHERE service = 'study-api')");
            // as another node answering a request for study-api does: its lock row held, not committed yet
            otherNode.setAutoCommit(false);
            statement.executeUpdate("UPDATE liftoff_service_lock SET last_request_by = 'another-node' WHERE service = 'study-api'");
            long sentAt = System.nanoTime();
            LiftoffClient.Reply busy = client.post("ci-bot", "/api/releases", request(version, "c0ffee1234abcd"));
            Duration waited = Duration.ofNanos(System.nanoTime() - sentAt);
            otherNode.rollback();

            assertProblem(busy, 503, "busy");
            assertThat(busy.json().path("detail").asText()).contains("study-api", "try again");
            // ReleaseStarter waits 15 s for its turn, each database wait bounded (H2's lock timeout, 5 s on PostgreSQL)
            assertThat(waited).as("time to the 503").isBetween(Duration.ofSeconds(14), Duration.ofSeconds(28));
        }
        assertThat(running()).as("releases running after the refusal").isEmpty();
        assertThat(releaseCount()).as("releases after the refusal").isEqualTo(releasesBefore);

        // once the other node let go, the same request starts the release
        JsonNode release = create(version, "c0ffee1234abcd");
        assertThat(noGo(release).path("outcome").asText()).isEqualTo("REJECTED");
    }

    /** a test that failed half-way leaves its release running: cancel it, so the next test can start one */
    @AfterEach
    void cancelLeftovers() {
        for (String release : running()) {
            String id = client.get("admin", "/api/releases/" + release).json().path("id").asText();
            client.delete("admin", "/engine-rest/process-instance/" + id + "?skipCustomListeners=true");
        }
    }

    // ---- helpers

    private static String version(String label) {
        return "2027." + label + "." + VERSIONS.incrementAndGet();
    }

    private static Map<String, Object> request(String version, String commitSha) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("service", "study-api");
        request.put("version", version);
        request.put("commitSha", commitSha);
        request.put("requestedBy", "erin");
        return request;
    }

    private JsonNode create(String version, String commitSha) {
        LiftoffClient.Reply created = client.post("ci-bot", "/api/releases", request(version, commitSha));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** rita says No-Go, and the release is closed as REJECTED */
    private JsonNode noGo(JsonNode release) {
        driver.decide(release.path("businessKey").asText(), "UserTask_GoNoGo", "rita",
                Map.of("decision", value("NO_GO"), "comment", value("not this week")));
        return awaitState(release.path("id").asText(), "REJECTED");
    }

    private JsonNode awaitState(String id, String state) {
        return LiftoffClient.await(id + " " + state, STEP, () -> {
            JsonNode view = client.get("ci-bot", "/api/releases/" + id).json();
            if (!"RUNNING".equals(view.path("state").asText()) && !"WAITING_FOR_APPROVAL".equals(view.path("state").asText())) {
                assertThat(view.path("state").asText()).as(view.toString()).isEqualTo(state);
            }
            return state.equals(view.path("state").asText()) ? view : null;
        });
    }

    private List<String> running() {
        List<String> running = new ArrayList<>();
        for (String state : List.of("RUNNING", "WAITING_FOR_APPROVAL")) {
            client.get("admin", "/api/releases?service=study-api&state=" + state).json().path("items")
                    .forEach(item -> running.add(item.path("businessKey").asText()));
        }
        return running;
    }

    private long releaseCount() {
        return client.get("admin", "/api/releases?size=1").json().path("total").asLong();
    }

    private static List<String> fields(LiftoffClient.Reply problem) {
        List<String> fields = new ArrayList<>();
        problem.json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    private static void assertProblem(LiftoffClient.Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as("content type of " + reply.body()).startsWith(PROBLEM_JSON);
        JsonNode problem = reply.json();
        assertThat(problem.path("type").asText()).isEqualTo("urn:liftoff:problem:" + type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
    }
}
