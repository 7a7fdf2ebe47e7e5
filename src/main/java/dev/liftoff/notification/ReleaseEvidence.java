package dev.liftoff.notification;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.config.ServiceConfig;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.Vars;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The release's evidence so far in a few lines, for mails: e.g. "staging: 44/44 passed". */
final class ReleaseEvidence {

    /** the reports, newest stage first, by the label a mail gives them */
    private static final Map<String, String> REPORTS = reports();

    private ReleaseEvidence() {
    }

    private static Map<String, String> reports() {
        Map<String, String> reports = new LinkedHashMap<>();
        reports.put(ServiceConfig.PRODUCTION, Vars.verificationOf(ServiceConfig.PRODUCTION));
        reports.put(ServiceConfig.STAGING, Vars.verificationOf(ServiceConfig.STAGING));
        reports.put("readiness", Vars.READINESS);
        return reports;
    }

    static String summary(VariableScope release) {
        List<String> lines = new ArrayList<>();
        REPORTS.forEach((label, variable) -> {
            JsonNode report = JsonVars.read(release, variable);
            if (report.isObject() && report.hasNonNull("summary")) {
                lines.add(label + ": " + report.path("summary").asText());
            }
        });
        return lines.isEmpty() ? "no checks yet" : String.join("\n", lines);
    }
}
