package dev.liftoff.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A node started again takes up the jobs it held when it died, and leaves alone those of other
 * nodes: a real engine on one H2 database, built twice as a node restarts.
 */
class NodeJobLocksTest {

    private final String database = "jdbc:h2:mem:node-locks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private ProcessEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aRestartedNodeReleasesItsOwnLocksAndNoOtherNodes() {
        engine = start(new NodeJobLocks("node-a", 0));
        engine.getRepositoryService().createDeployment().addModelInstance("steps.bpmn", Bpmn.createExecutableProcess("steps")
                .camundaHistoryTimeToLive(1).startEvent().serviceTask().camundaAsyncBefore().camundaExpression("${true}").endEvent()
                .done()).deploy();
        List<String> started = List.of(engine.getRuntimeService().startProcessInstanceByKey("steps").getId(),
                engine.getRuntimeService().startProcessInstanceByKey("steps").getId());
        JdbcTemplate jdbc = new JdbcTemplate(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource());
        // node-a died while it ran the first step, node-b is running the second
        lock(jdbc, started.get(0), "node-a");
        lock(jdbc, started.get(1), "node-b");
        assertThat(engine.getManagementService().createJobQuery().executable().list()).hasSize(2);
        engine.close();

        engine = start(new NodeJobLocks("node-a", 0));

        assertThat(lockOwner(jdbc, started.get(0))).as("node-a's own job").isNull();
        assertThat(lockOwner(jdbc, started.get(1))).as("node-b's job").isEqualTo("node-b");
        Job released = engine.getManagementService().createJobQuery().processInstanceId(started.get(0)).singleResult();
        engine.getManagementService().executeJob(released.getId());
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(started.get(0)).count()).isZero();
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().getLockOwner())
                .isEqualTo("node-a");
    }

    @Test
    void theNodeIdIsConfiguredElseHostAndPortElseOfThisRunOnly() {
        assertThat(new NodeJobLocks(" node-7 ", 8080).nodeId()).isEqualTo("node-7");
        assertThat(new NodeJobLocks("", 8080).nodeId()).endsWith(":8080");
        assertThat(new NodeJobLocks("", 0).nodeId()).isNotEqualTo(new NodeJobLocks("", 0).nodeId());
    }

    private ProcessEngine start(NodeJobLocks locks) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl(database);
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEngineName("node-locks-" + UUID.randomUUID());
        configuration.getProcessEnginePlugins().add(locks);
        return configuration.buildProcessEngine();
    }

    private static void lock(JdbcTemplate jdbc, String processInstanceId, String owner) {
        jdbc.update("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? WHERE PROCESS_INSTANCE_ID_ = ?", owner,
                new java.sql.Timestamp(System.currentTimeMillis() + 3_600_000), processInstanceId);
    }

    private static String lockOwner(JdbcTemplate jdbc, String processInstanceId) {
        return jdbc.queryForObject("SELECT LOCK_OWNER_ FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ = ?", String.class, processInstanceId);
    }
}
