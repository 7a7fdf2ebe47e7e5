package dev.liftoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.liftoff.cli.FakeReleaseApi.Request;
import dev.liftoff.cli.LiftoffCli.Result;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/liftoff release: the request it sends, its credentials, and how it reports a refusal. */
class LiftoffCliRequestTest {

    private static final String NOTES = "Fixes \"score\" rounding in C:\\scores\\round.java\n"
            + "second line\twith a tab, a bell \u0007, an escape \u001b[31m and \u00e9\u20ac\uD83D\uDE80";

    private final LiftoffCli cli = LiftoffCli.ofThisCheckout();
    private final ObjectMapper json = new ObjectMapper();
    private FakeReleaseApi api;
    private Map<String, String> env;

    @BeforeEach
    void startApi() throws IOException {
        api = new FakeReleaseApi();
        api.play(ReleaseView.started());
        env = LiftoffCli.ciEnvironment(api.url(), FakeReleaseApi.USER, FakeReleaseApi.PASSWORD);
        env.put("LIFTOFF_RETRY_DELAY", "0");
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    private Result release(String... options) {
        List<String> args = new ArrayList<>(List.of("release", "--service", "study-api", "--version", "1.2.3",
                "--sha", "c0ffee1234abcd", "--requested-by", "erin"));
        args.addAll(List.of(options));
        return cli.run(env, args.toArray(String[]::new));
    }

    @Test
    void sendsTheReleaseAsJsonWithEveryCharacterOfTheNotesEscaped() throws IOException {
        Result result = release("--commit-time", "2026-03-02T09:58:00Z", "--notes", NOTES);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.lines()).containsExactly(
                "liftoff: release study-api 1.2.3 started: " + ReleaseView.ID + " (study-api@1.2.3)",
                "liftoff: cockpit: " + api.url() + "/camunda/app/cockpit/default/#/process-instance/" + ReleaseView.ID,
                "liftoff: state: RUNNING (stage: pre-deployment checks)");
        Request start = api.requests().get(0);
        assertThat(start.method()).isEqualTo("POST");
        assertThat(start.path()).isEqualTo("/api/releases");
        assertThat(start.contentType()).isEqualTo("application/json");
        JsonNode body = json.readTree(start.body());
        assertThat(body.properties()).extracting(Map.Entry::getKey)
                .containsExactly("service", "version", "commitSha", "requestedBy", "commitTime", "notes");
        assertThat(body.get("service").asText()).isEqualTo("study-api");
        assertThat(body.get("version").asText()).isEqualTo("1.2.3");
        assertThat(body.get("commitSha").asText()).isEqualTo("c0ffee1234abcd");
        assertThat(body.get("requestedBy").asText()).isEqualTo("erin");
        assertThat(body.get("commitTime").asText()).isEqualTo("2026-03-02T09:58:00Z");
        assertThat(body.get("notes").asText()).isEqualTo(NOTES);
        // the escapes JSON asks for, and control characters as \\u escapes
        assertThat(start.body()).contains("\\\"score\\\"", "C:\\\\scores\\\\round.java\\n", "\\t", "\\u0007", "\\u001b[31m");
    }

    @Test
    void leavesTheOptionalFieldsOut() throws IOException {
        Result result = release();

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode body = json.readTree(api.requests().get(0).body());
        assertThat(body.properties()).extracting(Map.Entry::getKey)
                .containsExactly("service", "version", "commitSha", "requestedBy");
    }

    @Test
    void valuesThatLookLikeOptionsOrShellAreSentAsTheyAre() throws IOException {
        Result result = cli.run(env, "release", "--service", "-x", "--version", "$(id)", "--sha", "`id`;id",
                "--requested-by", "a=b", "--notes", "--wait");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode body = json.readTree(api.requests().get(0).body());
        assertThat(body.get("service").asText()).isEqualTo("-x");
        assertThat(body.get("version").asText()).isEqualTo("$(id)");
        assertThat(body.get("commitSha").asText()).isEqualTo("`id`;id");
        assertThat(body.get("requestedBy").asText()).isEqualTo("a=b");
        assertThat(body.get("notes").asText()).isEqualTo("--wait");
        assertThat(api.polls()).isEmpty();
    }

