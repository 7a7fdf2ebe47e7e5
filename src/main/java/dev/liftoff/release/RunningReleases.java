package dev.liftoff.release;

import dev.liftoff.process.ProcessKeys;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The releases of a service running now. A release's business key is {@code <service>@<version>}
 * (its first step refuses any other), so they are found by the key's prefix: an indexed look-up,
 * where a query by the {@code service} variable reads every running release's variables and slows
 * down as releases pile up.
 */
@Component
public class RunningReleases {

    private final RuntimeService runtime;

    public RunningReleases(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public List<ProcessInstance> of(String service) {
        String prefix = service + "@";
        // '_' and '%' in a service id would match more in LIKE: the exact prefix decides
        return runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.RELEASE_LIFECYCLE)
                .processInstanceBusinessKeyLike(prefix + "%").list().stream()
                .filter(instance -> instance.getBusinessKey() != null && instance.getBusinessKey().startsWith(prefix))
                .toList();
    }
}
