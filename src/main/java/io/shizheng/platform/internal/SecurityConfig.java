package io.shizheng.platform.internal;

import java.util.ArrayList;
import java.util.List;

import io.shizheng.platform.ApiTokenResolver;
import io.shizheng.platform.PublicEndpoints;
import io.shizheng.platform.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(LoginThrottle.Rules.class)
class SecurityConfig {

    private static final String METRICS = "/actuator/prometheus";

    /** bcrypt today, upgradable in place: hashes carry their algorithm id ({bcrypt}...). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder,
                                                LoginThrottle throttle) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return new ProviderManager(new ThrottledAuthenticationProvider(dao, throttle));
    }

    /** Absent only for one-shot commands without a web server (--verify-audit). */
    @Bean
    @ConditionalOnWebApplication
    SecurityFilterChain filterChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                    ApiTokenResolver tokens, ProblemResponses problems,
                                    List<PublicEndpoints> publicEndpoints,
                                    ObjectProvider<ClientRegistrationRepository> oidcClients,
                                    UserDetailsService users,
                                    @Value("${shizheng.security.oidc.username-claim:preferred_username}") String claim)
            throws Exception {
        RequestMatcher api = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                PathPatternRequestMatcher.withDefaults().matcher(METRICS));
        List<String> publicReads = new ArrayList<>(List.of("/", "/login", "/css/**", "/js/**", "/img/**",
                "/webjars/**", "/favicon.ico", "/error", "/actuator/health", "/actuator/health/**",
                "/api/calendar/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"));
        List<String> publicAny = new ArrayList<>();
        publicEndpoints.forEach(p -> {
            publicReads.addAll(p.publicReads());
            publicAny.addAll(p.publicAny());
        });

        http.authenticationManager(authenticationManager)
            .authorizeHttpRequests(auth -> {
                // metrics name disk paths and exception classes per URI: for administrators and the scraper's account
                auth.requestMatchers(METRICS).hasAnyRole(Role.ADMIN.name(), Role.MONITORING.name());
                auth.requestMatchers(HttpMethod.GET, publicReads.toArray(String[]::new)).permitAll();
                auth.requestMatchers(HttpMethod.HEAD, publicReads.toArray(String[]::new)).permitAll();
                if (!publicAny.isEmpty()) {
                    auth.requestMatchers(publicAny.toArray(String[]::new)).permitAll();
                }
                auth.requestMatchers("/login", "/error").permitAll();
                auth.anyRequest().authenticated();
            })
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                    .failureHandler((req, res, ex) -> res.sendRedirect(req.getContextPath()
                            + (ex instanceof LockedException ? "/login?locked" : "/login?error"))))
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signedOut"))
            .httpBasic(basic -> basic.authenticationEntryPoint(problems))
            // Requests that carry their own credentials (Basic or Bearer) cannot be forged cross-site, and an API
            // call without a session cookie has no ambient authority to forge: it gets 401, or reaches a public API.
            .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfig::carriesCredentials,
                    request -> api.matches(request) && request.getRequestedSessionId() == null,
                    // a public API with its own keys (publicAny, e.g. Open311) is called without a session
                    request -> request.getRequestedSessionId() == null && publicAny.stream()
                            .anyMatch(p -> PathPatternRequestMatcher.withDefaults().matcher(p).matches(request))))
            // Remembered for the return after sign-in: page GETs only; an API call answered 401 starts no session.
            .requestCache(cache -> cache.requestCache(pageRequests(api)))
            .exceptionHandling(ex -> ex
                    .defaultAuthenticationEntryPointFor(problems, api)
                    .defaultAccessDeniedHandlerFor(problems, api))
            .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
            // Nothing frames these pages: X-Frame-Options DENY (the default) and frame-ancestors 'none' agree.
            .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                            + "script-src 'self'; object-src 'none'; frame-ancestors 'none'"))
                    .frameOptions(frame -> frame.deny())
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                    .permissionsPolicyHeader(permissions -> permissions.policy(
                            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()")));

        if (oidcClients.getIfAvailable() != null) {
            OidcAccountMapper mapper = new OidcAccountMapper(users, claim);
            http.oauth2Login(o -> o.loginPage("/login").userInfoEndpoint(u -> u.oidcUserService(mapper)));
        }
        return http.build();
    }

    private static HttpSessionRequestCache pageRequests(RequestMatcher api) {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new AndRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/**"),
                new NegatedRequestMatcher(api)));
        return cache;
    }

    private static boolean carriesCredentials(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return (header != null && (header.regionMatches(true, 0, "Basic ", 0, 6)
                || header.regionMatches(true, 0, "Bearer ", 0, 7))) || BearerTokenFilter.token(request) != null;
    }
}
