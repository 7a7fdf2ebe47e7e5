package dev.liftoff.demo;

import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * study-canary's router for any signed-in demo user: {@code GET /api/demo/traffic} lists every
 * weight the canary was given, in order, with how many requests the router sent to the canary and to
 * the stable build under it (the deployer's own {@code GET /traffic} needs the deploy token).
 */
@RestController
@Profile(DemoPorts.DEMO_PROFILE)
public class DemoTrafficController {

    private final DemoTargetServer server;

    public DemoTrafficController(DemoTargetServer server) {
        this.server = server;
    }

    @GetMapping("/api/demo/traffic")
    public List<WeightChange.View> weights() {
        return server.canaryWeights();
    }
}
