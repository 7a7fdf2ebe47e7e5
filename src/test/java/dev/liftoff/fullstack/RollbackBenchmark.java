package dev.liftoff.fullstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liftoff.incident.FakeGitHub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * How fast Liftoff reacts to trouble, on the demo profile with its real job executor, deploy
 * webhook and blue-green production: from the failing observation to the rollback being invoked
 * and to the restored version verified (a {@code bad…} build), and from a failed monitoring tick
 * to the incident's GitHub issue being filed (a drill, against a local server speaking GitHub's
 * API). The moments come from the engine's history: when the failing step ended, when the rollback
 * step started and ended, when the issue step ended. Run with {@code bench/rollback.sh}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:rollback-bench-${random.uuid};DB_CLOSE_DELAY=-1",
        "liftoff.demo.free-ports=true",
        "liftoff.services.study-api.environments.staging.monitoring.phases[0].every=1s",
        "liftoff.services.study-api.environments.staging.monitoring.phases[0].for=1s",
        "liftoff.services.study-api.environments.production.monitoring.phases[0].every=1s",
        "liftoff.services.study-api.environments.production.monitoring.phases[0].for=1s"})
@ActiveProfiles("demo")
class RollbackBenchmark {

    private static final int RUNS = 5;
    private static final Duration STEP = Duration.ofSeconds(90);
    private static final long GOAL_ROLLBACK_INVOKED_MS = 1000;
    private static final long GOAL_ISSUE_FILED_MS = 2000;
    static final FakeGitHub GITHUB = FakeGitHub.startQuietly("acme/study-api");
    private static final List<String> results = new ArrayList<>();

    @DynamicPropertySource
    static void issueTracker(DynamicPropertyRegistry registry) {
        registry.add("liftoff.incidents.github.api-url", () -> GITHUB.apiUrl().toString());
        registry.add("liftoff.incidents.github.repository", () -> "acme/study-api");
        registry.add("liftoff.incidents.github.token-env", () -> "LIFTOFF_BENCH_GITHUB_TOKEN");
        registry.add("LIFTOFF_BENCH_GITHUB_TOKEN", () -> "bench-token");
    }

    @LocalServerPort
    int port;

    @Autowired
    HistoryService history;

    @AfterAll
    static void writeResults() throws IOException {
        GITHUB.close();
        String markdown = "## Reaction times (" + LocalDate.now() + ")\n\n" + String.join("\n", results);
        Path output = Path.of(System.getProperty("liftoff.bench.rollback-output", "target/bench/rollback.md"));
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, markdown);
        System.out.println(markdown);
    }

    @Test
    void rollsBackWithinASecondOfTheFailureAndFilesTheIssueWithinTwoSecondsOfAFailedTick() {
        ReleaseDriver driver = new ReleaseDriver(new LiftoffClient(port), STEP);
        List<Long> invoked = new ArrayList<>();
        List<Long> verified = new ArrayList<>();
        List<Long> filed = new ArrayList<>();
        for (int run = 0; run <= RUNS; run++) {
            String release = driver.start("bad0123456789", "erin");
            driver.approveThroughSignoff(release);
            assertThat(driver.outcome(release)).isEqualTo("ROLLED_BACK");
            HistoricActivityInstance failed = lastOf(release, "environment-deployment", "Task_VerifyEnvironment");
            HistoricActivityInstance switchBack = lastOf(release, "rollback", "Task_SwitchTrafficBack");
            HistoricActivityInstance restored = lastOf(release, "rollback", "Task_VerifyRestoredVersion");
            if (run > 0) { // the first run warms Liftoff up
                invoked.add(switchBack.getStartTime().getTime() - failed.getEndTime().getTime());
                verified.add(restored.getEndTime().getTime() - failed.getEndTime().getTime());
            }

            String drill = driver.start("d1e1d0c0ffee12", "erin", true);
            driver.decide(drill, "UserTask_GoNoGo", "rita", Map.of("decision", ReleaseDriver.value("GO")));
            assertThat(driver.outcome(drill)).isEqualTo("FAILED");
            HistoricActivityInstance tick = lastOf(drill, "monitoring-window", "Task_RunTick");
            HistoricActivityInstance issue = LiftoffClient.await("the issue of " + drill, STEP,
                    () -> lastOrNull(drill, "incident-response", "Task_FileTrackerIssue", true));
            if (run > 0) {
                filed.add(issue.getEndTime().getTime() - tick.getEndTime().getTime());
            }
        }
        results.add(table(invoked, verified, filed));
        assertThat(median(invoked)).isLessThanOrEqualTo(GOAL_ROLLBACK_INVOKED_MS);
        assertThat(median(filed)).isLessThanOrEqualTo(GOAL_ISSUE_FILED_MS);
    }

    private HistoricActivityInstance lastOf(String businessKey, String processKey, String activityId) {
        HistoricActivityInstance found = lastOrNull(businessKey, processKey, activityId, true);
        assertThat(found).as(activityId + " of " + processKey + " in " + businessKey).isNotNull();
        return found;
    }

    /** the last finished instance of the activity in the process of that release, or null */
    private HistoricActivityInstance lastOrNull(String businessKey, String processKey, String activityId, boolean finished) {
        List<String> instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .processDefinitionKey(processKey).list().stream().map(HistoricProcessInstance::getId).toList();
        return instances.stream()
                .flatMap(id -> history.createHistoricActivityInstanceQuery().processInstanceId(id).activityId(activityId)
                        .finished().list().stream())
                .max(Comparator.comparing(HistoricActivityInstance::getEndTime))
                .orElse(null);
    }

    private static String table(List<Long> invoked, List<Long> verified, List<Long> filed) {
        return """
                Medians of %d runs after one warm-up run, in ms:

                | from | to | median | runs | goal |
                |---|---|---|---|---|
                | production verification failed (`bad…` build) | rollback invoked: traffic switch back starts | %d | %s | ≤ %d |
                | production verification failed | restored version verified | %d | %s | |
                | failed staging tick (drill) | GitHub issue filed | %d | %s | ≤ %d |
                """.formatted(RUNS, median(invoked), list(invoked), GOAL_ROLLBACK_INVOKED_MS, median(verified), list(verified),
                median(filed), list(filed), GOAL_ISSUE_FILED_MS);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String list(List<Long> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", ", "", "")).formatted(Locale.ROOT);
    }
}
