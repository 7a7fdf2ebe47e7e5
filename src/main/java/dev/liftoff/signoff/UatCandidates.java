package dev.liftoff.signoff;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who a UAT task is offered to, for the model's candidate expressions: a named tester's task only
 * to that tester, a group slot to the UAT group. Collections, never empty strings: an empty
 * string would become a candidate with an empty id.
 */
@Component("uatCandidates")
public class UatCandidates {

    public List<String> users(String slot) {
        UatSlot parsed = UatSlot.parse(slot);
        return parsed.named() ? List.of(parsed.tester()) : List.of();
    }

    public List<String> groups(String slot) {
        UatSlot parsed = UatSlot.parse(slot);
        return parsed.named() ? List.of() : List.of(parsed.group());
    }
}
