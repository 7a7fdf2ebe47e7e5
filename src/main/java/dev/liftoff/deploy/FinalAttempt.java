package dev.liftoff.deploy;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * Whether the job running this step is on its last try: with {@code R3/PT10S} a job runs with 3,
 * 2, then 1 retries left, and a failure at 1 becomes a Camunda incident. Reads the engine's
 * current job (an engine internal; there is no public API for it). Outside a job there is no
 * retry, so every attempt is the last.
 */
final class FinalAttempt {

    private FinalAttempt() {
    }

    static boolean isNow() {
        CommandContext context = Context.getCommandContext();
        JobEntity job = context == null ? null : context.getCurrentJob();
        return job == null || job.getRetries() <= 1;
    }
}
