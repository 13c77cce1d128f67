package io.shizheng.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import io.shizheng.platform.Role;
import io.shizheng.platform.ShizhengUser;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A session signed in through the city's provider is named by the local user name, not the provider's subject, so
 * that disabling the account finds and ends it (sessions are indexed by the principal's name).
 */
class OidcSessionNameTest {

    @Test
    void theSignedInPrincipalIsNamedByTheLocalAccount() {
        OidcIdToken token = new OidcIdToken("t", Instant.now(), Instant.now().plusSeconds(60),
                Map.of("sub", "3f2a-subject-at-the-provider", "preferred_username", "rdec"));
        ShizhengUser local = new ShizhengUser(7, "rdec", "研考會承辦", "x", 1L, Set.of(Role.RDEC_STAFF), true, false);
        OidcAccountMapper.MappedOidcUser mapped = new OidcAccountMapper.MappedOidcUser(
                new DefaultOidcUser(local.getAuthorities(), token), local);
        assertThat(new DefaultOidcUser(local.getAuthorities(), token).getName()).isEqualTo("3f2a-subject-at-the-provider");
        assertThat(mapped.getName()).isEqualTo("rdec");
    }
}
