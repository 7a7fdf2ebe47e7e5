package dev.liftoff.persistence;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * The database of one full-stack test class ({@code @DemoStack}), fresh for each class so that no
 * class sees another's releases.
 *
 * <p>By default it is an H2 database in memory with a name of its own. With the system property
 * {@code liftoff.test.database=postgres} (the Maven profile {@code postgres} sets it) the
 * application runs on its {@code postgres} profile against the database at {@code LIFTOFF_DB_URL},
 * in a schema created for the class: the URL gets {@code currentSchema}, so the engine creates its
 * tables there, and {@code camunda.bpm.database.schema-name} and {@code table-prefix} make it look
 * for them and query them there and nowhere else (without them it would find the tables of another
 * class's schema and create none). Test runs may share the database: each schema has a unique name,
 * is dropped when the test JVM exits, and one left over by a killed run is dropped by a later run
 * once it is six hours old.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String MODE_PROPERTY = "liftoff.test.database";
    public static final String POSTGRES = "postgres";
    static final String SCHEMA_PREFIX = "liftoff_test_";
    private static final Pattern SCHEMA_NAME = Pattern.compile(SCHEMA_PREFIX + "(\\d+)_[0-9a-f]+");
    private static final Duration STALE = Duration.ofHours(6);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> CREATED = new ArrayList<>();

    /** whether this test run is the one on PostgreSQL */
    public static boolean onPostgres() {
        return POSTGRES.equals(System.getProperty(MODE_PROPERTY));
    }

    /** {@code demo}, and {@code postgres} in the PostgreSQL run */
    public static class Profiles implements ActiveProfilesResolver {
        @Override
        public String[] resolve(Class<?> testClass) {
            return onPostgres() ? new String[] {"demo", POSTGRES} : new String[] {"demo"};
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        Map<String, Object> properties = onPostgres()
                ? freshSchema(environment)
                : Map.of("spring.datasource.url", "jdbc:h2:mem:demo-stack-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        environment.getPropertySources().addFirst(new MapPropertySource("liftoffTestDatabase", properties));
    }

    /**
     * A schema name no other test run uses, {@code liftoff_test_<time>_<random>}: a schema of that
     * name left over by a killed run is dropped once it is six hours old.
     */
    public static String newSchemaName() {
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        return SCHEMA_PREFIX + Instant.now().getEpochSecond() + "_" + HexFormat.of().formatHex(suffix);
    }

    private static Map<String, Object> freshSchema(ConfigurableEnvironment environment) {
        Server server = Server.of(environment);
        String schema = newSchemaName();
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            dropStaleSchemas(statement);
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test schema " + schema + " in " + server.url, e);
        }
        dropAtExit(server, schema);
        String separator = server.url.contains("?") ? "&" : "?";
        return Map.of(
                "LIFTOFF_DB_URL", server.url + separator + "currentSchema=" + schema,
                "camunda.bpm.database.schema-name", schema,
                "camunda.bpm.database.table-prefix", schema + ".");
    }

    /** schemas of runs that were killed before they could drop theirs */
    private static void dropStaleSchemas(Statement statement) throws SQLException {
        List<String> stale = new ArrayList<>();
        try (ResultSet schemas = statement.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'liftoff\\_test\\_%'")) {
            while (schemas.next()) {
                Matcher name = SCHEMA_NAME.matcher(schemas.getString(1));
                if (name.matches() && Instant.ofEpochSecond(Long.parseLong(name.group(1))).isBefore(Instant.now().minus(STALE))) {
                    stale.add(name.group());
                }
            }
        }
        for (String schema : stale) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /**
     * At the end of the test JVM, when every application has closed its pool and stopped its job
     * executor: dropping the schema as a class's context closes would pull the tables from under a
     * job executor still running.
     */
    private static synchronized void dropAtExit(Server server, String schema) {
        if (CREATED.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropCreated(server), "drop-test-schemas"));
        }
        CREATED.add(schema);
    }

    private static synchronized void dropCreated(Server server) {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            for (String schema : CREATED) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            System.err.println("could not drop the test schemas " + CREATED + ": " + e.getMessage());
        }
    }

    /** where the postgres profile connects, as the application reads it */
    private record Server(String url, String user, String password) {

        static Server of(ConfigurableEnvironment environment) {
            return new Server(environment.getRequiredProperty("LIFTOFF_DB_URL"), environment.getRequiredProperty("LIFTOFF_DB_USER"),
                    environment.getProperty("LIFTOFF_DB_PASSWORD", ""));
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }
}
