package io.shizheng.org.internal;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.Role;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administrators create accounts and change their roles, agency and state; checked first, then audited. */
@Service
class AccountAdmin {

    static final String ADMIN = "hasRole('ADMIN')";
    static final int MIN_PASSWORD = 12;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,50}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Accounts accounts;
    private final AgencyDirectory agencies;
    private final MessageSource messages;
    private final BrowserSessions sessions;

    AccountAdmin(Accounts accounts, AgencyDirectory agencies, MessageSource messages, BrowserSessions sessions) {
        this.accounts = accounts;
        this.agencies = agencies;
        this.messages = messages;
        this.sessions = sessions;
    }

    private record Clean(String displayName, String email, Long agencyId, Set<Role> roles) {
    }

    @Transactional
    @PreAuthorize(ADMIN)
    public long create(UserForm form) {
        Violations v = new Violations();
        String username = AgencyRegistry.trim(form.username());
        if (username == null) {
            v.add("username", "org.user.error.username.blank");
        } else if (!USERNAME.matcher(username).matches()) {
            v.add("username", "org.user.error.username.pattern");
        } else if (accounts.usernameTaken(username)) {
            v.add("username", "org.user.error.username.taken", username);
        }
        Clean c = common(form, v);
        password(form.password(), true, v);
        v.throwIfAny(messages);
        try {
            return accounts.create(username, c.displayName(), c.email(), form.password(), c.agencyId(), c.roles(), false);
        } catch (DuplicateKeyException e) {
            throw new Violations().add("username", "org.user.error.username.taken", username).rejection(messages);
        }
    }

    @Transactional
    @PreAuthorize(ADMIN)
    public void update(long id, UserForm form) {
        Accounts.UserDetail before = accounts.detail(id)
                .orElseThrow(() -> new NotFoundException("沒有編號為 %d 的使用者 / No user with id %d".formatted(id, id)));
        Violations v = new Violations();
        Clean c = common(form, v);
        boolean newPassword = form.password() != null && !form.password().isEmpty();
        if (newPassword) {
            password(form.password(), false, v);
        }
        // An administrator cannot lock themselves out by accident.
        if (CurrentUser.get().map(me -> me.id() == id).orElse(false)) {
            if (before.roles().contains(Role.ADMIN) && !c.roles().contains(Role.ADMIN) && !v.has("roles")) {
                v.add("roles", "org.user.error.self.admin");
            }
            if (!form.isEnabled()) {
                v.add("enabled", "org.user.error.self.disable");
            }
        }
        v.throwIfAny(messages);
        accounts.update(id, c.displayName(), c.email(), c.agencyId(), c.roles(), form.isEnabled());
        if (newPassword) {
            accounts.changePassword(id, form.password());
        }
        if (!form.isEnabled()) {
            // A disabled account is signed out everywhere now, not when its sessions time out.
            sessions.endAll(id, before.username());
        }
    }

    private Clean common(UserForm form, Violations v) {
        String displayName = AgencyRegistry.trim(form.displayName());
        if (displayName == null) {
            v.add("displayName", "org.user.error.name.blank");
        } else if (displayName.length() > 100) {
            v.add("displayName", "org.user.error.tooLong", 100);
        }
        String email = AgencyRegistry.trim(form.email());
        if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
            v.add("email", "org.user.error.email");
        }
        Long agencyId = null;
        String agencyText = AgencyRegistry.trim(form.agencyId());
        if (agencyText != null) {
            try {
                agencyId = Long.valueOf(agencyText);
                if (agencies.find(agencyId).isEmpty()) {
                    v.add("agencyId", "org.user.error.agency");
                }
            } catch (NumberFormatException e) {
                v.add("agencyId", "org.user.error.agency");
            }
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : form.roleList()) {
            try {
                roles.add(Role.valueOf(r.trim()));
            } catch (IllegalArgumentException e) {
                v.add("roles", "org.user.error.roles.unknown", r);
            }
        }
        if (roles.isEmpty() && !v.has("roles")) {
            v.add("roles", "org.user.error.roles.none");
        }
        return new Clean(displayName, email, agencyId, roles);
    }

    private static void password(String password, boolean required, Violations v) {
        if (password == null || password.length() < MIN_PASSWORD) {
            if (required || password != null) {
                v.add("password", "org.user.error.password.short");
            }
        } else if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            // bcrypt reads at most 72 bytes; a longer password would silently lose its tail.
            v.add("password", "org.user.error.password.long");
        }
    }
}
