package dev.liftoff.tasklist;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * Who is logged in to the Camunda webapps in the browser that sent a request. Pages that Liftoff
 * adds to Tasklist call Liftoff from that browser with its session cookie and no password, so
 * they are authenticated by the same login.
 */
final class TasklistLogin {

    static final String ENGINE = "default";

    private TasklistLogin() {
    }

    static Optional<String> userOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
        Authentication login = logins == null ? null : logins.getAuthenticationForProcessEngine(ENGINE);
        return Optional.ofNullable(login).map(Authentication::getIdentityId);
    }
}
