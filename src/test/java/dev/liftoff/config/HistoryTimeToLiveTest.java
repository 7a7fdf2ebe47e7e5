package dev.liftoff.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;

/**
 * The time to live from {@code liftoff.history.time-to-live} reaches the deployed process
 * definitions whichever way they get there: a new deployment, a deployment filtered out because
 * nothing changed (the setting changed since), and a new version of one BPMN. Two engines one after
 * the other on one database, as two starts of Liftoff.
 */
class HistoryTimeToLiveTest {

    private static final String LIFECYCLE = "processes/release-lifecycle.bpmn";
    private static final String NOTIFICATION = "processes/release-notification.bpmn";

    private final String database = "jdbc:h2:mem:history-ttl-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Test
    void everyDefinitionTakesTheTimeToLiveOfTheCurrentConfiguration() throws IOException {
        ProcessEngine first = start(new HistoryProperties(Map.of("default", Duration.ofDays(90), "release-lifecycle", Duration.ofDays(400)),
                "01:00-05:00"));
        try {
            deploy(first, resource(LIFECYCLE), resource(NOTIFICATION));
            assertThat(timeToLive(first)).containsExactlyInAnyOrder("release-lifecycle:1=400", "release-notification:1=90");
            ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) first.getProcessEngineConfiguration();
            assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
            assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        } finally {
            first.close();
        }

        // the next start, with another setting: the same BPMN makes no new version, the old ones are updated
        ProcessEngine second = start(new HistoryProperties(Map.of("default", Duration.ofDays(30)), ""));
        try {
            deploy(second, resource(LIFECYCLE), resource(NOTIFICATION));
            assertThat(timeToLive(second)).containsExactlyInAnyOrder("release-lifecycle:1=30", "release-notification:1=30");
            assertThat(((ProcessEngineConfigurationImpl) second.getProcessEngineConfiguration()).getHistoryCleanupBatchWindowStartTime())
                    .as("no window: no cleanup on its own").isNull();

            // a changed BPMN makes a new version of every process in the deployment (deploy-changed-only is off),
            // each stored with the configured time to live, not its file's P180D
            String changed = resource(NOTIFICATION).replace("name=\"Release notification\"", "name=\"Release notification (v2)\"");
            assertThat(changed).contains("camunda:historyTimeToLive=\"P180D\"").contains("(v2)");
            deploy(second, resource(LIFECYCLE), changed);
            assertThat(timeToLive(second)).containsExactlyInAnyOrder("release-lifecycle:1=30", "release-notification:1=30",
                    "release-lifecycle:2=30", "release-notification:2=30");
        } finally {
            second.close();
        }
    }

    @Test
    void withoutConfigurationTheBpmnTimeToLiveStays() throws IOException {
        ProcessEngine engine = start(new HistoryProperties(Map.of(), null));
        try {
            deploy(engine, resource(LIFECYCLE), resource(NOTIFICATION));
            assertThat(timeToLive(engine)).containsExactlyInAnyOrder("release-lifecycle:1=180", "release-notification:1=180");
        } finally {
            engine.close();
        }
    }

    private ProcessEngine start(HistoryProperties history) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl(database)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setJobExecutorActivate(false)
                .setProcessEngineName("history-ttl-" + UUID.randomUUID());
        configuration.setProcessEnginePlugins(List.of(new HistoryCleanup(history)));
        return configuration.buildProcessEngine();
    }

    /** as the process application deploys on every start: nothing when nothing changed, else everything */
    private static void deploy(ProcessEngine engine, String lifecycle, String notification) {
        engine.getRepositoryService().createDeployment().name("liftoff").enableDuplicateFiltering(false)
                .addString("release-lifecycle.bpmn", lifecycle)
                .addString("release-notification.bpmn", notification)
                .deploy();
    }

    private static List<String> timeToLive(ProcessEngine engine) {
        return engine.getRepositoryService().createProcessDefinitionQuery().list().stream()
                .map(definition -> definition.getKey() + ":" + definition.getVersion() + "=" + definition.getHistoryTimeToLive())
                .toList();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HistoryTimeToLiveTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
