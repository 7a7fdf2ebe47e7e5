package dev.liftoff.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liftoff.fullstack.DemoStack;
import dev.liftoff.process.ProcessKeys;
import dev.liftoff.process.Vars;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * History does not grow without bound: every process is deployed with the time to live that
 * {@code liftoff.history.time-to-live} gives it (application.yaml), the engine cleans up in the
 * configured window, and a cleanup run past a release's time to live removes its history. On H2,
 * and on PostgreSQL in the {@code -Ppostgres} run.
 */
@DemoStack
// the test runs the jobs itself, with the engine's clock moved past the time to live
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
class HistoryCleanupTest {

    @Autowired
    ProcessEngine engine;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void everyProcessIsDeployedWithItsTimeToLiveFromTheConfiguration() {
        Map<String, Integer> timeToLive = engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list().stream()
                .collect(Collectors.toMap(ProcessDefinition::getKey, ProcessDefinition::getHistoryTimeToLive));

        assertThat(timeToLive).containsEntry(ProcessKeys.RELEASE_LIFECYCLE, 400).containsEntry(ProcessKeys.INCIDENT_RESPONSE, 400)
                .containsEntry(ProcessKeys.RELEASE_NOTIFICATION, 30).containsEntry(ProcessKeys.TASK_NOTIFICATION, 30);
        // every other process (the stages, which go with their release anyway) takes the default
        assertThat(timeToLive).containsEntry(ProcessKeys.ENVIRONMENT_DEPLOYMENT, 180).containsEntry(ProcessKeys.GO_LIVE_SIGNOFF, 180)
                .hasSize(11);
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    }

    @Test
    void aCleanupPastItsTimeToLiveRemovesAnEndedReleasesHistory() {
        ProcessInstance release = engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.RELEASE_LIFECYCLE, "nope@1.0",
                Variables.createVariables().putValue(Vars.SERVICE, "nope").putValue(Vars.VERSION, "1.0")
                        .putValue(Vars.COMMIT_SHA, "xyz").putValue(Vars.REQUESTED_BY, "erin"));
        runJobsOfInstances();
        HistoryService history = engine.getHistoryService();
        HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceId(release.getId()).singleResult();
        assertThat(ended.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(release.getId()).variableName(Vars.OUTCOME)
                .singleResult().getValue()).isEqualTo("REJECTED");

        // the engine adds calendar days in the server's time zone: a daylight saving change moves it by an hour
        Date removal = ended.getRemovalTime();
        assertThat(removal).isCloseTo(Date.from(ended.getEndTime().toInstant().plus(Duration.ofDays(400))), Duration.ofHours(1).toMillis());

        ClockUtil.setCurrentTime(Date.from(removal.toInstant().minus(Duration.ofDays(1))));
        cleanUpHistory();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(release.getId()).count())
                .as("a day before its removal time").isEqualTo(1);

        ClockUtil.setCurrentTime(Date.from(removal.toInstant().plus(Duration.ofMinutes(1))));
        cleanUpHistory();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(release.getId()).count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(release.getId()).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(release.getId()).count()).isZero();
    }

    /** what the cleanup job does in its window, now */
    private void cleanUpHistory() {
        Job cleanup = engine.getHistoryService().cleanUpHistoryAsync(true);
        engine.getManagementService().executeJob(cleanup.getId());
    }

    /** the job executor is off: executes the due jobs of process instances (not the cleanup job) until none is left */
    private void runJobsOfInstances() {
        for (int round = 0; round < 100; round++) {
            List<Job> jobs = engine.getManagementService().createJobQuery().executable().list().stream()
                    .filter(job -> job.getProcessInstanceId() != null)
                    .toList();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep coming");
    }
}
