package dev.liftoff.notification;

import java.time.Instant;

/**
 * A task as its notification describes it.
 *
 * @param candidates who it waits for, in words, e.g. "release-managers"
 * @param evidence one line per piece of evidence, e.g. "staging: 44/44 passed"
 */
public record WaitingTask(String id, String name, String release, String service, String version, String commitSha,
        String candidates, Instant due, String evidence) {
}
