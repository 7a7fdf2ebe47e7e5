package dev.liftoff.verification;

/** What an environment reports it runs. */
public record DeployedVersion(String version, String commit) {
}
