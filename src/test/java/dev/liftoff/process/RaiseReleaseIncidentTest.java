package dev.liftoff.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ServiceTaskBuilder;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real {@code raiseReleaseIncident} step in a called stage of a release, as release-lifecycle
 * will use it (registered by {@link StandIns}): it starts incident-response on its own and lists
 * the incident on the release.
 */
@Deployment(resources = {"processes/incident-response.bpmn", "forms/incident-acknowledgement.form", "forms/post-incident-review.form"})
class RaiseReleaseIncidentTest extends ReleaseProcessTestBase {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder("camunda-process-test.cfg.xml").build();

    private static final String RELEASE = "incident-raising-release";
    private static final String STAGE = "incident-raising-stage";

    private final AtomicInteger failuresAfterRaising = new AtomicInteger();
    private String harness;

    @BeforeEach
    void deployHarness() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-01T10:15:30.250Z")));
        Mocks.register("afterRaising", (JavaDelegate) execution -> {
            if (failuresAfterRaising.getAndDecrement() > 0) {
                throw new IllegalStateException("the step broke after raising the incident");
            }
        });
    }

    @AfterEach
    void removeHarness() {
        ClockUtil.reset();
        if (harness != null) {
            engine.getRepositoryService().deleteDeployment(harness, true);
        }
    }

    /** a release that calls a stage whose step raises an incident with these inputs */
    private void deploy(Map<String, String> inputs) {
        BpmnModelInstance release = Bpmn.createExecutableProcess(RELEASE).camundaHistoryTimeToLive(1)
                .startEvent().callActivity("CallActivity_Stage").calledElement(STAGE).camundaIn(Vars.SERVICE, Vars.SERVICE)
                .camundaIn(Vars.VERSION, Vars.VERSION).camundaIn(Vars.COMMIT_SHA, Vars.COMMIT_SHA)
                .endEvent().done();
        ServiceTaskBuilder raise = Bpmn.createExecutableProcess(STAGE).camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("Task_RaiseIncident").camundaAsyncBefore().camundaDelegateExpression("${raiseReleaseIncident}");
        inputs.forEach(raise::camundaInputParameter);
        BpmnModelInstance stage = raise.serviceTask("Task_AfterRaising").camundaDelegateExpression("${afterRaising}").endEvent().done();
        harness = engine.getRepositoryService().createDeployment().addModelInstance(RELEASE + ".bpmn", release)
                .addModelInstance(STAGE + ".bpmn", stage).deploy().getId();
    }

    private ProcessInstance startRelease(Map<String, Object> variables) {
        Map<String, Object> all = new java.util.HashMap<>(Map.of(Vars.SERVICE, TestServices.SHOP, Vars.VERSION, "2.0.0",
                Vars.COMMIT_SHA, "abcdef0123"));
        all.putAll(variables);
        return engine.getRuntimeService().startProcessInstanceByKey(RELEASE, "shop@2.0.0", all);
    }

    @Test
    void startsAnIncidentOfItsOwnAndListsItOnTheRelease() throws Exception {
        deploy(Map.of(Vars.INCIDENT_KIND, "production-rollback", Vars.INCIDENT_STAGE, "production",
                Vars.INCIDENT_EVIDENCE, "2/3 passed — score: status 500 (expected 200)\n{\"error\":\"db locked\"}"));
        ProcessInstance release = startRelease(Map.of());
        runJobs();

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(release.getId()).count())
                .as("the release went on without waiting").isZero();
        ProcessInstance incident = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ProcessKeys.INCIDENT_RESPONSE).singleResult();
        assertThat(incident.getBusinessKey()).isEqualTo("shop@2.0.0");
        Map<String, Object> variables = engine.getRuntimeService().getVariables(incident.getId());
        assertThat(variables)
                .containsEntry(Vars.INCIDENT_SEVERITY, "P1")
                .containsEntry(Vars.INCIDENT_TITLE, "shop: production failure (2026-03-01T10:15:30Z)")
                .containsEntry(Vars.RELEASE_INSTANCE_ID, release.getId())
                .containsEntry(Vars.SERVICE, "shop")
                .containsEntry(Vars.VERSION, "2.0.0")
                .containsEntry(Vars.COMMIT_SHA, "abcdef0123")
                .containsEntry(Vars.DRILL, false);
        assertThat((String) variables.get(Vars.INCIDENT_BODY))
                .contains("| Release | shop@2.0.0 |", "| Commit | `abcdef0123` |", "| Stage | production |", "| Severity | P1 |")
                .contains("```text\n2/3 passed — score: status 500 (expected 200)\n{\"error\":\"db locked\"}\n```")
                .doesNotContain("http");

        List<JsonNode> incidents = incidentsOf(release);
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).path("incidentId").asText()).isEqualTo(incident.getId());
        assertThat(incidents.get(0).path("severity").asText()).isEqualTo("P1");
        assertThat(incidents.get(0).path("title").asText()).isEqualTo("shop: production failure (2026-03-01T10:15:30Z)");
        assertThat(incidents.get(0).path("raisedAt").asText()).isEqualTo("2026-03-01T10:15:30Z");
        assertThat(incidents.get(0).path("drill").asBoolean()).isFalse();
    }

    @Test
    void aDrillIsMarkedAndAGivenSeverityWinsOverTheKind() throws Exception {
        deploy(Map.of(Vars.INCIDENT_KIND, "staging-monitor", Vars.INCIDENT_STAGE, "staging monitoring", Vars.INCIDENT_SEVERITY, "P4"));
        ProcessInstance release = startRelease(Map.of(Vars.DRILL, true));
        runJobs();

        ProcessInstance incident = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ProcessKeys.INCIDENT_RESPONSE).singleResult();
        Map<String, Object> variables = engine.getRuntimeService().getVariables(incident.getId());
        assertThat(variables).containsEntry(Vars.INCIDENT_SEVERITY, "P4").containsEntry(Vars.DRILL, true)
                .containsEntry(Vars.INCIDENT_TITLE, "[DRILL] shop: staging monitoring failure (2026-03-01T10:15:30Z)");
        assertThat((String) variables.get(Vars.INCIDENT_BODY)).contains("**This is a drill.**", "_No evidence was recorded._");
        assertThat(incidentsOf(release).get(0).path("drill").asBoolean()).isTrue();
    }

    @Test
    void anUnknownKindIsP3() {
        deploy(Map.of(Vars.INCIDENT_KIND, "something-new", Vars.INCIDENT_STAGE, "production"));
        startRelease(Map.of());
        runJobs();

        assertThat(engine.getRuntimeService().createVariableInstanceQuery().variableName(Vars.INCIDENT_SEVERITY).singleResult().getValue())
                .isEqualTo("P3");
    }

    @Test
    void aRetriedStepStartsTheIncidentOnce() {
        deploy(Map.of(Vars.INCIDENT_KIND, "production-rollback", Vars.INCIDENT_STAGE, "production"));
        failuresAfterRaising.set(1);
        ProcessInstance release = startRelease(Map.of());

        Job raising = engine.getManagementService().createJobQuery().activityId("Task_RaiseIncident").singleResult();
        assertThatThrownBy(() -> engine.getManagementService().executeJob(raising.getId()))
                .hasMessageContaining("the step broke after raising the incident");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ProcessKeys.INCIDENT_RESPONSE).count())
                .as("rolled back with the step").isZero();
        engine.getManagementService().executeJob(raising.getId());

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ProcessKeys.INCIDENT_RESPONSE).count())
                .isEqualTo(1);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(release.getId())
                .variableName(Vars.INCIDENTS).singleResult()).isNotNull();
    }

    private List<JsonNode> incidentsOf(ProcessInstance release) throws Exception {
        Object value = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(release.getId())
                .variableName(Vars.INCIDENTS).singleResult().getValue();
        return List.of(JsonVars.MAPPER.treeToValue(JsonVars.MAPPER.readTree(value.toString()), JsonNode[].class));
    }
}
