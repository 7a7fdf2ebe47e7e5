package dev.liftoff.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * The postgres profile ({@code application-postgres.yaml}) reads where the database is from the
 * environment only. Before anything connects, this stops the start with the variable to set when
 * {@code LIFTOFF_DB_URL} or {@code LIFTOFF_DB_USER} is missing, or when the URL is not a PostgreSQL
 * JDBC URL. The URL itself is never repeated: it may carry a password.
 */
public class PostgresSettings implements EnvironmentPostProcessor, Ordered {

    public static final String PROFILE = "postgres";
    public static final String URL = "LIFTOFF_DB_URL";
    public static final String USER = "LIFTOFF_DB_USER";
    public static final String PASSWORD = "LIFTOFF_DB_PASSWORD";
    static final String EXAMPLE_URL = "jdbc:postgresql://db.example.com:5432/liftoff";

    /** After config data, so that the profiles activated in the configuration files are known. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return;
        }
        List<String> problems = new ArrayList<>();
        String url = environment.getProperty(URL, "").strip();
        if (url.isEmpty()) {
            problems.add("set the environment variable " + URL + " to the database's JDBC URL, e.g. " + EXAMPLE_URL);
        } else if (!url.startsWith("jdbc:postgresql:")) {
            problems.add(URL + " must be a PostgreSQL JDBC URL starting with jdbc:postgresql:, e.g. " + EXAMPLE_URL);
        }
        if (environment.getProperty(USER, "").isBlank()) {
            problems.add("set the environment variable " + USER + " to the database user (and " + PASSWORD
                    + " to its password, unless the server trusts it)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The postgres profile cannot reach its database: " + String.join("; ", problems));
        }
    }
}
