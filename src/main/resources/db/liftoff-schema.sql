-- Liftoff's own tables beside Camunda's (which the engine creates itself). Runs at every start
-- (spring.sql.init), so each statement must be idempotent; written for H2 and PostgreSQL alike.

-- One row per service that was ever asked for a release. POST /api/releases locks the service's row
-- (UPDATE ... WHERE service = ?) in the transaction that checks for a running release and starts
-- the new one, so that on one node or many sharing the database, requests for the same service
-- take their turn and exactly one release starts.
CREATE TABLE IF NOT EXISTS liftoff_service_lock (
    service VARCHAR(255) NOT NULL PRIMARY KEY,
    last_request_at TIMESTAMP,
    last_request_by VARCHAR(255)
);
