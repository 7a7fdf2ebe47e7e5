package dev.liftoff.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.liftoff.config.AdminProperties;
import dev.liftoff.config.BlueGreenConfig;
import dev.liftoff.config.DeployStrategy;
import dev.liftoff.config.DeployTargetConfig;
import dev.liftoff.config.EnvironmentConfig;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.SecretResolver;
import dev.liftoff.incident.RaiseReleaseIncidentDelegate;
import dev.liftoff.incident.ReleaseIncidents;
import dev.liftoff.config.ServiceConfig;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.ProcessKeys;
import dev.liftoff.process.Vars;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.env.MockEnvironment;

/**
 * The rollback's switch back and redeploy, the real delegates inside the real BPMN, against a deploy
 * system on a loopback port: what they send, and how a refusal becomes a failed rollback that
 * operations are asked to handle instead of an incident nobody is asked to act on.
 */
@Deployment(resources = {"processes/rollback.bpmn", "forms/manual-intervention.form", "incident-response-stand-in.bpmn"})
class RollbackRestoreTest {

    // the process tests' engine; coverage of rollback.bpmn is RollbackProcessTest's business
    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder("camunda-process-test.cfg.xml").build();

    private static final String TOKEN = "s3cret-switch-token";
    private static final Map<String, Object> PREVIOUS = Map.of("version", "1.9.0", "commitSha", "1111aaa");

    private ProcessEngine engine;
    private RecordingWebhook deploySystem;

    @BeforeEach
    void start(ProcessEngine processEngine) throws IOException {
        engine = processEngine;
        deploySystem = new RecordingWebhook();
        LiftoffProperties properties = properties(deploySystem);
        DeployTargets targets = new DeployTargets(properties, new SecretResolver(new MockEnvironment().withProperty("DEPLOY_TOKEN", TOKEN)));
        Mocks.register("chooseRollbackTarget", new ChooseRollbackTargetDelegate(new RollbackTargets(engine.getHistoryService())));
        Mocks.register("deployStrategies", new DeployStrategies(properties));
        Mocks.register("switchTrafficBack", new SwitchTrafficBackDelegate(targets));
        Mocks.register("redeployPreviousVersion", new RedeployPreviousVersionDelegate(targets));
        Mocks.register("manualInterventionRecorder", new ManualInterventionRecorder());
        Mocks.register("planManualIntervention", new PlanManualInterventionDelegate(properties));
        Mocks.register("raiseReleaseIncident", new RaiseReleaseIncidentDelegate(new ReleaseIncidents(properties, engine.getRuntimeService())));
        Mocks.register("verifyRestoredVersion", (JavaDelegate) execution -> execution.setVariable(Vars.ROLLBACK_VERIFIED, true));
    }

    @AfterEach
    void stop() {
        deploySystem.close();
        Mocks.reset();
    }

