package io.shizheng.platform;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting in this request, whichever way they signed in (form, Basic, API token or OIDC). */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<ShizhengUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return Optional.empty();
        }
        Object principal = auth.getPrincipal();
        if (principal instanceof ShizhengUser user) {
            return Optional.of(user);
        }
        if (principal instanceof HasShizhengUser holder) {
            return Optional.of(holder.shizhengUser());
        }
        return Optional.empty();
    }

    public static ShizhengUser require() {
        return get().orElseThrow(() -> new org.springframework.security.authentication
                .AuthenticationCredentialsNotFoundException("請先登入 / Sign in first"));
    }

    /** A principal type (such as an OIDC user) that carries the local account it was mapped to. */
    public interface HasShizhengUser {
        ShizhengUser shizhengUser();
    }
}
