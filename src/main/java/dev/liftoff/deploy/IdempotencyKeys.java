package dev.liftoff.deploy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Idempotency keys for deploy requests: the same when the engine retries a step, different for
 * another step, environment or release, so a target can drop a repeated request.
 */
public final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    public static String of(String processInstanceId, String activityId, String environment) {
        String step = Objects.requireNonNull(processInstanceId, "processInstanceId") + '\n'
                + Objects.requireNonNull(activityId, "activityId") + '\n'
                + Objects.requireNonNull(environment, "environment");
        return "liftoff-" + HexFormat.of().formatHex(sha256(step)).substring(0, 32);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
