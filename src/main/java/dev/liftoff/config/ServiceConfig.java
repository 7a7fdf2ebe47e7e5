package dev.liftoff.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * One service Liftoff releases: its environments, its checks, who signs off, the stakeholders
 * who are mailed every release's outcome, when its Go/No-Go is due (default 24 hours after it
 * opens, with a reminder 2 hours before), and the metric analyses every environment runs (by name;
 * an environment may override or turn one off, see {@link AnalysisConfig}).
 */
public record ServiceConfig(
        Map<String, @Valid @NotNull EnvironmentConfig> environments,
        List<@Valid @NotNull SmokeCheck> smoke,
        List<@Valid @NotNull LatencyCheck> latency,
        @Valid SecurityHeadersCheck securityHeaders,
        List<@Valid @NotNull CorsPreflightCheck> cors,
        @Valid VerificationSettings verification,
        @Valid UatConfig uat,
        @Valid SignoffConfig signoff,
        List<@NotBlank @Email(message = "must be an email address") String> stakeholders,
        @Valid TaskDeadline goNoGo,
        Map<String, @Valid @NotNull AnalysisConfig> analyses) {

    public static final String STAGING = "staging";
    public static final String PRODUCTION = "production";
    private static final Duration GO_NO_GO_DUE = Duration.ofHours(24);
    private static final Duration GO_NO_GO_REMIND_BEFORE = Duration.ofHours(2);

    @ConstructorBinding
    public ServiceConfig {
        environments = environments == null ? Map.of() : Map.copyOf(environments);
        smoke = smoke == null ? List.of() : List.copyOf(smoke);
        latency = latency == null ? List.of() : List.copyOf(latency);
        cors = cors == null ? List.of() : List.copyOf(cors);
        verification = verification == null ? VerificationSettings.defaults() : verification;
        uat = uat == null ? UatConfig.defaults() : uat;
        signoff = signoff == null ? SignoffConfig.defaults() : signoff;
        stakeholders = stakeholders == null ? List.of() : List.copyOf(stakeholders);
        goNoGo = TaskDeadline.withDefaults(goNoGo, GO_NO_GO_DUE, GO_NO_GO_REMIND_BEFORE);
        analyses = analyses == null ? Map.of() : Map.copyOf(analyses);
    }

    /** a service judged by its synthetic checks alone, without metric analyses */
    public ServiceConfig(Map<String, EnvironmentConfig> environments, List<SmokeCheck> smoke, List<LatencyCheck> latency,
            SecurityHeadersCheck securityHeaders, List<CorsPreflightCheck> cors, VerificationSettings verification, UatConfig uat,
            SignoffConfig signoff, List<String> stakeholders, TaskDeadline goNoGo) {
        this(environments, smoke, latency, securityHeaders, cors, verification, uat, signoff, stakeholders, goNoGo, null);
    }

    /** a service whose Go/No-Go is due on the default deadline */
    public ServiceConfig(Map<String, EnvironmentConfig> environments, List<SmokeCheck> smoke, List<LatencyCheck> latency,
            SecurityHeadersCheck securityHeaders, List<CorsPreflightCheck> cors, VerificationSettings verification, UatConfig uat,
            SignoffConfig signoff, List<String> stakeholders) {
        this(environments, smoke, latency, securityHeaders, cors, verification, uat, signoff, stakeholders, null);
    }

    /** a service whose stakeholders hear nothing from Liftoff */
    public ServiceConfig(Map<String, EnvironmentConfig> environments, List<SmokeCheck> smoke, List<LatencyCheck> latency,
            SecurityHeadersCheck securityHeaders, List<CorsPreflightCheck> cors, VerificationSettings verification, UatConfig uat,
            SignoffConfig signoff) {
        this(environments, smoke, latency, securityHeaders, cors, verification, uat, signoff, null, null);
    }

    @AssertTrue(message = "declare both environments: environments.staging and environments.production")
    public boolean isStagingAndProductionDeclared() {
        return environments.containsKey(STAGING) && environments.containsKey(PRODUCTION);
    }

    public EnvironmentConfig environment(String name) {
        EnvironmentConfig env = environments.get(name);
        if (env == null) {
            throw new IllegalStateException("environment '" + name + "' is not declared; declared: " + environments.keySet());
        }
        return env;
    }
}
