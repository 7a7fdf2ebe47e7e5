package dev.liftoff.signoff;

import dev.liftoff.process.JsonVars;
import dev.liftoff.process.Vars;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Who gave UAT feedback so far, read from the {@code uatFeedback} list of an instance. */
final class UatTesters {

    private UatTesters() {
    }

    static Set<String> whoGaveFeedback(VariableScope instance) {
        Set<String> testers = new LinkedHashSet<>();
        StreamSupport.stream(JsonVars.read(instance, Vars.UAT_FEEDBACK).spliterator(), false)
                .map(feedback -> feedback.path("tester").asText(""))
                .filter(tester -> !tester.isBlank())
                .forEach(testers::add);
        return testers;
    }
}
