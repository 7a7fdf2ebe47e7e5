package dev.liftoff.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-service lock of {@code POST /api/releases} against a real database shared by two
 * "nodes" (two lock instances with their own transactions, as two Liftoff processes would have):
 * the second waits until the first has committed.
 */
class ServiceLocksTest {

    private JdbcTemplate jdbc;
    private TransactionTemplate transaction;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:locks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ResourceDatabasePopulator schema = new ResourceDatabasePopulator(new ClassPathResource("db/liftoff-schema.sql"));
        schema.execute(dataSource);
        // the script runs at every start
        schema.execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        jdbc.execute("CREATE TABLE started (service VARCHAR(255), node VARCHAR(10))");
    }

    @Test
    void aSecondNodeTakesItsTurnOnlyOnceTheFirstHasCommitted() throws Exception {
        ServiceLocks nodeA = new ServiceLocks(jdbc);
        ServiceLocks nodeB = new ServiceLocks(jdbc);
        nodeA.ensureRow("shop");
        nodeB.ensureRow("shop");
        CountDownLatch aHoldsIt = new CountDownLatch(1);

        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            nodeA.lock("shop", "ci-a");
            aHoldsIt.countDown();
            sleep(600);
            jdbc.update("INSERT INTO started VALUES ('shop', 'a')");
        }));
        assertThat(aHoldsIt.await(5, TimeUnit.SECONDS)).isTrue();
        long asked = System.nanoTime();
        Integer seenByB = transaction.execute(status -> {
            nodeB.lock("shop", "ci-b");
            // what B decides on: everything A did is committed and visible now
            return jdbc.queryForObject("SELECT COUNT(*) FROM started WHERE service = 'shop'", Integer.class);
        });
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
        a.get(5, TimeUnit.SECONDS);

        assertThat(seenByB).as("B saw A's release").isEqualTo(1);
        assertThat(waited).as("ms B waited for A").isGreaterThanOrEqualTo(300);
        assertThat(jdbc.queryForObject("SELECT last_request_by FROM liftoff_service_lock WHERE service = 'shop'", String.class))
                .isEqualTo("ci-b");
    }

    @Test
    void otherServicesDoNotWait() throws Exception {
        ServiceLocks locks = new ServiceLocks(jdbc);
        locks.ensureRow("shop");
        locks.ensureRow("cart");
        CountDownLatch shopHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> shop = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            locks.lock("shop", "ci");
            shopHeld.countDown();
            await(release);
        }));
        assertThat(shopHeld.await(5, TimeUnit.SECONDS)).isTrue();
        long asked = System.nanoTime();
        transaction.executeWithoutResult(status -> locks.lock("cart", "ci"));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked)).isLessThan(500);
        release.countDown();
        shop.get(5, TimeUnit.SECONDS);
    }

    @Test
    void rowsAreCreatedOnceEvenWhenRequestsRace() throws Exception {
        ServiceLocks locks = new ServiceLocks(jdbc);
        CompletableFuture<?>[] racing = new CompletableFuture<?>[6];
        for (int i = 0; i < racing.length; i++) {
            racing[i] = CompletableFuture.runAsync(() -> locks.ensureRow("shop"));
        }
        CompletableFuture.allOf(racing).get(10, TimeUnit.SECONDS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM liftoff_service_lock", Integer.class)).isEqualTo(1);
    }

    @Test
    void aLockLivesInATransactionAndItsRowIsMadeOutsideOne() {
        ServiceLocks locks = new ServiceLocks(jdbc);
        assertThatThrownBy(() -> locks.lock("shop", "ci")).hasMessageContaining("inside one");
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> locks.ensureRow("shop")))
                .hasMessageContaining("before the transaction");
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> locks.lock("unknown", "ci")))
                .hasMessageContaining("call ensureRow first");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