    @Test
    void theOptionEqualsValueSpellingWorksToo() throws IOException {
        Result result = cli.run(env, "release", "--service=study-api", "--version=1.2.3", "--sha=c0ffee1234abcd",
                "--requested-by=erin", "--notes=a=b");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(json.readTree(api.requests().get(0).body()).get("notes").asText()).isEqualTo("a=b");
    }

    @Test
    void anExistingIdenticalReleaseIsFollowedLikeANewOne() {
        ReleaseView existing = ReleaseView.started().waitingFor("Go/No-Go",
                ReleaseView.Task.forGroup("task-go", "Go/No-Go: study-api 1.2.3", "release-managers"));
        api.play(existing, existing.ended("RELEASED", "live"));
        api.answerStart(200, api.viewJson(existing.withRevision("rev 1/+&=")));
        env.put("LIFTOFF_POLL_SECONDS", "1");

        Result result = release("--wait");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.lines()).containsSubsequence(
                "liftoff: release study-api 1.2.3 already requested: " + ReleaseView.ID + " (study-api@1.2.3)",
                "liftoff: waiting for release-managers: Go/No-Go: study-api 1.2.3 -> "
                        + ReleaseView.taskLink(api.url(), "task-go"),
                "liftoff: outcome: RELEASED: live");
    }

    @Test
    void theServerGetsBasicAuthWhileCurlsArgumentsAndEnvironmentNeverHoldThePassword(@TempDir Path dir) throws IOException {
        Path recorded = dir.resolve("curl-calls");
        Path fakeCurl = dir.resolve("curl");
        // records what ps and /proc would show of curl, then lets the real curl do the work
        Files.writeString(fakeCurl, "#!/bin/sh\n"
                + "printf '%s\\n' \"--- argv\" \"$@\" \"--- environment\" >> '" + recorded + "'\n"
                + "env >> '" + recorded + "'\n"
                + "exec " + realCurl() + " \"$@\"\n");
        Files.setPosixFilePermissions(fakeCurl, PosixFilePermissions.fromString("rwx------"));
        ReleaseView started = ReleaseView.started();
        api.play(started, started.ended("RELEASED", "live"));
        env.put("LIFTOFF_POLL_SECONDS", "1");

        Result result = cli.withPathFirst(dir).run(env, "release", "--service", "study-api", "--version", "1.2.3",
                "--sha", "c0ffee1234abcd", "--requested-by", "erin", "--wait");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.requests()).hasSize(2).allSatisfy(request ->
                assertThat(request.basicCredentials()).isEqualTo(FakeReleaseApi.USER + ":" + FakeReleaseApi.PASSWORD));
        String calls = Files.readString(recorded, StandardCharsets.UTF_8);
        assertThat(calls).contains("--- argv\n-q\n-K\n-\n");
        assertThat(calls.split("--- argv", -1)).hasSize(3);
        assertThat(calls).doesNotContain("s3cret", "LIFTOFF_PASSWORD");
    }

    @Test
    void refusedCredentialsAreNeverRetried() {
        env.put("LIFTOFF_PASSWORD", "wrong");
        env.put("LIFTOFF_RETRIES", "5");

        Result result = release("--wait");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(api.requests()).hasSize(1);
        assertThat(result.lines()).containsExactly(
                "liftoff: Liftoff refused the credentials of LIFTOFF_USER 'ci-bot' (HTTP 401): check LIFTOFF_USER and LIFTOFF_PASSWORD.",
                "liftoff: Not retried: repeated failed logins lock the user.");
    }

    @Test
    void invalidFieldsArePrintedOnePerLine() {
        api.answerStart(400, """
                {"type":"https://liftoff.dev/problems/invalid-release","title":"Invalid release request","status":400,
                 "detail":"2 fields are invalid","errors":[
                   {"field":"version","message":"must match [0-9A-Za-z][0-9A-Za-z.+_-]{0,63}"},
                   {"field":"commitSha","message":"must be 7 to 40 hex characters"}]}""");

        Result result = release();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.lines()).containsExactly(
                "liftoff: could not start the release of study-api 1.2.3: Invalid release request (HTTP 400): 2 fields are invalid",
                "liftoff:   version: must match [0-9A-Za-z][0-9A-Za-z.+_-]{0,63}",
                "liftoff:   commitSha: must be 7 to 40 hex characters");
    }

    @Test
    void anUnknownServiceNamesTheServicesLiftoffKnows() {
        api.answerStart(422, """
                {"type":"about:blank","title":"Unknown service","status":422,
                 "detail":"Liftoff has no service study-ap: configure it under liftoff.services",
                 "services":["study-api","shop"]}""");

        Result result = release();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.lines()).containsExactly(
                "liftoff: could not start the release of study-api 1.2.3: Unknown service (HTTP 422): Liftoff has no service study-ap: configure it under liftoff.services",
                "liftoff:   services Liftoff knows: study-api, shop");
    }

    @Test
    void anotherRunningReleaseIsNamedWithItsLink() {
        api.answerStart(409, """
                {"type":"about:blank","title":"Release already running","status":409,
                 "detail":"study-api 1.2.2 is being released; one release per service at a time",
                 "releaseId":"abc-123","link":"http://liftoff.example/api/releases/abc-123"}""");

        Result result = release("--wait");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.lines()).containsExactly(
                "liftoff: could not start the release of study-api 1.2.3: Release already running (HTTP 409): study-api 1.2.2 is being released; one release per service at a time",
                "liftoff:   running release: abc-123 http://liftoff.example/api/releases/abc-123");
        assertThat(api.requests()).hasSize(1);
    }

    @Test
    void aForbiddenRequestSaysWhoAsked() {
        api.answerStart(403, FakeReleaseApi.problem(403, "Forbidden", "ci-bot may not start releases"));

        Result result = release();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.lines()).containsExactly(
                "liftoff: could not start the release of study-api 1.2.3: Forbidden (HTTP 403): ci-bot may not start releases",
                "liftoff:   (acting as LIFTOFF_USER 'ci-bot')");
    }

    @Test
    void anAnswerWithoutProblemDetailsIsReportedByItsStatus() {
        api.answerStart(502, "<html><body>Bad Gateway</body></html>");
        env.put("LIFTOFF_RETRIES", "1");

        Result result = release();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.lines()).containsExactly(
                "liftoff: " + api.url() + ": HTTP 502; retrying in 0s (1 of 1)",
                "liftoff: could not start the release of study-api 1.2.3: HTTP 502 from " + api.url() + " (no problem details)");
        assertThat(api.requests()).hasSize(2);
    }

    @Test
    void anUnreachableLiftoffIsRetriedThenReported() throws IOException {
        env.put("LIFTOFF_URL", "http://127.0.0.1:" + freePort());
        env.put("LIFTOFF_RETRIES", "2");

        Result result = release("--wait");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.lines()).hasSize(3);
        assertThat(result.lines().get(0)).startsWith("liftoff: http://127.0.0.1:").endsWith("; retrying in 0s (1 of 2)");
        assertThat(result.lines().get(2)).startsWith("liftoff: cannot reach Liftoff at http://127.0.0.1:")
                .contains("Failed to connect");
    }

    @Test
    void withoutCredentialsNothingIsSent() {
        env.remove("LIFTOFF_PASSWORD");

        Result result = release();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("set LIFTOFF_PASSWORD");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void anAnswerThatIsNotAReleaseIsNotTakenForOne() {
        api.answerStart(201, "{\"id\":\"x\",\"state\":");

        Result result = release("--wait");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.output()).contains("Liftoff's answer (HTTP 201) is not a release: invalid JSON at byte");
    }

    private static String realCurl() throws IOException {
        for (String dir : System.getenv("PATH").split(":")) {
            Path curl = Path.of(dir, "curl");
            if (Files.isExecutable(curl)) {
                return curl.toString();
            }
        }
        throw new IOException("curl is not on PATH");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
