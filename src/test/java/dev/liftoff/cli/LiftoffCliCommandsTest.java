package dev.liftoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.liftoff.cli.FakeReleaseApi.Request;
import dev.liftoff.cli.LiftoffCli.Result;
import dev.liftoff.cli.ReleaseView.Task;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bin/liftoff status, rollback, --help, and what it says to a wrong command line. */
class LiftoffCliCommandsTest {

    private final LiftoffCli cli = LiftoffCli.ofThisCheckout();
    private FakeReleaseApi api;
    private Map<String, String> env;

    @BeforeEach
    void startApi() throws IOException {
        api = new FakeReleaseApi();
        env = LiftoffCli.ciEnvironment(api.url(), FakeReleaseApi.USER, FakeReleaseApi.PASSWORD);
        env.put("LIFTOFF_RETRY_DELAY", "0");
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    @Test
    void statusShowsStateStageEnvironmentsAndTheOpenTasksWithTheirLinks() {
        api.play(ReleaseView.started().staging(true, "44 of 44 checks passed").waitingFor("go-live sign-off",
                Task.forGroup("task-eng", "Sign off go-live as engineering-leads: study-api 1.2.3", "engineering-leads"),
                new Task("task-po", "Sign off go-live as product-owners: study-api 1.2.3", List.of(), List.of("paula"))));

        Result result = cli.run(env, "status", ReleaseView.ID);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.lines()).containsExactly(
                "liftoff: release " + ReleaseView.ID + " (study-api@1.2.3)",
                "  service:      study-api 1.2.3 (commit c0ffee1234abcd)",
                "  requested by: erin, started by ci-bot at 2026-03-02T10:15:30Z",
                "  state:        WAITING_FOR_APPROVAL",
                "  stage:        go-live sign-off",
                "  staging:      verified: 44 of 44 checks passed",
                "  production:   not verified yet",
                "  open tasks:",
                "    engineering-leads: Sign off go-live as engineering-leads: study-api 1.2.3 -> "
                        + ReleaseView.taskLink(api.url(), "task-eng"),
                "    paula: Sign off go-live as product-owners: study-api 1.2.3 -> "
                        + ReleaseView.taskLink(api.url(), "task-po"),
                "  cockpit:      " + api.url() + "/camunda/app/cockpit/default/#/process-instance/" + ReleaseView.ID,
                "  report:       " + api.url() + "/api/releases/" + ReleaseView.ID + "/report");
        assertThat(api.requests()).extracting(Request::method, Request::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GET", "/api/releases/" + ReleaseView.ID));
    }

    @Test
    void statusShowsTheOutcomeOfAReleaseThatEnded() {
        api.play(ReleaseView.started().staging(false, "3 of 44 checks failed")
                .ended("FAILED", "staging verification failed: 3 of 44 checks failed"));

        Result result = cli.run(env, "status", ReleaseView.ID);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.lines()).contains(
                "  state:        FAILED",
                "  staging:      failed its verification: 3 of 44 checks failed",
                "  outcome:      FAILED: staging verification failed: 3 of 44 checks failed");
        assertThat(result.output()).doesNotContain("open tasks");
    }

