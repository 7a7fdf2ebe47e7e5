package dev.liftoff.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;

/** One service Liftoff releases: its environments, its checks and who signs off. */
public record ServiceConfig(
        Map<String, @Valid @NotNull EnvironmentConfig> environments,
        List<@Valid @NotNull SmokeCheck> smoke,
        List<@Valid @NotNull LatencyCheck> latency,
        @Valid SecurityHeadersCheck securityHeaders,
        List<@Valid @NotNull CorsPreflightCheck> cors,
        @Valid VerificationSettings verification,
        @Valid UatConfig uat,
        @Valid SignoffConfig signoff) {

    public static final String STAGING = "staging";
    public static final String PRODUCTION = "production";

    public ServiceConfig {
        environments = environments == null ? Map.of() : Map.copyOf(environments);
        smoke = smoke == null ? List.of() : List.copyOf(smoke);
        latency = latency == null ? List.of() : List.copyOf(latency);
        cors = cors == null ? List.of() : List.copyOf(cors);
        verification = verification == null ? VerificationSettings.defaults() : verification;
        uat = uat == null ? UatConfig.defaults() : uat;
        signoff = signoff == null ? SignoffConfig.defaults() : signoff;
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
