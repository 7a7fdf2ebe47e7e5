package dev.liftoff.deploy;

import dev.liftoff.process.JsonVars;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import dev.liftoff.verification.VerificationService;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Before deploying, notes what the environment runs now, on the root instance at once: it is
 * what a rollback restores, and it must survive the interruption of this stage.
 */
@Component("recordCurrentVersion")
public class RecordCurrentVersionDelegate implements JavaDelegate {

    private final VerificationService verification;

    public RecordCurrentVersionDelegate(VerificationService verification) {
        this.verification = verification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String service = (String) execution.getVariable(Vars.SERVICE);
        String environment = (String) execution.getVariable(Vars.ENVIRONMENT);
        Map<String, Object> previous = new LinkedHashMap<>();
        verification.currentVersion(service, environment).ifPresentOrElse(running -> {
            previous.put("version", running.version());
            previous.put("commitSha", running.commit());
        }, () -> previous.put("unknown", "the version endpoint did not answer"));
        previous.put("recordedAt", Instant.now().toString());
        JsonVars.write(RootInstance.of(execution), Vars.previousReleaseOf(environment), previous);
    }
}