    @Test
    void statusEncodesTheIdInThePath() {
        String id = "study-api@1.2.3 #2/rc?";
        api.play(ReleaseView.started().withId(id));

        Result result = cli.run(env, "status", "--url", api.url() + "/", id);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.requests().get(0).path()).isEqualTo("/api/releases/study-api%401.2.3%20%232%2Frc%3F");
    }

    @Test
    void statusOfAnUnknownReleasePrintsTheProblem() {
        api.play(ReleaseView.started());

        Result result = cli.run(env, "status", "nope");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.lines()).containsExactly("liftoff: could not read release nope: Not Found (HTTP 404): No release nope");
    }

    @Test
    void rollbackSendsTheReasonAndPrintsWhereTheReleaseStands() throws IOException {
        api.play(ReleaseView.started().running("production monitoring"));

        Result result = cli.run(env, "rollback", ReleaseView.ID, "--reason", "error rate \"climbing\"\nsee dashboard");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.lines()).containsExactly("liftoff: rollback of release " + ReleaseView.ID
                + " asked for (HTTP 202): RUNNING (stage: production monitoring)");
        Request request = api.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/releases/" + ReleaseView.ID + "/rollback");
        assertThat(new ObjectMapper().readTree(request.body()).get("reason").asText())
                .isEqualTo("error rate \"climbing\"\nsee dashboard");
    }

    @Test
    void aRollbackOutsideProductionIsRefusedWithItsReason() {
        api.play(ReleaseView.started());
        api.answerRollback(409, FakeReleaseApi.problem(409, "Cannot roll back",
                "the release is at pre-deployment checks; production has not changed"));

        Result result = cli.run(env, "rollback", ReleaseView.ID, "--reason", "oops");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.lines()).containsExactly("liftoff: could not roll back release " + ReleaseView.ID
                + ": Cannot roll back (HTTP 409): the release is at pre-deployment checks; production has not changed");
    }

    @Test
    void aRollbackThatReachedLiftoffIsNotAskedForTwice() {
        api.play(ReleaseView.started());
        api.answerRollback(500, FakeReleaseApi.problem(500, "Internal Server Error", "boom"));
        env.put("LIFTOFF_RETRIES", "3");

        Result result = cli.run(env, "rollback", ReleaseView.ID, "--reason", "oops");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(api.requests()).hasSize(1);
        assertThat(result.output()).contains("Internal Server Error (HTTP 500): boom");
    }

    @Test
    void helpPrintsTheUsage() {
        for (String help : List.of("--help", "-h", "help")) {
            Result result = cli.run(help);

            assertThat(result.exitCode()).isZero();
            assertThat(result.output()).startsWith("Usage:\n  liftoff release --service S --version V --sha SHA --requested-by USER")
                    .contains("Exit codes:", "  5  timed out", "LIFTOFF_USER, LIFTOFF_PASSWORD");
        }
        assertThat(cli.run("release", "--help").output()).startsWith("Usage:");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            (nothing)                                                   | say what to do: release, status or rollback
            deploy                                                      | unknown command: deploy
            release --service study-api                                 | release needs --version --sha --requested-by
            release --service s --version v --sha c0ffee1 --requested-by e --wait --until staging | --wait and --until exclude each other
            release --service s --version v --sha c0ffee1 --requested-by e --until qa             | --until takes staging or production, not: qa
            release --service s --version v --sha c0ffee1 --requested-by e --wait --timeout 2d    | --timeout takes a duration such as 90s, 45m or 2h, not: 2d
            release --service s --version v --sha c0ffee1 --requested-by e --wait --timeout 0     | --timeout takes a duration
            release --service s --version v --sha c0ffee1 --requested-by e --timeout 1h           | --timeout needs --wait or --until
            release --service s --version v --sha c0ffee1 --requested-by e --password x           | release: unknown argument: --password
            release --service s --version v --sha c0ffee1 --requested-by                          | --requested-by needs a value
            status                                                      | status needs the release id
            status a b                                                  | status takes one release id, not also: b
            status a --reason x                                         | status: unknown argument: --reason
            rollback a                                                  | rollback needs --reason
            rollback a --reason                                         | --reason needs a value
            status a --url ftp://liftoff                                | --url must start with http:// or https://
            """)
    void aWrongCommandLineExitsOneSayingWhatIsWrongAndSendsNothing(String commandLine, String message) {
        String[] args = commandLine.equals("(nothing)") ? new String[0] : commandLine.split(" ");

        Result result = cli.run(env, args);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.output()).contains("liftoff: " + message).contains("see 'liftoff --help'");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void withoutAnAddressItAsksForOne() {
        env.remove("LIFTOFF_URL");

        Result result = cli.run(env, "status", "x");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("say where Liftoff is: --url URL or LIFTOFF_URL");
    }
}
