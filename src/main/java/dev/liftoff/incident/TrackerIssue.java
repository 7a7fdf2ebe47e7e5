package dev.liftoff.incident;

/** An issue in the tracker: its number and the page people open. */
public record TrackerIssue(long number, String url) {
}
