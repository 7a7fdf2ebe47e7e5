package dev.liftoff.demo;

import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The demo mailbox over REST, for any signed-in demo user: {@code GET /api/demo/mail}. */
@RestController
@Profile(DemoPorts.DEMO_PROFILE)
public class DemoMailController {

    private final DemoMailbox mailbox;

    public DemoMailController(DemoMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @GetMapping("/api/demo/mail")
    public List<Map<String, Object>> mail() {
        return mailbox.received();
    }
}
