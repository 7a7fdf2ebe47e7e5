package dev.liftoff.config;

import dev.liftoff.process.Groups;
import jakarta.servlet.DispatcherType;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Liftoff's own API under {@code /api} (and its OpenAPI description and viewer) and the actuator
 * endpoints under {@code /actuator}: stateless HTTP Basic against Camunda's users and groups, so
 * CI, people and a metrics scraper use one identity everywhere. Each group is an authority
 * {@code GROUP_<groupId>}. Other paths are not handled here: the webapps keep their session login,
 * {@code /engine-rest} has Camunda's filter, and only the health probe
 * ({@code /actuator/health/**}) is anonymous.
 *
 * <p>Who may do what on {@code /api/releases}: {@code ci} starts and reads releases, the approver
 * groups read them, {@code operations} and {@code release-managers} read them and ask for a
 * rollback, {@code camunda-admin} does everything. Every other actuator endpoint
 * ({@code /actuator/prometheus}) is read by any Liftoff user outside {@code ci}, which starts
 * releases and reads them and nothing else: a Prometheus server scrapes as a user of its own that
 * needs no group. A refusal is {@code application/problem+json}: 401 (with
 * {@code WWW-Authenticate}) without valid credentials, 403 for a group that may not.
 */
@Configuration
public class ApiSecurity {

    static final String REALM = "Liftoff";
    static final String AUTHORITY_PREFIX = "GROUP_";

    @Bean
    public SecurityFilterChain apiFilterChain(HttpSecurity http) throws Exception {
        String admin = authority(Groups.CAMUNDA_ADMIN);
        String[] starters = {authority(Groups.CI), admin};
        String[] readers = Stream.concat(Stream.of(Groups.CI, Groups.CAMUNDA_ADMIN), Groups.APPROVERS.stream())
                .map(ApiSecurity::authority).toArray(String[]::new);
        String[] rollers = {authority(Groups.OPERATIONS), authority(Groups.RELEASE_MANAGERS), admin};
        AuthenticationEntryPoint unauthenticated = (request, response, failure) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
            new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                    "Send HTTP Basic credentials of a Liftoff (Camunda) user. A wrong password locks the user for a few "
                            + "seconds: do not retry blindly.").writeTo(response);
        };
        AccessDeniedHandler forbidden = (request, response, denied) -> new ApiProblem(HttpStatus.FORBIDDEN, "forbidden",
                "Not allowed", request.getRemoteUser() + " may not " + request.getMethod() + " " + request.getRequestURI()
                        + ": " + whoMay(request.getMethod(), request.getRequestURI())).writeTo(response);
        return http.securityMatcher(new OrRequestMatcher(path(null, "/api/**"), path(null, "/swagger-ui/**"),
                        path(null, "/swagger-ui.html"), path(null, "/v3/api-docs/**"), path(null, "/actuator/**")))
                .authorizeHttpRequests(requests -> requests
                        // an async answer (the events long-poll) was authorized when its request came in
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        // the probe of load balancers and orchestrators, which carry no credentials
                        .requestMatchers(path(null, "/actuator/health/**")).permitAll()
                        .requestMatchers(path(null, "/actuator/**")).access(AuthorizationManagers.allOf(
                                AuthenticatedAuthorizationManager.authenticated(),
                                AuthorizationManagers.not(AuthorityAuthorizationManager.hasAuthority(authority(Groups.CI)))))
                        .requestMatchers(path(HttpMethod.POST, "/api/releases")).hasAnyAuthority(starters)
                        .requestMatchers(path(HttpMethod.POST, "/api/releases/*/rollback")).hasAnyAuthority(rollers)
                        .requestMatchers(path(HttpMethod.GET, "/api/releases"), path(HttpMethod.GET, "/api/releases/**"))
                        .hasAnyAuthority(readers)
                        .requestMatchers(path(null, "/api/releases"), path(null, "/api/releases/**")).hasAuthority(admin)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthenticated))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    private static String whoMay(String method, String uri) {
        if (uri.startsWith("/actuator")) {
            return "Liftoff's metrics are read by any Liftoff user outside the ci group: scrape as a user of your own";
        }
        if ("POST".equals(method) && uri.endsWith("/rollback")) {
            return "only operations and release-managers may ask for a rollback";
        }
        if ("POST".equals(method) && uri.endsWith("/api/releases")) {
            return "only the ci group starts releases";
        }
        return "releases are read by ci and the approver groups " + Groups.APPROVERS;
    }

    static String authority(String group) {
        return AUTHORITY_PREFIX + group;
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    @Bean
    public AuthenticationProvider camundaIdentityAuthentication(IdentityService identityService) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String user = authentication.getName();
                Object password = authentication.getCredentials();
                if (password == null || !identityService.checkPassword(user, password.toString())) {
                    throw new BadCredentialsException("unknown user or wrong password");
                }
                List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(user).list().stream()
                        .map(Group::getId).map(id -> new SimpleGrantedAuthority(authority(id))).toList();
                return new UsernamePasswordAuthenticationToken(user, null, groups);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }
}
