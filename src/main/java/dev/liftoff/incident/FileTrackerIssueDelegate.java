package dev.liftoff.incident;

import dev.liftoff.process.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Files the incident in the issue tracker and keeps the issue's link on the incident. */
@Component("fileTrackerIssue")
public class FileTrackerIssueDelegate implements JavaDelegate {

    private final IssueTracker tracker;

    public FileTrackerIssueDelegate(IssueTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TrackerIssue issue = tracker.file(execution.getProcessInstanceId(), (String) execution.getVariable(Vars.INCIDENT_TITLE),
                (String) execution.getVariable(Vars.INCIDENT_BODY), Boolean.TRUE.equals(execution.getVariable(Vars.DRILL)));
        execution.setVariable(Vars.TRACKER_ISSUE_URL, issue.url());
        execution.setVariable(Vars.TRACKER_ISSUE_NUMBER, issue.number());
    }
}
