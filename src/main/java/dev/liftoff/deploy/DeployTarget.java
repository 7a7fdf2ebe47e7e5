package dev.liftoff.deploy;

/** How a version reaches one environment of a service. */
public interface DeployTarget {

    /**
     * Asks the target to deploy and returns once it accepted.
     *
     * @throws DeployFailedException when the target refused, could not be reached or did not
     *     answer in time; the engine retries the step and then raises a Camunda incident
     */
    DeployReceipt deploy(DeployRequest request);
}
