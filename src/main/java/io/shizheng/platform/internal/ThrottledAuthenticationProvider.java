package io.shizheng.platform.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Refuses sign-in while the account is locked for the client's address (LoginThrottle), and counts failures. */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = authentication.getName();
        // The client's address as the servlet container sees it: the proxy's X-Forwarded-For only when trusted.
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        Optional<Instant> locked = throttle.lockedUntil(name, address);
        if (locked.isPresent()) {
            throw new LockedException("登入失敗次數過多，請稍後再試 / Too many failed sign-ins; try again after "
                    + locked.get());
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.succeeded(name, address);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(name, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
