package dev.liftoff.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The key of one mail: the step that sends it, as the process instance, the execution and the
 * activity. A retry of the step, also after a crash, has the same key; every other step, another
 * firing of a repeating timer (a new execution) or another instance has another one.
 */
public final class MailKeys {

    private MailKeys() {
    }

    public static String of(DelegateExecution execution) {
        return of(execution.getProcessInstanceId(), execution.getId(), execution.getCurrentActivityId());
    }

    static String of(String processInstanceId, String executionId, String activityId) {
        String step = processInstanceId + '\n' + executionId + '\n' + activityId;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(step.getBytes(StandardCharsets.UTF_8));
            return "mail-" + HexFormat.of().formatHex(digest).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
