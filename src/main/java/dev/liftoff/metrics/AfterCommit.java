package dev.liftoff.metrics;

import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A recording made once the engine's transaction has committed. A listener runs inside the
 * transaction of the step that fires it; when that transaction rolls back (a job that fails and is
 * retried, a completion a later step refuses), nothing is recorded, and the retry that commits
 * records once.
 */
final class AfterCommit {

    private static final Logger LOG = LoggerFactory.getLogger(AfterCommit.class);

    private AfterCommit() {
    }

    static void record(String what, Runnable recording) {
        Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> {
            try {
                recording.run();
            } catch (RuntimeException e) {
                // the release has moved on already: a metric must never turn its committed step into an error
                LOG.warn("Could not record the metric of {}: {}", what, e.toString());
            }
        });
    }
}
