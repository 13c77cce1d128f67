package io.shizheng.org.internal;

import java.util.List;

/** The user form as posted by an administrator: all text, so that any input can be shown back. */
record UserForm(String username, String displayName, String email, String password, String agencyId,
                List<String> roles, String enabled) {

    static UserForm blank() {
        return new UserForm("", "", "", "", "", List.of(), "true");
    }

    static UserForm of(Accounts.UserDetail u) {
        return new UserForm(u.username(), u.displayName(), u.email(), "",
                u.agencyId() == null ? "" : u.agencyId().toString(),
                u.roles().stream().map(Enum::name).toList(), Boolean.toString(u.enabled()));
    }

    public List<String> roleList() {
        return roles == null ? List.of() : roles;
    }

    /** An unchecked checkbox sends nothing, so a missing value means "disabled". */
    public boolean isEnabled() {
        return enabled != null && (enabled.equals("true") || enabled.equals("on"));
    }
}
