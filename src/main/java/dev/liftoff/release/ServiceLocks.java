package dev.liftoff.release;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A lock per service that holds across every Liftoff node sharing the database: a row of
 * {@code liftoff_service_lock} (see {@code db/liftoff-schema.sql}), locked by an {@code UPDATE} in
 * the caller's transaction and released when it commits or rolls back.
 *
 * <p>Why a row lock: Camunda's tables cannot be locked for us, and a unique constraint on "the
 * running release of a service" would need clearing when a release ends, on every path it may end
 * (including a cancellation in Cockpit). A row lock only serialises the requests: the one holding it
 * sees every release started before it (they committed before it got the lock), so the check
 * "is one running?" and the start are one atomic step. H2 and PostgreSQL both lock the updated row
 * until the transaction ends; a second request blocks on the {@code UPDATE} until the first has
 * committed, then finds its release. A wait is bounded: H2 gives up after its lock timeout (the
 * URL's {@code LOCK_TIMEOUT}), PostgreSQL after {@link #POSTGRES_LOCK_TIMEOUT} (it would wait for
 * ever), and the caller tries again until its own deadline.
 */
@Component
class ServiceLocks {

    /** how long one attempt waits on PostgreSQL for a service another node holds */
    static final String POSTGRES_LOCK_TIMEOUT = "5s";
    private static final String POSTGRES_LOCK_NOT_AVAILABLE = "55P03";

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    ServiceLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes sure the service has its row, in a transaction of its own and before the caller's
     * transaction takes a connection: two requests racing to create it both go on (the loser's
     * insert fails on the primary key, which is fine).
     */
    void ensureRow(String service) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("create the lock row before the transaction that locks it");
        }
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM liftoff_service_lock WHERE service = ?", Integer.class, service);
        if (rows != null && rows > 0) {
            return;
        }
        try {
            jdbc.update("INSERT INTO liftoff_service_lock (service) VALUES (?)", service);
        } catch (DataIntegrityViolationException createdMeanwhile) {
            // another request, maybe on another node, created it first
        }
    }

    /**
     * Locks the service's row until the current transaction ends; blocks while another transaction
     * holds it, for as long as the database waits for a lock.
     *
     * @throws CannotAcquireLockException the wait timed out, on either database
     */
    void lock(String service, String requestedBy) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a service lock lives as long as a transaction: lock inside one");
        }
        if (onPostgres()) {
            // for this transaction only: a pooled connection keeps its settings
            jdbc.execute("SET LOCAL lock_timeout = '" + POSTGRES_LOCK_TIMEOUT + "'");
        }
        int updated;
        try {
            updated = jdbc.update("UPDATE liftoff_service_lock SET last_request_at = ?, last_request_by = ? WHERE service = ?",
                    Timestamp.from(Instant.now()), requestedBy, service);
        } catch (QueryTimeoutException e) {
            // how Spring reads H2's lock timeout
            throw heldElsewhere(service, e);
        } catch (UncategorizedSQLException e) {
            // Spring leaves PostgreSQL's lock_not_available uncategorised: it is a lock wait that timed out
            if (e.getSQLException() != null && POSTGRES_LOCK_NOT_AVAILABLE.equals(e.getSQLException().getSQLState())) {
                throw heldElsewhere(service, e);
            }
            throw e;
        }
        if (updated != 1) {
            throw new IllegalStateException("no lock row for service '" + service + "': call ensureRow first");
        }
    }

    private static CannotAcquireLockException heldElsewhere(String service, Exception cause) {
        return new CannotAcquireLockException("service " + service + " is held by another request", cause);
    }

    private boolean onPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection -> "PostgreSQL".equals(connection.getMetaData()
                    .getDatabaseProductName())));
            postgres = known;
        }
        return known;
    }
}
