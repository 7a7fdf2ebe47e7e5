package dev.liftoff.config;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of {@code /api}, served at {@code /api/openapi.json} (viewer: {@code /api/docs}). */
@Configuration
@OpenAPIDefinition(info = @Info(title = "Liftoff release API", version = "1",
        description = "Start releases from CI, follow them to their outcome, roll them back, read their reports. "
                + "HTTP Basic with a Liftoff (Camunda) user; errors are application/problem+json."))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class ApiDocs {
}
