package dev.liftoff.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liftoff.LiftoffApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

/**
 * The postgres profile takes its database from LIFTOFF_DB_URL, LIFTOFF_DB_USER and
 * LIFTOFF_DB_PASSWORD, and without them Liftoff does not start and says which variable to set.
 * (That it runs on PostgreSQL is shown by {@code ./mvnw verify -Ppostgres}: PostgresDatabaseTest.)
 */
class PostgresSettingsTest {

    private final PostgresSettings settings = new PostgresSettings();

    @Test
    void withoutTheUrlTheStartStopsNamingTheVariable() {
        MockEnvironment environment = postgres().withProperty(PostgresSettings.USER, "liftoff");

        assertThatThrownBy(() -> settings.postProcessEnvironment(environment, null))
                .hasMessageContaining("set the environment variable LIFTOFF_DB_URL to the database's JDBC URL, e.g. jdbc:postgresql://")
                .hasMessageNotContaining("LIFTOFF_DB_USER");
    }

    @Test
    void withoutTheUserTheStartStopsNamingTheVariable() {
        MockEnvironment environment = postgres().withProperty(PostgresSettings.URL, "jdbc:postgresql://127.0.0.1:5432/liftoff")
                .withProperty(PostgresSettings.USER, " ");

        assertThatThrownBy(() -> settings.postProcessEnvironment(environment, null))
                .hasMessageContaining("set the environment variable LIFTOFF_DB_USER")
                .hasMessageNotContaining("LIFTOFF_DB_URL");
    }

    @Test
    void aUrlThatIsNoPostgresqlJdbcUrlIsRefusedWithoutRepeatingIt() {
        MockEnvironment environment = postgres().withProperty(PostgresSettings.URL, "postgres://liftoff:s3cret@db.example.com/liftoff")
                .withProperty(PostgresSettings.USER, "liftoff");

        assertThatThrownBy(() -> settings.postProcessEnvironment(environment, null))
                .hasMessageContaining("LIFTOFF_DB_URL must be a PostgreSQL JDBC URL starting with jdbc:postgresql:")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void withUrlAndUserOrWithoutTheProfileNothingIsAsked() {
        assertThatCode(() -> settings.postProcessEnvironment(postgres().withProperty(PostgresSettings.URL, "jdbc:postgresql://db/liftoff")
                .withProperty(PostgresSettings.USER, "liftoff"), null)).doesNotThrowAnyException();
        assertThatCode(() -> settings.postProcessEnvironment(new MockEnvironment(), null)).doesNotThrowAnyException();
    }

    @Test
    void liftoffStartedOnThePostgresProfileWithoutTheUrlStopsBeforeConnecting() {
        SpringApplication liftoff = new SpringApplication(LiftoffApplication.class);
        liftoff.setWebApplicationType(WebApplicationType.NONE);
        liftoff.setAdditionalProfiles("demo", "postgres");

        // command-line arguments come first: whatever this machine's environment holds, the URL is missing
        assertThatThrownBy(() -> liftoff.run("--LIFTOFF_DB_URL=", "--LIFTOFF_DB_USER=postgres").close())
                .hasMessageContaining("The postgres profile cannot reach its database: set the environment variable LIFTOFF_DB_URL");
    }

    @Configuration
    @EnableConfigurationProperties(DataSourceProperties.class)
    static class DataSourceBinding {
    }

    @Test
    void theProfilesDataSourceComesFromTheEnvironmentWithAPoolSizedForTheJobExecutor() {
        new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withUserConfiguration(DataSourceBinding.class)
                .withPropertyValues("spring.profiles.active=postgres", "LIFTOFF_DB_URL=jdbc:postgresql://db.example.com:5432/liftoff",
                        "LIFTOFF_DB_USER=liftoff", "LIFTOFF_DB_PASSWORD=s3cret")
                .run(context -> {
                    DataSourceProperties dataSource = context.getBean(DataSourceProperties.class);
                    assertThat(dataSource.getUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/liftoff");
                    assertThat(dataSource.getUsername()).isEqualTo("liftoff");
                    assertThat(dataSource.getPassword()).isEqualTo("s3cret");
                    assertThat(dataSource.getDriverClassName()).isEqualTo("org.postgresql.Driver");
                    var environment = context.getEnvironment();
                    int jobThreads = environment.getRequiredProperty("camunda.bpm.job-execution.max-pool-size", Integer.class);
                    assertThat(environment.getRequiredProperty("spring.datasource.hikari.maximum-pool-size", Integer.class))
                            .as("two connections per job thread (a sent mail is recorded apart), one for acquiring jobs, and some for web requests")
                            .isGreaterThan(2 * jobThreads + 1);
                    assertThat(environment.getProperty("camunda.bpm.database.schema-update")).isEqualTo("true");
                });
    }

    private static MockEnvironment postgres() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("postgres");
        return environment;
    }
}
