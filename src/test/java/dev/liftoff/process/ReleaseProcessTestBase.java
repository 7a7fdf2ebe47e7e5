package dev.liftoff.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import dev.liftoff.notification.EmailTaskCandidatesDelegate;
import dev.liftoff.notification.Mailer;
import dev.liftoff.notification.RemindTaskDelegate;
import dev.liftoff.notification.TaskMail;
import dev.liftoff.notification.TaskNotifications;
import dev.liftoff.notification.TaskReminders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Runs the real BPMN of every stage on an in-memory engine, with the job executor off: a test
 * executes jobs itself, completes tasks as the people who would, and reads the outcome.
 */
abstract class ReleaseProcessTestBase {

    protected ProcessEngine engine;
    protected StandIns standIns;
    private static int releases;

    /** an engine on {@code camunda-process-test.cfg.xml} whose test class must reach every flow node */
    static ProcessEngineCoverageExtension fullCoverage() {
        return ProcessEngineCoverageExtension.builder("camunda-process-test.cfg.xml").assertClassCoverageAtLeast(1.0).build();
    }

    @BeforeEach
    void registerStandIns(ProcessEngine processEngine) {
        engine = processEngine;
        // bind the assertions to this engine: otherwise they pick one from the JVM-wide registry,
        // which test classes that ran earlier in the same JVM fill too
        BpmnAwareTests.init(processEngine);
        standIns = StandIns.register(engine);
    }

    /** starts one stage alone, with the variables its caller would pass in */
    protected ProcessInstance startStage(String processKey, String businessKey, Map<String, Object> extra) {
        Map<String, Object> variables = new java.util.HashMap<>(Map.of(Vars.SERVICE, TestServices.SHOP, Vars.VERSION, "2.0.0",
                Vars.COMMIT_SHA, "abcdef0123", Vars.REQUESTED_BY, "erin", Vars.STARTED_BY, "ci-bot"));
        variables.putAll(extra);
        return engine.getRuntimeService().startProcessInstanceByKey(processKey, businessKey, variables);
    }

    @AfterEach
    void reset() {
        engine.getIdentityService().clearAuthentication();
        Mocks.reset();
        ClockUtil.reset();
    }

    /** moves the engine's clock and runs whatever fell due */
    protected void passTo(Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
        runJobs();
    }

    /**
     * The reminder step and the mail it asks for, for real: the mails go out from task-notification
     * instances (deploy {@code processes/task-notification.bpmn} too) to the SMTP server on that
     * port, with links to https://liftoff.example.com.
     */
    protected static void useRealReminders(int smtpPort) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtpPort);
        Mailer mailer = new Mailer(sender, "liftoff@example.com");
        Mocks.register("remindTask", new RemindTaskDelegate(new TaskReminders(new TaskNotifications(mailer))));
        Mocks.register("emailTaskCandidates", new EmailTaskCandidatesDelegate(new TaskMail(mailer, "https://liftoff.example.com")));
    }

    /** the timers an instance waits on */
    protected List<Job> timers(ProcessInstance instance) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().list();
    }

    protected ProcessInstance startRelease(String service, String requestedBy, String startedBy) {
        String version = "1." + (++releases) + ".0";
        engine.getIdentityService().setAuthenticatedUserId(startedBy);
        try {
            return engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.RELEASE_LIFECYCLE, service + "@" + version,
                    Variables.createVariables().putValue(Vars.SERVICE, service).putValue(Vars.VERSION, version)
                            .putValue(Vars.COMMIT_SHA, String.format("abcde%05x", releases)).putValue(Vars.REQUESTED_BY, requestedBy));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** executes due jobs until the release waits for a person or has ended */
    protected void runJobs() {
        for (int round = 0; round < 100; round++) {
            List<Job> jobs = engine.getManagementService().createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                // a job before it may have ended its scope (a terminating end event) and taken it along
                if (engine.getManagementService().createJobQuery().jobId(job.getId()).count() > 0) {
                    engine.getManagementService().executeJob(job.getId());
                }
            }
        }
        throw new AssertionError("jobs keep coming: the process loops");
    }

    protected Task task(ProcessInstance release, String taskDefinitionKey) {
        List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(release.getBusinessKey())
                .taskDefinitionKey(taskDefinitionKey).list();
        assertThat(tasks).as("open %s tasks of %s", taskDefinitionKey, release.getBusinessKey()).isNotEmpty();
        return tasks.get(0);
    }

    protected List<Task> tasks(ProcessInstance release, String taskDefinitionKey) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(release.getBusinessKey())
                .taskDefinitionKey(taskDefinitionKey).orderByTaskName().asc().list();
    }

    /** the UAT task offered to this tester by name */
    protected Task uatTaskOf(ProcessInstance release, String tester) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(release.getBusinessKey())
                .taskDefinitionKey("UserTask_Uat").taskCandidateUser(tester).singleResult();
    }

    /** a tester's UAT feedback: every scenario passed, no issues */
    protected static Map<String, Object> uatFeedback(String decision, int confidence) {
        return Map.of(Vars.SCENARIOS_PASSED, JsonVars.json(TestServices.SCENARIOS), Vars.CONFIDENCE, confidence,
                Vars.DECISION, decision);
    }

    protected void completeAs(String user, Task task, Map<String, Object> variables) {
        completeWithoutRunningJobs(user, task, variables);
        runJobs();
    }

    protected void completeWithoutRunningJobs(String user, Task task, Map<String, Object> variables) {
        FormContract.assertFits(engine, task);
        engine.getIdentityService().setAuthenticatedUserId(user);
        try {
            engine.getTaskService().complete(task.getId(), variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    protected void executeNextJob() {
        Job job = engine.getManagementService().createJobQuery().executable().list().get(0);
        engine.getManagementService().executeJob(job.getId());
    }

    protected Object outcomeOf(ProcessInstance release, String variable) {
        HistoricVariableInstance value = engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(release.getId()).variableName(variable).singleResult();
        return value == null ? null : value.getValue();
    }

    /** activity ids passed by the release's called stages */
    protected List<String> passedInStages(ProcessInstance release) {
        var history = engine.getHistoryService();
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(release.getBusinessKey()).list().stream()
                .filter(stage -> !stage.getId().equals(release.getId()))
                .flatMap(stage -> history.createHistoricActivityInstanceQuery().processInstanceId(stage.getId()).list().stream())
                .map(activity -> activity.getActivityId())
                .toList();
    }

    protected void decideGo(ProcessInstance release) {
        completeAs("rita", task(release, "UserTask_GoNoGo"), Map.of(Vars.DECISION, "GO"));
    }

    protected void passUat(ProcessInstance release) {
        completeAs("ursula", task(release, "UserTask_Uat"), Map.of(
                Vars.SCENARIOS_PASSED, Variables.stringValue("[\"Sign in\",\"Check out a basket\"]"),
                Vars.ISSUES, JsonVars.json(List.of(Map.of("severity", "Sev-3", "description", "Logo is blurry"))),
                Vars.CONFIDENCE, 4L,
                Vars.DECISION, "GO"));
    }

    protected void approveAllRoles(ProcessInstance release) {
        List<String> signers = List.of("eli", "sam");
        List<Task> signoffs = tasks(release, "UserTask_SignOff");
        assertThat(signoffs).hasSize(TestServices.ROLES.size());
        for (int i = 0; i < signoffs.size(); i++) {
            completeAs(signers.get(i), signoffs.get(i), Map.of(Vars.DECISION, "APPROVE"));
        }
    }
}
