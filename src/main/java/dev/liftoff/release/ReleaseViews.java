package dev.liftoff.release;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.analysis.AnalysisEvidence;
import dev.liftoff.config.ServiceConfig;
import dev.liftoff.notification.TaskMail;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.Outcome;
import dev.liftoff.process.ProcessKeys;
import dev.liftoff.process.TaskCandidates;
import dev.liftoff.process.Vars;
import dev.liftoff.signoff.Approvals;
import dev.liftoff.release.ReleaseView.EnvironmentStatus;
import dev.liftoff.release.ReleaseView.Links;
import dev.liftoff.release.ReleaseView.OpenTask;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Derives a release's {@link ReleaseView} from the engine: the root {@code release-lifecycle}
 * instance's history (start, end) and contract variables, the activities it is in, and the open
 * user tasks of the root and of the processes it called (they carry its business key). Reads run
 * without a Camunda user: {@code /api} decides who may read.
 */
@Service
public class ReleaseViews {

    static final List<String> ENVIRONMENTS = List.of(ServiceConfig.STAGING, ServiceConfig.PRODUCTION);
    /** evidence whose one-line summary the view shows under {@code checks} */
    private static final List<String> CHECKS = List.of(Vars.READINESS, Vars.verificationOf(ServiceConfig.STAGING),
            Vars.verificationOf(ServiceConfig.PRODUCTION), Vars.ROLLBACK_VERIFICATION);
    static final String COMMIT_TIME = "commitTime";
    static final String NOTES = "notes";
    /** where a release waits right after its start: the call of its pre-deployment checks */
    static final String FIRST_STEP = "CallActivity_PreDeploymentChecks";
    private static final String[] VARIABLES = {Vars.SERVICE, Vars.VERSION, Vars.COMMIT_SHA, Vars.REQUESTED_BY, Vars.STARTED_BY,
            COMMIT_TIME, NOTES, Vars.OUTCOME, Vars.OUTCOME_REASON, Vars.APPROVALS, Vars.INCIDENTS, Vars.READINESS,
            Vars.verificationOf(ServiceConfig.STAGING), Vars.verificationOf(ServiceConfig.PRODUCTION), Vars.ROLLBACK_VERIFICATION,
            Vars.metricTriggersOf(ServiceConfig.STAGING), Vars.metricTriggersOf(ServiceConfig.PRODUCTION), Vars.METRIC_DECISIONS,
            Vars.canaryOf(ServiceConfig.STAGING), Vars.canaryOf(ServiceConfig.PRODUCTION),
            Vars.canaryWeightOf(ServiceConfig.STAGING), Vars.canaryWeightOf(ServiceConfig.PRODUCTION)};

    /** a view and the activities of the root it was derived from */
    public record Snapshot(ReleaseView view, Set<String> activities) {
    }

    private final HistoryService history;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final TaskMail taskMail;
    private final String publicUrl;

    public ReleaseViews(HistoryService history, RuntimeService runtime, TaskService tasks, TaskMail taskMail,
            @Value("${liftoff.public-url:http://localhost:8080}") String publicUrl) {
        this.history = history;
        this.runtime = runtime;
        this.tasks = tasks;
        this.taskMail = taskMail;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /**
     * The root instance a path segment names: its process instance id, or {@code service@version}
     * (the business key) for the newest attempt of that release.
     */
    public Optional<String> resolve(String idOrKey) {
        if (idOrKey == null || idOrKey.isBlank()) {
            return Optional.empty();
        }
        if (idOrKey.contains("@")) {
            return history.createHistoricProcessInstanceQuery().processDefinitionKey(ProcessKeys.RELEASE_LIFECYCLE)
                    .processInstanceBusinessKey(idOrKey).orderByProcessInstanceStartTime().desc()
                    .orderByProcessInstanceId().desc().listPage(0, 1).stream().findFirst().map(HistoricProcessInstance::getId);
        }
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(idOrKey).singleResult();
        return isRelease(instance) ? Optional.of(instance.getId()) : Optional.empty();
    }

    public Optional<ReleaseView> view(String rootId) {
        return snapshot(rootId).map(Snapshot::view);
    }

    public Optional<Snapshot> snapshot(String rootId) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(rootId).singleResult();
        if (!isRelease(instance)) {
            return Optional.empty();
        }
        Set<String> activities = Set.of();
        List<Task> open = List.of();
        if (instance.getEndTime() == null) {
            activities = activities(rootId);
            open = openTasks(instance);
            if (activities.isEmpty()) {
                // it ended between the two reads: read it again as ended
                HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceId(rootId).singleResult();
                if (ended.getEndTime() != null) {
                    instance = ended;
                    open = List.of();
                }
            }
        }
        return Optional.of(new Snapshot(build(instance, variables(rootId), activities, open), activities));
    }

