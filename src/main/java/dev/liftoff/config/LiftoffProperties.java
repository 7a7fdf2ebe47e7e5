package dev.liftoff.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * Everything a platform admin declares under {@code liftoff.*}. Validated at start: a wrong or
 * missing value stops Liftoff with the offending key in the message.
 */
@Validated
@ConfigurationProperties("liftoff")
public record LiftoffProperties(
        @Valid @NotNull AdminProperties admin,
        @NotEmpty(message = "declare at least one service under liftoff.services.<id>")
        Map<String, @Valid @NotNull ServiceConfig> services,
        @Valid IncidentsConfig incidents,
        @Valid MetricsConfig metrics) {

    @ConstructorBinding
    public LiftoffProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
        incidents = incidents == null ? IncidentsConfig.defaults() : incidents;
        metrics = metrics == null ? MetricsConfig.none() : metrics;
    }

    /** Liftoff with the reference incident settings and no metrics providers */
    public LiftoffProperties(AdminProperties admin, Map<String, ServiceConfig> services) {
        this(admin, services, null, null);
    }

    /** Liftoff without metrics providers */
    public LiftoffProperties(AdminProperties admin, Map<String, ServiceConfig> services, IncidentsConfig incidents) {
        this(admin, services, incidents, null);
    }

    public Optional<ServiceConfig> service(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(services.get(id));
    }

    /** The service's config, for code running after the request was validated. */
    public ServiceConfig requireService(String id) {
        return service(id).orElseThrow(() -> new IllegalStateException(
                "service '" + id + "' is not configured under liftoff.services; configured: " + services.keySet()));
    }
}
