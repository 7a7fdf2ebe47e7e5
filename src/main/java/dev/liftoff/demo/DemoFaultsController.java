package dev.liftoff.demo;

import dev.liftoff.config.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fault injection into the demo study-api for any signed-in demo user, so that metric analyses,
 * rollback triggers and rollbacks can be watched at work: {@code POST /api/demo/faults} makes the
 * build live in an environment answer a share of its requests with HTTP 500 and answer later,
 * {@code GET} lists the faults, {@code DELETE} (optionally {@code ?environment=}) clears them.
 */
@RestController
@Profile(DemoPorts.DEMO_PROFILE)
@RequestMapping(DemoFaultsController.PATH)
public class DemoFaultsController {

    static final String PATH = "/api/demo/faults";

    /** The answer of {@code DELETE}. */
    public record Cleared(int cleared) {
    }

    private final DemoTargetServer server;

    public DemoFaultsController(DemoTargetServer server) {
        this.server = server;
    }

    @PostMapping
    public InjectedFault.View inject(HttpServletRequest request, Authentication caller) throws IOException {
        DemoFaults faults = server.faults();
        DemoFaultRequest fault = DemoFaultRequest.parse(request.getInputStream().readAllBytes(), faults.environments());
        return faults.inject(fault.environment(), fault.errorPercent(), fault.addedLatency(), caller.getName()).view(true);
    }

    @GetMapping
    public List<InjectedFault.View> list() {
        return server.faults().list();
    }

    @DeleteMapping
    public Cleared clear(@RequestParam(required = false) String environment, Authentication caller) {
        DemoFaults faults = server.faults();
        return new Cleared(faults.clear(DemoFaultRequest.environmentParameter(environment, faults.environments()), caller.getName()));
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<String> refused(ApiProblem problem) {
        return problem.toResponse();
    }
}
