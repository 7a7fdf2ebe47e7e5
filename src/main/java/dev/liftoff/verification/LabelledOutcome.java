package dev.liftoff.verification;

/**
 * The outcome of one request together with how evidence names it.
 *
 * @param label e.g. "score (POST /api/score)" for a smoke request or "GET /api/version" for a plain GET
 */
record LabelledOutcome(String label, TargetOutcome outcome) {
}
