package dev.liftoff.config;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Liftoff's own API under {@code /api}: stateless HTTP Basic against Camunda's users and groups,
 * so CI and people use one identity everywhere. Other paths are not handled here: the webapps
 * keep their session login, {@code /engine-rest} has Camunda's filter, and only the health
 * probe is anonymous.
 */
@Configuration
public class ApiSecurity {

    @Bean
    public SecurityFilterChain apiFilterChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("Liftoff"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
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
                        .map(Group::getId).map(id -> new SimpleGrantedAuthority("GROUP_" + id)).toList();
                return new UsernamePasswordAuthenticationToken(user, null, groups);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }
}
