package dev.liftoff.incident;

/** The issue tracker could not be reached or refused: a technical failure, retried by the engine. */
public class TrackerFailedException extends RuntimeException {

    public TrackerFailedException(String message) {
        super(message);
    }

    public TrackerFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
