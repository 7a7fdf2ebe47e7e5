package dev.liftoff.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How many bytes a node's database takes on disk, measured the way each database allows. */
final class DatabaseFootprint {

    private DatabaseFootprint() {
    }

    /**
     * A PostgreSQL schema, while nodes use it: every table of the schema with its indexes and TOAST
     * data, as the server has them now (dead rows that autovacuum has not reclaimed yet included).
     */
    static long ofSchema(PostgresServer server, PostgresServer.Schema schema) {
        List<Map<String, Object>> rows = server.query("SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) AS BYTES FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'm')", schema.name());
        return ((Number) rows.get(0).get("BYTES")).longValue();
    }

    /** the largest tables of a PostgreSQL schema, each with its indexes and TOAST data, in bytes, largest first */
    static Map<String, Long> largestTables(PostgresServer server, PostgresServer.Schema schema, int count) {
        Map<String, Long> tables = new LinkedHashMap<>();
        for (Map<String, Object> row : server.query("SELECT c.relname AS NAME, pg_total_relation_size(c.oid) AS BYTES FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind = 'r' ORDER BY 2 DESC LIMIT ?",
                schema.name(), count)) {
            tables.put(String.valueOf(row.get("NAME")), ((Number) row.get("BYTES")).longValue());
        }
        return tables;
    }

    /**
     * A node's H2 file ({@code ./data/liftoff.mv.db} under its working directory), once the node has
     * stopped: compacted first ({@code SHUTDOWN COMPACT}), since a running H2 file also holds pages
     * it has freed and not given back.
     */
    static long ofCompactedH2File(Path nodeDirectory) {
        Path base = h2Base(nodeDirectory);
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + base, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compact " + base + ".mv.db (is a node still using it?): " + e.getMessage(), e);
        }
        return ofH2File(nodeDirectory);
    }

    /** a node's H2 file as it is on disk now, pages freed but not given back included */
    static long ofH2File(Path nodeDirectory) {
        try {
            return Files.size(Path.of(h2Base(nodeDirectory) + ".mv.db"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path h2Base(Path nodeDirectory) {
        return nodeDirectory.resolve("data").resolve("liftoff").toAbsolutePath();
    }
}
