package dev.liftoff.metrics;

import dev.liftoff.process.Activities;
import dev.liftoff.process.ProcessKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Liftoff's metrics come from the engine itself: when a process is deployed, its release end, user
 * tasks, verification steps and production's rollback boundaries get listeners, so that no model has
 * to call anything and a model changed by someone else keeps its metrics. The listeners are
 * built-in ones, like the engine's history: they also fire when a release is deleted with
 * {@code skipCustomListeners}. Each records after its transaction commits ({@link AfterCommit}).
 */
@Component
public class EngineMetricsPlugin extends AbstractProcessEnginePlugin {

    /** the verification steps, per process: whether each is the rollback's own */
    private static final Map<String, Map<String, Boolean>> VERIFICATION_STEPS = Map.of(
            ProcessKeys.ENVIRONMENT_DEPLOYMENT, Map.of(Activities.VERIFY_ENVIRONMENT, false, Activities.VERIFY_IDLE_SLOT, false),
            ProcessKeys.ROLLBACK, Map.of(Activities.VERIFY_RESTORED_VERSION, true));
    private static final Set<String> TASK_ENDS = Set.of(TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);

    private final ReleaseMeters meters;

    public EngineMetricsPlugin(ReleaseMeters meters) {
        this.meters = meters;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        parseListeners.add(new MeteredModel(meters));
        configuration.setCustomPostBPMNParseListeners(parseListeners);
    }

    /** adds the metric listeners to each process as it is parsed */
    static final class MeteredModel extends AbstractBpmnParseListener {

        private final ReleaseEndListener releaseEnd;
        private final GateWaitListener gateWait;
        private final VerificationTimeListener verification;
        private final VerificationTimeListener rollbackVerification;
        private final RollbackStartListener rollbackStart;

        MeteredModel(ReleaseMeters meters) {
            releaseEnd = new ReleaseEndListener(meters);
            gateWait = new GateWaitListener(meters);
            verification = new VerificationTimeListener(meters, false);
            rollbackVerification = new VerificationTimeListener(meters, true);
            rollbackStart = new RollbackStartListener(meters);
        }

        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            if (ProcessKeys.RELEASE_LIFECYCLE.equals(processDefinition.getKey())) {
                processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, releaseEnd);
            }
        }

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            var task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            TASK_ENDS.forEach(event -> task.addBuiltInTaskListener(event, gateWait));
        }

        @Override
        public void parseServiceTask(Element serviceTaskElement, ScopeImpl scope, ActivityImpl activity) {
            Boolean ofRollback = VERIFICATION_STEPS.getOrDefault(processKeyOf(activity), Map.of()).get(activity.getId());
            if (ofRollback != null) {
                activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, ofRollback ? rollbackVerification : verification);
            }
        }

        @Override
        public void parseBoundaryEvent(Element boundaryEventElement, ScopeImpl scope, ActivityImpl boundaryEvent) {
            boolean interrupting = !"false".equals(boundaryEventElement.attribute("cancelActivity"));
            if (interrupting && ProcessKeys.RELEASE_LIFECYCLE.equals(processKeyOf(boundaryEvent))
                    && Activities.PRODUCTION.equals(boundaryEventElement.attribute("attachedToRef"))) {
                boundaryEvent.addBuiltInListener(ExecutionListener.EVENTNAME_END, rollbackStart);
            }
        }

        // the BPMN parser builds its processes as entities, which carry the key
        private static String processKeyOf(ActivityImpl activity) {
            return ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
        }
    }
}
