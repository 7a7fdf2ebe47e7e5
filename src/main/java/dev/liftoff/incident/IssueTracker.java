package dev.liftoff.incident;

import dev.liftoff.config.IncidentsConfig;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.SecretResolver;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Files an incident in the configured issue tracker (GitHub), once per incident. */
@Component
public class IssueTracker {

    static final String DRILL_LABEL = "drill";

    private final IncidentsConfig.GitHub config;
    private final SecretResolver secrets;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    public IssueTracker(LiftoffProperties properties, SecretResolver secrets) {
        this.config = properties.incidents().github();
        this.secrets = secrets;
    }

    public TrackerIssue file(String incidentId, String title, String body, boolean drill) {
        if (config == null) {
            throw new IllegalStateException("no issue tracker is configured (liftoff.incidents.github)");
        }
        // read at each use, so a rotated token is picked up without a restart
        String token = secrets.require(config.tokenEnv(), "liftoff.incidents.github.token-env");
        List<String> labels = new ArrayList<>(config.labels());
        if (drill) {
            labels.add(DRILL_LABEL);
        }
        return new GitHubIssues(config, token, http).fileOnce(incidentId, title, body, labels);
    }
}
