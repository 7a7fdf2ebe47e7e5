package dev.liftoff.deploy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a deploy target answered when it accepted a deployment, kept as evidence.
 *
 * @param target the target as a person recognises it, e.g. {@code webhook https://host/deploy}
 * @param status the HTTP status or the exit code
 * @param excerpt the start of the response body or the tail of the command output, at most
 *     2 KB of UTF-8
 */
public record DeployReceipt(String target, int status, String excerpt, long durationMs) {

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("target", target);
        map.put("status", status);
        map.put("excerpt", excerpt);
        map.put("durationMs", durationMs);
        return map;
    }
}
