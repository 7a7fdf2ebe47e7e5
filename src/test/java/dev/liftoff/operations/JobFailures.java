package dev.liftoff.operations;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The failed job runs in the engine's job log, and how many of them were concurrent changes
 * ({@code OptimisticLockingException}): the engine retries those, and a test shows how often they
 * happen, while incidents (none allowed) show whether one was ever left failed.
 */
final class JobFailures {

    private final long failed;
    private final long concurrentChanges;

    JobFailures(LiftoffApi api) {
        JsonNode failures = api.json("admin", "/engine-rest/history/job-log?failureLog=true&maxResults=100000");
        long concurrent = 0;
        for (JsonNode failure : failures) {
            if (ConcurrentChange.isIn(failure.path("jobExceptionMessage").asText(""))) {
                concurrent++;
            }
        }
        this.failed = failures.size();
        this.concurrentChanges = concurrent;
    }

    long failed() {
        return failed;
    }

    long concurrentChanges() {
        return concurrentChanges;
    }

    @Override
    public String toString() {
        return failed + " failed job runs in the job log, " + concurrentChanges + " of them concurrent changes (retried by the engine)";
    }
}
