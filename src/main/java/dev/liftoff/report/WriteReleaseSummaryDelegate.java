package dev.liftoff.report;

import dev.liftoff.process.JsonVars;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the release summary on the root instance as {@code releaseSummary}. */
@Component("writeReleaseSummary")
public class WriteReleaseSummaryDelegate implements JavaDelegate {

    private final ReleaseSummaryService summaries;

    public WriteReleaseSummaryDelegate(ReleaseSummaryService summaries) {
        this.summaries = summaries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DelegateExecution root = RootInstance.of(execution);
        JsonVars.write(root, Vars.RELEASE_SUMMARY, summaries.summarize(root));
    }
}
