package io.shizheng.platform.internal;

import java.io.IOException;

import io.shizheng.platform.ApiTokenResolver;
import io.shizheng.platform.ShizhengUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs in API clients that send {@code Authorization: Bearer <personal API token>}. */
class BearerTokenFilter extends OncePerRequestFilter {

    /** Personal tokens start so; anything else in Authorization is left to Basic authentication. */
    static final String TOKEN_PREFIX = "shz_";

    private final ApiTokenResolver resolver;
    private final AuthenticationEntryPoint entryPoint;

    BearerTokenFilter(ApiTokenResolver resolver, AuthenticationEntryPoint entryPoint) {
        this.resolver = resolver;
        this.entryPoint = entryPoint;
    }

    /**
     * The personal token from {@code Authorization: Bearer <token>}, or as CKAN clients send it: the bare
     * token in {@code Authorization} or in {@code X-CKAN-API-Key}.
     */
    static String token(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        if (header != null && header.startsWith(TOKEN_PREFIX)) {
            return header.trim();
        }
        String ckan = request.getHeader("X-CKAN-API-Key");
        return ckan != null && !ckan.isBlank() ? ckan.trim() : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = token(request);
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        ShizhengUser user = resolver.resolve(token).filter(ShizhengUser::isEnabled).orElse(null);
        if (user == null) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("API token 無效或已撤銷 / invalid or revoked API token"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
