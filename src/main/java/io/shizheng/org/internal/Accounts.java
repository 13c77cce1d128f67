package io.shizheng.org.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.shizheng.platform.ApiTokenResolver;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.Role;
import io.shizheng.platform.ShizhengUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts and their personal API tokens; the source of every sign-in. */
@Service
public class Accounts implements UserDetailsService, ApiTokenResolver {

    static final String TOKEN_PREFIX = "shz_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    Accounts(JdbcClient jdbc, PasswordEncoder encoder, AuditLog audit) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
    }

    @Override
    public ShizhengUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException(username));
    }

    Optional<ShizhengUser> find(String username) {
        return jdbc.sql("select * from org_user where lower(username) = lower(?)").param(username)
                .query(Accounts::user).optional();
    }

    Optional<ShizhengUser> find(long id) {
        return jdbc.sql("select * from org_user where id = ?").param(id).query(Accounts::user).optional();
    }

    List<UserRow> list() {
        return jdbc.sql("""
                select u.id, u.username, u.display_name, u.email, u.roles, u.enabled, u.demo, a.name as agency
                from org_user u left join org_agency a on a.id = u.agency_id order by u.username""")
                .query((rs, n) -> new UserRow(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        rs.getString("email"), roles(rs.getString("roles")), rs.getString("agency"),
                        rs.getBoolean("enabled"), rs.getBoolean("demo"))).list();
    }

    record UserRow(long id, String username, String displayName, String email, Set<Role> roles, String agency,
                   boolean enabled, boolean demo) {
    }

    @Transactional
    public long create(String username, String displayName, String email, String rawPassword, Long agencyId,
                       Set<Role> roles, boolean demo) {
        long id = jdbc.sql("""
                insert into org_user(username, display_name, email, password_hash, agency_id, roles, demo)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(username, displayName, email, encoder.encode(rawPassword), agencyId, rolesText(roles), demo)
                .query(Long.class).single();
        audit.record("org.user", id, AuditAction.CREATE, null,
                new UserState(username, displayName, email, agencyId, rolesText(roles), true));
        return id;
    }

    record UserState(String username, String displayName, String email, Long agencyId, String roles,
                     boolean enabled) {
    }

    /** One account as an administrator or its owner sees it (never its password hash). */
    record UserDetail(long id, String username, String displayName, String email, Long agencyId, String agencyName,
                      Set<Role> roles, boolean enabled, boolean demo, java.time.Instant createdAt) {
    }

    Optional<UserDetail> detail(long id) {
        return jdbc.sql("""
                select u.*, a.name as agency_name from org_user u left join org_agency a on a.id = u.agency_id
                where u.id = ?""").param(id)
                .query((rs, n) -> new UserDetail(rs.getLong("id"), rs.getString("username"),
                        rs.getString("display_name"), rs.getString("email"), (Long) rs.getObject("agency_id"),
                        rs.getString("agency_name"), roles(rs.getString("roles")), rs.getBoolean("enabled"),
                        rs.getBoolean("demo"), rs.getTimestamp("created_at").toInstant())).optional();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("select count(*) from org_user where lower(username) = lower(?)").param(username)
                .query(Long.class).single() > 0;
    }

    /** Changes what an administrator may change; the user name stays, the password has its own method. */
    @Transactional
    public void update(long id, String displayName, String email, Long agencyId, Set<Role> roles, boolean enabled) {
        UserDetail before = detail(id).orElseThrow();
        jdbc.sql("update org_user set display_name = ?, email = ?, agency_id = ?, roles = ?, enabled = ? where id = ?")
                .params(displayName, email, agencyId, rolesText(roles), enabled, id).update();
        audit.record("org.user", id, AuditAction.UPDATE,
                new UserState(before.username(), before.displayName(), before.email(), before.agencyId(),
                        rolesText(before.roles()), before.enabled()),
                new UserState(before.username(), displayName, email, agencyId, rolesText(roles), enabled));
    }

    /** Sets a new password; the audit entry says that it changed, never what to. */
    @Transactional
    public void changePassword(long id, String rawPassword) {
        String username = detail(id).orElseThrow().username();
        jdbc.sql("update org_user set password_hash = ? where id = ?").params(encoder.encode(rawPassword), id).update();
        audit.record("org.user", id, AuditAction.UPDATE, null, new PasswordChange(username, true));
    }

    record PasswordChange(String username, boolean passwordChanged) {
    }

    long count(boolean demoOnly) {
        return jdbc.sql("select count(*) from org_user" + (demoOnly ? " where demo" : "")).query(Long.class).single();
    }

    boolean anyAdmin() {
        return jdbc.sql("select count(*) from org_user where enabled and roles like '%ADMIN%'").query(Long.class)
                .single() > 0;
    }

    /** Issues a new token; the raw value is shown once and only its SHA-256 is kept. */
    @Transactional
    public IssuedToken issueToken(long userId, String name) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String raw = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql("insert into org_api_token(user_id, name, token_hash, prefix) values (?, ?, ?, ?) returning id")
                .params(userId, name, sha256(raw), raw.substring(0, 10)).query(Long.class).single();
        audit.record("org.api-token", id, AuditAction.CREATE, null, new TokenState(userId, name, raw.substring(0, 10), false));
        return new IssuedToken(id, raw);
    }

    public record IssuedToken(long id, String raw) {
    }

    record TokenState(long userId, String name, String prefix, boolean revoked) {
    }

    record TokenRow(long id, String name, String prefix, java.time.Instant createdAt, java.time.Instant lastUsedAt,
                    boolean revoked) {
    }

    List<TokenRow> tokens(long userId) {
        return jdbc.sql("select * from org_api_token where user_id = ? order by created_at desc").param(userId)
                .query((rs, n) -> new TokenRow(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_used_at") == null ? null : rs.getTimestamp("last_used_at").toInstant(),
                        rs.getBoolean("revoked"))).list();
    }

    @Transactional
    public boolean revokeToken(long userId, long tokenId) {
        int n = jdbc.sql("update org_api_token set revoked = true where id = ? and user_id = ? and not revoked")
                .params(tokenId, userId).update();
        if (n > 0) {
            audit.record("org.api-token", tokenId, AuditAction.UPDATE, new TokenState(userId, null, null, false),
                    new TokenState(userId, null, null, true));
        }
        return n > 0;
    }

    @Override
    public Optional<ShizhengUser> resolve(String rawToken) {
        if (rawToken == null || !rawToken.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        Optional<ShizhengUser> user = jdbc.sql("""
                select u.* from org_api_token t join org_user u on u.id = t.user_id
                where t.token_hash = ? and not t.revoked and (t.expires_at is null or t.expires_at > now())""")
                .param(sha256(rawToken)).query(Accounts::user).optional();
        user.ifPresent(u -> jdbc.sql("update org_api_token set last_used_at = now() where token_hash = ?")
                .param(sha256(rawToken)).update());
        return user;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String rolesText(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static Set<Role> roles(String text) {
        if (text == null || text.isBlank()) {
            return EnumSet.noneOf(Role.class);
        }
        return Arrays.stream(text.split(",")).map(String::trim).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    static ShizhengUser user(ResultSet rs, int n) throws SQLException {
        return new ShizhengUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), (Long) rs.getObject("agency_id"), roles(rs.getString("roles")),
                rs.getBoolean("enabled"), rs.getBoolean("demo"));
    }
}
