package dev.liftoff.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * How release incidents are raised, acknowledged and escalated, and where they are announced.
 * Optional as a whole: without it, incidents use the reference deadlines and no sink is on.
 *
 * @param acknowledgeWithin how long the acknowledging group has per severity; severities left out
 *     keep the reference (P1 5m, P2 15m, P3 1h, P4 4h)
 * @param escalateEvery how often a missed acknowledgement escalates again, per severity; a
 *     severity left out escalates every acknowledge window of its own
 * @param severity the severity of each kind of incident; kinds added here join the defaults,
 *     an unknown kind is P3
 * @param email the email sink; off while {@code email.to} is empty
 * @param github the GitHub issue sink; off while absent
 * @param manualIntervention when the manual intervention after a failed rollback is due after it
 *     opens (default 1 hour), with a reminder {@code remind-before} it (default 15 minutes)
 * @param review when the post-incident review is due after it opens (default 5 days: a working
 *     week), with a reminder {@code remind-before} it (default 1 day)
 */
public record IncidentsConfig(
        Map<Severity, @NotNull Duration> acknowledgeWithin,
        Map<Severity, @NotNull Duration> escalateEvery,
        @NotBlank String escalationGroup,
        @NotBlank String acknowledgingGroup,
        Map<String, @NotNull Severity> severity,
        @Valid Email email,
        @Valid GitHub github,
        @Valid TaskDeadline manualIntervention,
        @Valid TaskDeadline review) {

    public static final Severity UNKNOWN_KIND = Severity.P3;

    @ConstructorBinding
    public IncidentsConfig {
        acknowledgeWithin = withDefaults(acknowledgeWithin, Map.of(Severity.P1, Duration.ofMinutes(5),
                Severity.P2, Duration.ofMinutes(15), Severity.P3, Duration.ofHours(1), Severity.P4, Duration.ofHours(4)));
        escalateEvery = withDefaults(escalateEvery, acknowledgeWithin);
        escalationGroup = escalationGroup == null ? "release-managers" : escalationGroup;
        acknowledgingGroup = acknowledgingGroup == null ? "operations" : acknowledgingGroup;
        Map<String, Severity> kinds = new LinkedHashMap<>(Map.of("production-rollback", Severity.P1,
                "rollback-failed", Severity.P1, "staging-monitor", Severity.P2));
        if (severity != null) {
            kinds.putAll(severity);
        }
        severity = Map.copyOf(kinds);
        email = email == null ? new Email(null, null) : email;
        manualIntervention = TaskDeadline.withDefaults(manualIntervention, Duration.ofHours(1), Duration.ofMinutes(15));
        review = TaskDeadline.withDefaults(review, Duration.ofDays(5), Duration.ofDays(1));
    }

    /** incidents whose manual intervention and review are due on the default deadlines */
    public IncidentsConfig(Map<Severity, Duration> acknowledgeWithin, Map<Severity, Duration> escalateEvery, String escalationGroup,
            String acknowledgingGroup, Map<String, Severity> severity, Email email, GitHub github) {
        this(acknowledgeWithin, escalateEvery, escalationGroup, acknowledgingGroup, severity, email, github, null, null);
    }

    public static IncidentsConfig defaults() {
        return new IncidentsConfig(null, null, null, null, null, null, null, null, null);
    }

    private static Map<Severity, Duration> withDefaults(Map<Severity, Duration> given, Map<Severity, Duration> defaults) {
        Map<Severity, Duration> all = new EnumMap<>(Severity.class);
        all.putAll(defaults);
        if (given != null) {
            all.putAll(given);
        }
        return Map.copyOf(all);
    }

    @AssertTrue(message = "acknowledge-within and escalate-every must be positive durations")
    public boolean isTimingPositive() {
        return acknowledgeWithin.values().stream().allMatch(d -> d == null || d.toSeconds() > 0)
                && escalateEvery.values().stream().allMatch(d -> d == null || d.toSeconds() > 0);
    }

    public Severity severityOf(String kind) {
        return kind == null ? UNKNOWN_KIND : severity.getOrDefault(kind, UNKNOWN_KIND);
    }

    public Duration acknowledgeWithin(Severity severity) {
        return acknowledgeWithin.get(severity);
    }

    public Duration escalateEvery(Severity severity) {
        return escalateEvery.get(severity);
    }

    /**
     * @param to who gets every incident; empty turns the email sink off
     * @param from the sender; absent = {@code spring.mail.username}, else {@code liftoff@localhost}
     */
    public record Email(List<@NotBlank @jakarta.validation.constraints.Email String> to,
                        @jakarta.validation.constraints.Email String from) {

        public Email {
            to = to == null ? List.of() : List.copyOf(to);
        }

        public boolean enabled() {
            return !to.isEmpty();
        }
    }

    /**
     * @param apiUrl the REST API root: https://api.github.com, or GitHub Enterprise's {@code https://host/api/v3}
     * @param repository {@code owner/name}
     * @param tokenEnv name of the environment variable holding the token (never the token)
     * @param labels labels of every issue; the first one is how Liftoff finds its issues again
     */
    public record GitHub(
            URI apiUrl,
            @NotNull(message = "set github.repository as owner/name")
            @Pattern(regexp = "[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", message = "github.repository must be owner/name, e.g. acme/shop")
            String repository,
            @NotBlank(message = "set github.token-env to the name of the environment variable holding the token")
            String tokenEnv,
            @NotEmpty List<@NotBlank String> labels,
            Duration timeout) {

        public GitHub {
            apiUrl = apiUrl == null ? URI.create("https://api.github.com") : apiUrl;
            labels = labels == null ? List.of("release-incident") : List.copyOf(labels);
            timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        }

        @AssertTrue(message = "github.api-url must be an absolute http(s) URL")
        public boolean isApiUrlUsable() {
            return ("http".equals(apiUrl.getScheme()) || "https".equals(apiUrl.getScheme())) && apiUrl.getHost() != null;
        }
    }
}
