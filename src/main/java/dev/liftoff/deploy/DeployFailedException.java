package dev.liftoff.deploy;

/**
 * A deploy target did not accept a deployment. A technical failure, not a business outcome: the
 * engine retries the step and then shows an incident in Cockpit with this message.
 */
public class DeployFailedException extends RuntimeException {

    public DeployFailedException(String message) {
        super(message);
    }

    public DeployFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
