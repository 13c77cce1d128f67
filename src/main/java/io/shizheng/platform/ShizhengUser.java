package io.shizheng.platform;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person: who they are, their roles and the agency whose items they may touch. */
public final class ShizhengUser implements UserDetails, CredentialsContainer {

    private final long id;
    private final String username;
    private final String displayName;
    private String passwordHash;
    private final Long agencyId;
    private final Set<Role> roles;
    private final boolean enabled;
    private final boolean demo;

    public ShizhengUser(long id, String username, String displayName, String passwordHash, Long agencyId,
                        Set<Role> roles, boolean enabled, boolean demo) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.agencyId = agencyId;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.enabled = enabled;
        this.demo = demo;
    }

    public long id() { return id; }

    public String displayName() { return displayName; }

    public Long agencyId() { return agencyId; }

    public Set<Role> roles() { return Set.copyOf(roles); }

    public boolean demo() { return demo; }

    public boolean has(Role role) { return roles.contains(role); }

    /** RDEC staff and administrators act city-wide; everyone else within their own agency. */
    public boolean cityWide() { return roles.contains(Role.ADMIN) || roles.contains(Role.RDEC_STAFF); }

    public boolean mayActFor(Long agency) {
        return cityWide() || (agencyId != null && agencyId.equals(agency));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override public String getPassword() { return passwordHash; }

    @Override public String getUsername() { return username; }

    @Override public boolean isEnabled() { return enabled; }

    @Override public void eraseCredentials() { passwordHash = null; }

    public List<String> roleNames() { return roles.stream().map(Enum::name).toList(); }

    @Override
    public String toString() { return "ShizhengUser[" + username + "]"; }

}
