package dev.liftoff.process;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Task completions of one release take their turn. Parallel tasks of a release (the sign-off
 * roles, the UAT testers) each append to lists the release keeps ({@code approvals},
 * {@code uatFeedback}) and change each other's access; two completed at the same moment would write
 * the same rows in different orders, and the database would fail one person's click (a deadlock
 * on PostgreSQL, a lock timeout on H2) or the engine would refuse it as a concurrent change. Before
 * a completion (REST {@code complete}, Tasklist's {@code submit-form}) reads anything, it takes the
 * release's row lock ({@link RootInstanceLock}); the second waits until the first has committed and
 * then sees what it wrote. Holds across nodes, as the lock is the database's.
 */
@Component
public class OneDecisionAtATime extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(new CompletionsTakeTheirTurn());
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }

    /** runs inside the command's context and transaction, before the command itself */
    static final class CompletionsTakeTheirTurn extends CommandInterceptor {

        private static final Field COMPLETE_TASK_ID = taskIdField(CompleteTaskCmd.class);
        private static final Field SUBMIT_TASK_ID = taskIdField(SubmitTaskFormCmd.class);

        @Override
        public <T> T execute(Command<T> command) {
            String taskId = command instanceof CompleteTaskCmd ? read(COMPLETE_TASK_ID, command)
                    : command instanceof SubmitTaskFormCmd ? read(SUBMIT_TASK_ID, command) : null;
            if (taskId != null) {
                RootInstanceLock.forTask(taskId);
            }
            return next.execute(command);
        }

        // the engine's commands keep the task id in a protected field
        private static Field taskIdField(Class<?> command) {
            try {
                Field field = command.getDeclaredField("taskId");
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(command.getName() + " has no taskId field in this Camunda version", e);
            }
        }

        private static String read(Field field, Object command) {
            try {
                return (String) field.get(command);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
