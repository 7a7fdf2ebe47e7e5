package dev.liftoff.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;

/** The roles (Camunda groups) that each sign off a production go-live. */
public record SignoffConfig(
        @NotEmpty(message = "name at least one sign-off role (a Camunda group)") List<@NotBlank String> roles) {

    public SignoffConfig {
        roles = roles == null ? List.of("engineering-leads", "security-leads", "operations", "product-owners") : List.copyOf(roles);
    }

    static SignoffConfig defaults() {
        return new SignoffConfig(null);
    }
}
