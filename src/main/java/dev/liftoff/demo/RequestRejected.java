package dev.liftoff.demo;

/** A request the demo service refuses, with the status and the sentence its caller gets back. */
final class RequestRejected extends RuntimeException {

    private final int status;

    RequestRejected(int status, String message) {
        super(message);
        this.status = status;
    }

    JsonReply reply() {
        return JsonReply.error(status, getMessage());
    }
}
