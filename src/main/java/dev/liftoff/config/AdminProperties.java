package dev.liftoff.config;

import jakarta.validation.constraints.NotBlank;

/**
 * The Camunda admin user. Outside the demo profile its password comes only from the environment
 * ({@code LIFTOFF_ADMIN_PASSWORD}); there is no default password.
 */
public record AdminProperties(
        @NotBlank(message = "name the admin user: set LIFTOFF_ADMIN_USER") String user,
        @NotBlank(message = "no admin password: set the environment variable LIFTOFF_ADMIN_PASSWORD "
                + "(or run the demo profile, which has demo users)") String password) {

    @Override
    public String toString() {
        return "AdminProperties[user=" + user + ", password=***]";
    }
}
