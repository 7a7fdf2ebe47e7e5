package dev.liftoff.operations;

import dev.liftoff.persistence.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the tests of Liftoff's processes use: {@code liftoff.db.url},
 * {@code liftoff.db.user} and {@code liftoff.db.password} (the Maven profile {@code postgres} sets
 * them), by default the local server that trusts {@code postgres}. Where it cannot be reached, a test
 * that needs it is skipped, unless {@value #REQUIRED_VARIABLE}{@code =required} (as in CI) makes that
 * a failure.
 */
final class PostgresServer {

    static final String REQUIRED_VARIABLE = "LIFTOFF_POSTGRES_TESTS";

    private final String url;
    private final String user;
    private final String password;

    private PostgresServer(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    static PostgresServer configured() {
        return new PostgresServer(System.getProperty("liftoff.db.url", "jdbc:postgresql://127.0.0.1:5432/test"),
                System.getProperty("liftoff.db.user", "postgres"), System.getProperty("liftoff.db.password", ""));
    }

    /** this server, once it answers; else the test is skipped (or fails where PostgreSQL is required) */
    PostgresServer requireReachable(String whoNeedsIt) {
        DriverManager.setLoginTimeout(5);
        try (Connection connection = connect()) {
            connection.isValid(5);
            return this;
        } catch (SQLException e) {
            String problem = whoNeedsIt + " needs PostgreSQL, and " + url + " (user " + user + ") cannot be reached: " + e.getMessage();
            if ("required".equalsIgnoreCase(System.getenv(REQUIRED_VARIABLE))) {
                throw new AssertionError(problem + " (" + REQUIRED_VARIABLE + "=required: this must run)", e);
            }
            Assumptions.abort(problem + ". Start PostgreSQL (see README, Tests and benchmarks), or set " + REQUIRED_VARIABLE
                    + "=required to make this a failure.");
            throw new IllegalStateException("not reached");
        }
    }

    /** a new, empty schema, for the Liftoff nodes of one test */
    Schema freshSchema() {
        String name = TestDatabase.newSchemaName();
        execute("CREATE SCHEMA " + name);
        return new Schema(name);
    }

    List<Map<String, Object>> query(String sql, Object... parameters) {
        try (Connection connection = connect(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                        row.put(result.getMetaData().getColumnLabel(column).toUpperCase(), result.getObject(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + url + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** one test's schema: what a node needs to keep its state there, and its removal */
    final class Schema implements NodeDatabase {

        private final String name;

        private Schema(String name) {
            this.name = name;
        }

        String name() {
            return name;
        }

        @Override
        public List<String> profiles() {
            return List.of("postgres");
        }

        /** the postgres profile reads where the database is from the environment only */
        @Override
        public Map<String, String> environment() {
            String separator = url.contains("?") ? "&" : "?";
            return Map.of("LIFTOFF_DB_URL", url + separator + "currentSchema=" + name, "LIFTOFF_DB_USER", user,
                    "LIFTOFF_DB_PASSWORD", password);
        }

        /** the engine creates, finds and queries its tables in this schema only (see TestDatabase) */
        @Override
        public List<String> arguments() {
            return List.of("--camunda.bpm.database.schema-name=" + name, "--camunda.bpm.database.table-prefix=" + name + ".");
        }

        @Override
        public String kind() {
            return "PostgreSQL";
        }

        @Override
        public String describe() {
            return "PostgreSQL, schema " + name;
        }

        /**
         * Reclaims the dead rows of the schema's tables and refreshes their statistics (VACUUM
         * ANALYZE), as autovacuum does on a server that runs it.
         */
        void vacuum() {
            for (Map<String, Object> table : query("SELECT tablename AS NAME FROM pg_tables WHERE schemaname = ?", name)) {
                execute("VACUUM ANALYZE " + name + "." + table.get("NAME"));
            }
        }

        /** drops the schema; only once no node uses it any more */
        @Override
        public void close() {
            execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }
}
