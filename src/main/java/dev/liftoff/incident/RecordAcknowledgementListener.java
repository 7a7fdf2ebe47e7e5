package dev.liftoff.incident;

import dev.liftoff.process.Actors;
import dev.liftoff.process.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Records who acknowledged the incident, when, and their note. */
@Component("recordAcknowledgement")
public class RecordAcknowledgementListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String by = Actors.require(task);
        Object note = task.getVariable(Vars.ACKNOWLEDGEMENT_NOTE);
        DelegateExecution incident = task.getExecution().getProcessInstance();
        incident.setVariable(Vars.ACKNOWLEDGED_BY, by);
        incident.setVariable(Vars.ACKNOWLEDGED_AT, ClockUtil.getCurrentTime().toInstant().toString());
        incident.setVariable(Vars.ACKNOWLEDGEMENT_NOTE, note == null || note.toString().isBlank() ? null : note.toString().strip());
    }
}
