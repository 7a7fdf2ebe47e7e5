package dev.liftoff.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The root {@code release-lifecycle} instance of any execution, however deep in called
 * processes. Contract variables and evidence that must survive an interrupted stage are
 * written here directly.
 */
public final class RootInstance {

    private RootInstance() {
    }

    public static DelegateExecution of(DelegateExecution execution) {
        DelegateExecution instance = execution.getProcessInstance();
        while (instance.getSuperExecution() != null) {
            instance = instance.getSuperExecution().getProcessInstance();
        }
        return instance;
    }

    public static DelegateExecution of(DelegateTask task) {
        return of(task.getExecution());
    }
}
