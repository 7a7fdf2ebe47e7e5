package dev.liftoff.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * One service Liftoff releases: its environments, its checks, who signs off, and the stakeholders
 * who are mailed every release's outcome.
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
        List<@NotBlank @Email(message = "must be an email address") String> stakeholders) {

    public static final String STAGING = "staging";
    public static final String PRODUCTION = "production";

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
    }

    /** a service whose stakeholders hear nothing from Liftoff */
    public ServiceConfig(Map<String, EnvironmentConfig> environments, List<SmokeCheck> smoke, List<LatencyCheck> latency,
            SecurityHeadersCheck securityHeaders, List<CorsPreflightCheck> cors, VerificationSettings verification, UatConfig uat,
            SignoffConfig signoff) {
        this(environments, smoke, latency, securityHeaders, cors, verification, uat, signoff, null);
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
