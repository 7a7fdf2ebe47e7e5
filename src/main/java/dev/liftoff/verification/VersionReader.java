package dev.liftoff.verification;

import dev.liftoff.config.EnvironmentConfig;
import dev.liftoff.config.VersionEndpoint;

/** Reads what an environment says it runs from its version endpoint. */
final class VersionReader {

    static final String CHECK_NAME = "deployed commit";

    private final TargetHttp http;

    VersionReader(TargetHttp http) {
        this.http = http;
    }

    VersionReading read(EnvironmentConfig environment) {
        VersionEndpoint endpoint = environment.version();
        TargetOutcome outcome = http.get(environment.baseUrl(), endpoint.path());
        if (outcome instanceof Unreachable unreachable) {
            return VersionReading.unreadable(unreachable.describe(), unreachable.latencyMs());
        }
        TargetResponse response = (TargetResponse) outcome;
        if (!response.isSuccess()) {
            return VersionReading.unreadable(response.statusText() + response.bodySuffix(), response.latencyMs());
        }
        JsonBody json = response.json();
        if (!json.isJson()) {
            return VersionReading.unreadable(response.notJson(), response.latencyMs());
        }
        String commit = json.text(endpoint.commitPointer()).orElse(null);
        if (commit == null) {
            return VersionReading.unreadable(response.statusText() + ", no commit at " + endpoint.commitPointer()
                    + response.bodySuffix(), response.latencyMs());
        }
        String version = json.text(endpoint.versionPointer()).orElse(null);
        String observed = "commit " + Excerpts.shorten(commit, 80)
                + (version == null ? " (no version at " + endpoint.versionPointer() + ")" : " (version " + Excerpts.shorten(version, 80) + ")");
        return new VersionReading(commit, version, observed, response.latencyMs());
    }

    /** the "deployed commit" check of one reading */
    CheckResult check(EnvironmentConfig environment, String expectedCommit) {
        VersionReading reading = read(environment);
        return new CheckResult(CHECK_NAME, Commits.same(expectedCommit, reading.commit()), expectedCommit,
                reading.observed(), reading.latencyMs());
    }
}
