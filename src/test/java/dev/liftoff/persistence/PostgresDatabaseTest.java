package dev.liftoff.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.liftoff.fullstack.DemoStack;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * In the {@code -Ppostgres} run, the full-stack tests really run on PostgreSQL: through the
 * application's postgres profile (its connection pool), with the engine's tables created by the
 * engine in the test class's own schema, which no other class's releases reach.
 */
@DemoStack
@EnabledIfSystemProperty(named = TestDatabase.MODE_PROPERTY, matches = TestDatabase.POSTGRES)
class PostgresDatabaseTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    DataSource dataSource;

    @Value("${camunda.bpm.database.schema-name}")
    String schema;

    @Test
    void theEngineRunsOnPostgresqlInASchemaOfItsOwn() throws SQLException {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType()).isEqualTo("postgres");
        assertThat(dataSource).isInstanceOfSatisfying(HikariDataSource.class, pool -> {
            assertThat(pool.getPoolName()).isEqualTo("liftoff");
            assertThat(pool.getMaximumPoolSize()).as("two connections per job thread, and the web requests'").isEqualTo(30);
        });
        try (Connection connection = dataSource.getConnection();
             PreparedStatement tables = connection.prepareStatement(
                     "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name LIKE 'act\\_%'")) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(connection.getSchema()).isEqualTo(schema).startsWith(TestDatabase.SCHEMA_PREFIX);
            tables.setString(1, schema);
            try (ResultSet count = tables.executeQuery()) {
                count.next();
                assertThat(count.getInt(1)).as("the engine's tables in " + schema).isGreaterThan(40);
            }
        }
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count())
                .as("the releases of the classes that ran before stay in their own schemas").isZero();
    }
}
