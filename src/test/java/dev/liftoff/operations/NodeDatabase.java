package dev.liftoff.operations;

import dev.liftoff.persistence.TestDatabase;
import java.util.List;
import java.util.Map;

/**
 * Where the Liftoff nodes of a test keep their state, and what a node's process needs to find it:
 * profiles, environment variables and command-line arguments.
 */
interface NodeDatabase extends AutoCloseable {

    List<String> profiles();

    Map<String, String> environment();

    List<String> arguments();

    /** which database, the same for every run: "H2 file", "PostgreSQL" */
    String kind();

    String describe();

    @Override
    void close();

    /**
     * The database of this test pass: a fresh PostgreSQL schema in the PostgreSQL pass
     * ({@code ./mvnw verify -Ppostgres}), else the H2 file each node keeps under its working directory.
     */
    static NodeDatabase forThisPass(String test) {
        return TestDatabase.onPostgres() ? PostgresServer.configured().requireReachable(test).freshSchema() : new H2Files();
    }

    /**
     * Application.yaml's own database, {@code ./data/liftoff} (an H2 file, written at every commit),
     * under the node's working directory, so a node started again in that directory finds its state.
     */
    final class H2Files implements NodeDatabase {

        @Override
        public List<String> profiles() {
            return List.of();
        }

        @Override
        public Map<String, String> environment() {
            return Map.of();
        }

        @Override
        public List<String> arguments() {
            return List.of();
        }

        @Override
        public String kind() {
            return "H2 file";
        }

        @Override
        public String describe() {
            return "H2 file (./data/liftoff, WRITE_DELAY=0, LOCK_TIMEOUT=10000, MAX_COMPACT_TIME=30000)";
        }

        @Override
        public void close() {
            // the files stay under target/ for a look after a failure
        }
    }
}