    /**
     * The view of a release this node has just started, which waits for its pre-deployment checks:
     * what {@link #view} would read, taken from the request instead of read back from the engine,
     * so that answering the start costs one look-up while the checks begin.
     */
    public Optional<ReleaseView> justStarted(String rootId, ReleaseRequest request, String startedBy) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(rootId).singleResult();
        if (!isRelease(instance) || instance.getEndTime() != null) {
            return view(rootId);
        }
        Map<String, JsonNode> vars = new HashMap<>();
        putText(vars, Vars.SERVICE, request.service());
        putText(vars, Vars.VERSION, request.version());
        putText(vars, Vars.COMMIT_SHA, request.commitSha());
        putText(vars, Vars.REQUESTED_BY, request.requestedBy());
        putText(vars, Vars.STARTED_BY, startedBy);
        putText(vars, COMMIT_TIME, request.commitTime());
        putText(vars, NOTES, request.notes());
        return Optional.of(build(instance, vars, Set.of(FIRST_STEP), List.of()));
    }

    private static void putText(Map<String, JsonNode> vars, String name, String value) {
        if (value != null) {
            vars.put(name, JsonVars.MAPPER.getNodeFactory().textNode(value));
        }
    }

    private static boolean goNoGoDecided(JsonNode approvals) {
        for (JsonNode approval : approvals) {
            if (Approvals.GO_NO_GO.equals(approval.path("stage").asText())) {
                return true;
            }
        }
        return false;
    }

    private ReleaseView build(HistoricProcessInstance instance, Map<String, JsonNode> vars, Set<String> activities, List<Task> open) {
        String id = instance.getId();
        boolean ended = instance.getEndTime() != null;
        String outcome = text(vars, Vars.OUTCOME);
        String outcomeReason = text(vars, Vars.OUTCOME_REASON);
        ReleaseState state;
        String stage;
        if (ended) {
            Optional<Outcome> known = outcomeOf(outcome);
            state = known.map(ReleaseState::of).orElse(ReleaseState.FAILED);
            stage = ReleaseStages.ended(state);
            if (known.isEmpty()) {
                outcomeReason = "The release ended before it reached an outcome"
                        + (instance.getDeleteReason() == null ? "." : " (" + instance.getDeleteReason() + ").");
            }
        } else {
            state = open.isEmpty() ? ReleaseState.RUNNING : ReleaseState.WAITING_FOR_APPROVAL;
            stage = ReleaseStages.describe(activities, open.stream().map(Task::getTaskDefinitionKey).toList(),
                    goNoGoDecided(list(vars, Vars.APPROVALS)));
        }
        Map<String, EnvironmentStatus> environments = new LinkedHashMap<>();
        for (String environment : ENVIRONMENTS) {
            JsonNode verification = vars.getOrDefault(Vars.verificationOf(environment), JsonVars.MAPPER.nullNode());
            boolean verified = verification.isObject() && verification.has("passed");
            environments.put(environment, new EnvironmentStatus(verified ? verification.path("passed").asBoolean() : null,
                    verified ? verification.path("summary").asText(null) : null));
        }
        Map<String, String> checks = new LinkedHashMap<>();
        for (String name : CHECKS) {
            JsonNode evidence = vars.getOrDefault(name, JsonVars.MAPPER.nullNode());
            if (evidence.isObject()) {
                checks.put(checkName(name), evidence.path("summary").asText(null));
            }
        }
        for (String environment : ENVIRONMENTS) {
            JsonNode canary = vars.getOrDefault(Vars.canaryOf(environment), JsonVars.MAPPER.nullNode());
            if (canary.isObject()) {
                checks.put(environment + " canary", canarySummary(vars.getOrDefault(Vars.canaryWeightOf(environment),
                        JsonVars.MAPPER.nullNode()), canary));
            }
        }
        List<OpenTask> openTasks = open.stream().map(this::openTask).toList();
        JsonNode approvals = list(vars, Vars.APPROVALS);
        JsonNode incidents = list(vars, Vars.INCIDENTS);
        JsonNode analyses = analyses(vars);
        JsonNode metricDecisions = list(vars, Vars.METRIC_DECISIONS);
        Instant endedAt = instant(instance.getEndTime());
        String revision = revision(state, stage, environments, openTasks, checks, approvals, incidents, analyses, metricDecisions, outcome,
                outcomeReason, endedAt);
        return new ReleaseView(id, instance.getBusinessKey(), text(vars, Vars.SERVICE), text(vars, Vars.VERSION),
                text(vars, Vars.COMMIT_SHA), text(vars, Vars.REQUESTED_BY), text(vars, Vars.STARTED_BY), text(vars, COMMIT_TIME),
                text(vars, NOTES), instant(instance.getStartTime()), endedAt, state, stage, environments, openTasks, checks,
                approvals, incidents, analyses, metricDecisions, outcome, outcomeReason, revision, links(id));
    }

    private static JsonNode analyses(Map<String, JsonNode> vars) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String environment : ENVIRONMENTS) {
            rows.addAll(AnalysisEvidence.rows(environment, vars.getOrDefault(Vars.verificationOf(environment), JsonVars.MAPPER.nullNode()),
                    vars.getOrDefault(Vars.metricTriggersOf(environment), JsonVars.MAPPER.nullNode())));
        }
        return JsonVars.MAPPER.valueToTree(rows);
    }

    /** the summary the release closure stored on the root, once it did */
    public Optional<JsonNode> releaseSummary(String rootId) {
        return history.createHistoricVariableInstanceQuery().processInstanceIdIn(rootId).executionIdIn(rootId)
                .variableName(Vars.RELEASE_SUMMARY).disableCustomObjectDeserialization().list().stream().findFirst()
                .map(variable -> JsonVars.readValue(variable.getTypedValue())).filter(JsonNode::isObject);
    }

    public Links links(String id) {
        String self = ReleaseController.PATH + "/" + id;
        return new Links(self, publicUrl + "/camunda/app/cockpit/default/#/process-instance/" + id,
                publicUrl + "/camunda/app/tasklist/default/", self + "/report", self + "/events");
    }

    private static boolean isRelease(HistoricProcessInstance instance) {
        return instance != null && ProcessKeys.RELEASE_LIFECYCLE.equals(instance.getProcessDefinitionKey())
                && instance.getSuperProcessInstanceId() == null;
    }

    /** the contract variables of the root instance, as JSON, from history: the same for a running and an ended release */
    private Map<String, JsonNode> variables(String rootId) {
        Map<String, JsonNode> vars = new HashMap<>();
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().processInstanceIdIn(rootId)
                .executionIdIn(rootId).variableNameIn(VARIABLES).disableCustomObjectDeserialization().list()) {
            vars.put(variable.getName(), JsonVars.readValue(variable.getTypedValue()));
        }
        return vars;
    }

    /** the ids of the activities the root is in or about to start (an asynchronous step waiting for its job) */
    private Set<String> activities(String rootId) {
        ActivityInstance tree = runtime.getActivityInstance(rootId);
        Set<String> ids = new LinkedHashSet<>();
        if (tree != null) {
            collectChildren(tree, ids);
        }
        return ids;
    }

    private static void collectChildren(ActivityInstance instance, Set<String> ids) {
        for (TransitionInstance transition : instance.getChildTransitionInstances()) {
            ids.add(transition.getActivityId());
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            ids.add(child.getActivityId());
            collectChildren(child, ids);
        }
    }

    /** open tasks of the root and of the processes it called, which carry its business key */
    private List<Task> openTasks(HistoricProcessInstance root) {
        List<String> hierarchy = new ArrayList<>();
        hierarchy.add(root.getId());
        runtime.createProcessInstanceQuery().rootProcessInstanceId(root.getId()).list().stream()
                .map(ProcessInstance::getId).filter(id -> !hierarchy.contains(id)).forEach(hierarchy::add);
        var query = tasks.createTaskQuery().processInstanceIdIn(hierarchy.toArray(String[]::new));
        if (root.getBusinessKey() != null) {
            query.processInstanceBusinessKey(root.getBusinessKey());
        }
        return query.orderByTaskCreateTime().asc().orderByTaskId().asc().list();
    }

    private OpenTask openTask(Task task) {
        TaskCandidates candidates = TaskCandidates.of(tasks, task.getId());
        return new OpenTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), candidates.groups(), candidates.users(),
                task.getAssignee(),
                instant(task.getCreateTime()), instant(task.getDueDate()), taskMail.linkTo(task.getId()).toString());
    }

    /** e.g. "weight 50 %; step 4 (analyze for 20 s): passed — 51/51 passed" */
    private static String canarySummary(JsonNode weightInForce, JsonNode canary) {
        String weight = "weight " + weightInForce.asText("0") + " %";
        JsonNode steps = canary.path("steps");
        if (steps.isEmpty()) {
            return weight;
        }
        JsonNode last = steps.get(steps.size() - 1);
        return weight + "; " + (last.has("step") ? "step " + last.path("step").asText() + " (" + last.path("what").asText() + ")"
                : last.path("what").asText()) + ": " + last.path("result").asText() + " — " + last.path("summary").asText();
    }

    private static String checkName(String variable) {
        return variable.endsWith(Vars.VERIFICATION_SUFFIX)
                ? variable.substring(0, variable.length() - Vars.VERIFICATION_SUFFIX.length())
                : variable;
    }

    private static Optional<Outcome> outcomeOf(String outcome) {
        try {
            return outcome == null ? Optional.empty() : Optional.of(Outcome.valueOf(outcome));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    private static String text(Map<String, JsonNode> vars, String name) {
        JsonNode value = vars.get(name);
        return value == null || value.isNull() || value.isMissingNode() ? null : value.isValueNode() ? value.asText() : value.toString();
    }

    private static JsonNode list(Map<String, JsonNode> vars, String name) {
        JsonNode value = vars.get(name);
        return value != null && value.isArray() ? value : JsonVars.MAPPER.createArrayNode();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** a digest of everything a watching client reacts to */
    private static String revision(Object... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(JsonVars.MAPPER.writeValueAsString(parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot compute a release revision", e);
        }
    }
}
