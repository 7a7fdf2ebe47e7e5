package dev.liftoff.signoff;

import dev.liftoff.process.Vars;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A person's decision on a task, checked on the server: the form enforces the same rules, but
 * REST callers skip the browser. A refusal needs a reason: the form asks for it in
 * {@code refusalReason}, shown only with the refusal; REST callers may send it as {@code comment}.
 *
 * @param value one of the task's allowed decisions
 * @param comment trimmed; required when the decision is a refusal
 */
public record Decision(String value, String comment) {

    public static Decision read(DelegateTask task, Set<String> allowed, String refusal) {
        Object value = task.getVariable(Vars.DECISION);
        if (value == null || !allowed.contains(value.toString())) {
            throw new BadUserRequestException("decision must be one of " + allowed + " (got " + value + ")");
        }
        String text = trimmed(task.getVariable(Vars.COMMENT));
        if (refusal.equals(value) && !trimmed(task.getVariable(Vars.REFUSAL_REASON)).isEmpty()) {
            text = trimmed(task.getVariable(Vars.REFUSAL_REASON));
        }
        if (refusal.equals(value) && text.isEmpty()) {
            throw new BadUserRequestException("a comment is required with " + refusal + ": say what must change");
        }
        return new Decision(value.toString(), text.isEmpty() ? null : text);
    }

    private static String trimmed(Object text) {
        return text == null ? "" : text.toString().trim();
    }

    public boolean is(String expected) {
        return expected.equals(value);
    }
}
