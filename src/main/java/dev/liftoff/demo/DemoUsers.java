package dev.liftoff.demo;

import dev.liftoff.config.IdentitySetup;
import dev.liftoff.process.Groups;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users, two per approver group so the four-eyes rule can be tried, and a CI user. The
 * password of each is its user id: demo profile only.
 */
@Component
@Profile("demo")
@Order(20)
public class DemoUsers implements ApplicationRunner {

    static final Map<String, String> USERS = new LinkedHashMap<>();

    static {
        USERS.put("rita", Groups.RELEASE_MANAGERS);
        USERS.put("rob", Groups.RELEASE_MANAGERS);
        USERS.put("ursula", Groups.UAT_TESTERS);
        USERS.put("uma", Groups.UAT_TESTERS);
        USERS.put("erin", Groups.ENGINEERING_LEADS);
        USERS.put("eli", Groups.ENGINEERING_LEADS);
        USERS.put("sam", Groups.SECURITY_LEADS);
        USERS.put("sue", Groups.SECURITY_LEADS);
        USERS.put("otto", Groups.OPERATIONS);
        USERS.put("olga", Groups.OPERATIONS);
        USERS.put("paula", Groups.PRODUCT_OWNERS);
        USERS.put("pete", Groups.PRODUCT_OWNERS);
        USERS.put("ci-bot", Groups.CI);
    }

    private final IdentityService identityService;
    private final IdentitySetup identitySetup;

    public DemoUsers(IdentityService identityService, IdentitySetup identitySetup) {
        this.identityService = identityService;
        this.identitySetup = identitySetup;
    }

    @Override
    public void run(ApplicationArguments args) {
        USERS.forEach((id, group) -> {
            if (identityService.createUserQuery().userId(id).count() == 0) {
                User user = identityService.newUser(id);
                user.setFirstName(Character.toUpperCase(id.charAt(0)) + id.substring(1));
                user.setLastName("(" + group + ")");
                user.setEmail(id + "@liftoff.example");
                user.setPassword(id);
                identityService.saveUser(user);
            }
            identitySetup.ensureMembership(id, group);
        });
    }
}
