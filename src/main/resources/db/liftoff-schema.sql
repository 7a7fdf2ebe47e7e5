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

-- One row per mail Liftoff sent, by the key of the step that sent it (MailKeys: the process
-- instance, the execution and the activity). A step run again after a crash or a retry finds its
-- key here and does not send the mail a second time (Mailer).
CREATE TABLE IF NOT EXISTS liftoff_mail_sent (
    mail_key VARCHAR(80) NOT NULL PRIMARY KEY,
    sent_at TIMESTAMP NOT NULL,
    subject VARCHAR(1000),
    recipients VARCHAR(4000)
);
