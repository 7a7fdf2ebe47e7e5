package dev.liftoff.deploy;

import dev.liftoff.process.BpmnErrors;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.BpmnError;

/**
 * A deploy system that refuses a rollback's redeploy or switch back. Retrying first is right (it
 * may be a hiccup); but once the retries are spent, an incident in Cockpit would leave production
 * broken with nobody asked to act: a rollback must fail visibly. So the last refusal becomes the
 * business error {@code RollbackFailed}, which the rollback hands to operations as a manual
 * intervention, with the refusal as the reason.
 */
final class RollbackRefusals {

    private RollbackRefusals() {
    }

    /**
     * @param what what was tried, e.g. "Switching production traffic back to 1.9.0 (1111aaa)"
     */
    static DeployReceipt failVisiblyOnLastAttempt(String what, Supplier<DeployReceipt> call) {
        try {
            return call.get();
        } catch (DeployFailedException refused) {
            if (FinalAttempt.isNow()) {
                throw new BpmnError(BpmnErrors.ROLLBACK_FAILED, what + " was refused: " + refused.getMessage());
            }
            throw refused;
        }
    }
}