    @Test
    void theSwitchBackAsksForThePreviousVersionWithTokenAndIdempotencyKey() throws IOException {
        ProcessInstance rollback = startRollback("kiosk", true);
        runJobs(rollback);

        RecordingWebhook.Received received = deploySystem.received().get(0);
        assertThat(deploySystem.received()).hasSize(1);
        assertThat(received.headers().getFirst("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(received.headers().getFirst("Idempotency-Key"))
                .isEqualTo(IdempotencyKeys.of(rollback.getId(), "Task_SwitchTrafficBack", "production"));
        assertThat(new ObjectMapper().readValue(received.body(), Map.class)).isEqualTo(Map.of(
                "service", "kiosk", "environment", "production", "version", "1.9.0", "commitSha", "1111aaa"));
        assertThat(variable(rollback, SwitchTrafficBackDelegate.RECEIPT)).isNotNull();
        assertThat(variable(rollback, Vars.ROLLBACK_VERIFIED)).isEqualTo(true);
    }

    @Test
    void aRefusedSwitchBackIsRetriedWithTheSameKeyAndTheLastRefusalFailsTheRollbackVisibly() {
        deploySystem.answer(409, "{\"error\":\"slot blue is not warm\"}");
        ProcessInstance rollback = startRollback("kiosk", true);
        executeJob(rollback); // chooses the version

        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThatThrownBy(() -> executeJob(rollback)).isInstanceOf(DeployFailedException.class).hasMessageContaining("answered 409");
        }
        executeJob(rollback); // the last attempt: no incident, a failed rollback

        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(rollback.getId()).count()).isZero();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(rollback.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo("UserTask_ManualIntervention");
        assertThat((String) engine.getRuntimeService().getVariable(rollback.getId(), Vars.ROLLBACK_FAILURE))
                .isEqualTo("Switching production traffic back to 1.9.0 (1111aaa) was refused: webhook "
                        + deploySystem.url("/switch") + " answered 409: {\"error\":\"slot blue is not warm\"}");
        List<String> keys = deploySystem.received().stream().map(r -> r.headers().getFirst("Idempotency-Key")).distinct().toList();
        assertThat(deploySystem.received()).hasSize(3);
        assertThat(keys).hasSize(1);
    }

    @Test
    void aRefusedRedeployFailsTheRollbackVisiblyToo() {
        deploySystem.answer(503, "maintenance");
        ProcessInstance rollback = startRollback("shop", false);
        executeJob(rollback);
        assertThatThrownBy(() -> executeJob(rollback)).isInstanceOf(DeployFailedException.class);
        assertThatThrownBy(() -> executeJob(rollback)).isInstanceOf(DeployFailedException.class);
        executeJob(rollback);

        assertThat(deploySystem.received()).allSatisfy(r -> assertThat(r.body()).contains("\"version\":\"1.9.0\""));
        assertThat((String) engine.getRuntimeService().getVariable(rollback.getId(), Vars.ROLLBACK_FAILURE))
                .isEqualTo("Redeploying 1.9.0 (1111aaa) to production was refused: webhook "
                        + deploySystem.url("/deploy") + " answered 503: maintenance");
    }

    private ProcessInstance startRollback(String service, boolean trafficSwitched) {
        Map<String, Object> variables = new java.util.HashMap<>(Map.of(Vars.SERVICE, service, Vars.VERSION, "2.0.0",
                Vars.COMMIT_SHA, "abcdef0123", Vars.ENVIRONMENT, "production",
                Vars.previousReleaseOf("production"), JsonVars.json(PREVIOUS)));
        if (trafficSwitched) {
            variables.put(Vars.trafficSwitchOf("production"), JsonVars.json(Map.of("status", 200)));
        }
        return engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.ROLLBACK, service + "@2.0.0", variables);
    }

    private void executeJob(ProcessInstance instance) {
        Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
        engine.getManagementService().executeJob(job.getId());
    }

    private void runJobs(ProcessInstance instance) {
        while (engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count() > 0) {
            executeJob(instance);
        }
    }

    private Object variable(ProcessInstance instance, String name) {
        var value = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).disableCustomObjectDeserialization().singleResult();
        return value == null ? null : value.getValue() == null ? value.getTypedValue() : value.getValue();
    }

    private static LiftoffProperties properties(RecordingWebhook deploySystem) {
        DeployTargetConfig deploy = webhook(deploySystem.url("/deploy"));
        EnvironmentConfig staging = new EnvironmentConfig(URI.create("http://127.0.0.1:9"), null, null, deploy, null);
        EnvironmentConfig direct = new EnvironmentConfig(URI.create("http://127.0.0.1:9"), null, null, deploy, null);
        EnvironmentConfig blueGreen = new EnvironmentConfig(URI.create("http://127.0.0.1:9"), null, null, deploy, null,
                DeployStrategy.BLUE_GREEN, new BlueGreenConfig(URI.create("http://127.0.0.1:10"), webhook(deploySystem.url("/switch"))), null, null);
        return new LiftoffProperties(new AdminProperties("admin", "admin"), Map.of(
                "shop", service(staging, direct), "kiosk", service(staging, blueGreen)));
    }

    private static ServiceConfig service(EnvironmentConfig staging, EnvironmentConfig production) {
        return new ServiceConfig(Map.of("staging", staging, "production", production), List.of(), null, null, null, null, null, null);
    }

    private static DeployTargetConfig webhook(URI url) {
        return new DeployTargetConfig(DeployTargetConfig.Type.WEBHOOK, new DeployTargetConfig.Webhook(url, "DEPLOY_TOKEN", null), null);
    }
}
