package dev.liftoff.demo;

import java.util.Map;

/** A status and the object written as its JSON body (none for {@link #NO_CONTENT}). */
record JsonReply(int status, Object body) {

    static final JsonReply NO_CONTENT = new JsonReply(204, null);

    static JsonReply ok(Object body) {
        return new JsonReply(200, body);
    }

    static JsonReply error(int status, String message) {
        return new JsonReply(status, Map.of("error", message));
    }
}
