package io.shizheng.platform.internal;

import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ShizhengUser;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Sign-in through the city's own identity provider (OIDC), switched on by configuring
 * spring.security.oauth2.client.registration.*. The provider proves who the person is; their roles
 * and agency still come from the local account with the same user name, so nobody gets in by the
 * provider alone.
 */
class OidcAccountMapper extends OidcUserService {

    private final UserDetailsService users;
    private final String usernameClaim;

    OidcAccountMapper(UserDetailsService users, String usernameClaim) {
        this.users = users;
        this.usernameClaim = usernameClaim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser oidc = super.loadUser(request);
        String name = oidc.getClaimAsString(usernameClaim);
        try {
            UserDetails local = users.loadUserByUsername(name);
            if (!(local instanceof ShizhengUser user) || !user.isEnabled()) {
                throw new UsernameNotFoundException(name);
            }
            return new MappedOidcUser(oidc, user);
        } catch (UsernameNotFoundException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error("no_local_account",
                    "此帳號未在市政平台開通 / No Shizheng account for " + name, null));
        }
    }

    static final class MappedOidcUser extends DefaultOidcUser implements CurrentUser.HasShizhengUser {
        private final transient ShizhengUser user;

        MappedOidcUser(OidcUser oidc, ShizhengUser user) {
            super(user.getAuthorities(), oidc.getIdToken(), oidc.getUserInfo());
            this.user = user;
        }

        @Override
        public ShizhengUser shizhengUser() { return user; }

        /** The local user name, not the provider's subject: sessions are indexed by it, and end with the account. */
        @Override
        public String getName() { return user.getUsername(); }
    }
}
