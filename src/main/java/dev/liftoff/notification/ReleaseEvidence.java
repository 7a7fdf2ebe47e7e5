package dev.liftoff.notification;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.Vars;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The release's evidence so far in a few lines, for mails: e.g. "staging: 44/44 passed". */
final class ReleaseEvidence {

    private static final List<String> REPORTS = List.of("productionVerification", "stagingVerification", Vars.READINESS);

    private ReleaseEvidence() {
    }

    static String summary(VariableScope release) {
        List<String> lines = new ArrayList<>();
        for (String name : REPORTS) {
            JsonNode report = JsonVars.read(release, name);
            if (report.isObject() && report.hasNonNull("summary")) {
                lines.add(name.replace("Verification", "") + ": " + report.path("summary").asText());
            }
        }
        return lines.isEmpty() ? "no checks yet" : String.join("\n", lines);
    }
}
