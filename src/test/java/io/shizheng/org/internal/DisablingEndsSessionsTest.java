package io.shizheng.org.internal;

import io.shizheng.support.PageSession;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.shizheng.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An administrator disables a signed-in user: the user's open browser session is refused on its next page. */
@IntegrationTest
class DisablingEndsSessionsTest {

    private static final String PASSWORD = "a-long-passphrase-for-sessions";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void aDisabledUsersNextPageRequestIsRefused() throws Exception {
        String edu = jdbc.sql("select id from org_agency where code = 'EDU'").query(Long.class).single().toString();
        PageSession admin = new PageSession(port).signIn("admin");
        admin.get("/admin/users/new");
        HttpResponse<String> created = admin.postForm("/admin/users", List.of(Map.entry("username", "chen.sessions"),
                Map.entry("displayName", "陳承辦"), Map.entry("email", ""), Map.entry("password", PASSWORD),
                Map.entry("agencyId", edu), Map.entry("roles", "AGENCY_OFFICER"), Map.entry("enabled", "true")));
        assertThat(created.statusCode()).isEqualTo(302);
        long id = jdbc.sql("select id from org_user where username = 'chen.sessions'").query(Long.class).single();

        PageSession user = new PageSession(port).signIn("chen.sessions", PASSWORD);
        PageSession otherBrowser = new PageSession(port).signIn("chen.sessions", PASSWORD);
        HttpResponse<String> signedIn = user.get("/account");
        assertThat(signedIn.statusCode()).as("signed in").isEqualTo(200);
        assertThat(signedIn.body()).contains("陳承辦");
        assertThat(otherBrowser.get("/account").statusCode()).isEqualTo(200);

        admin.get("/admin/users/" + id + "/edit");
        HttpResponse<String> disabled = admin.postForm("/admin/users/" + id, List.of(Map.entry("displayName", "陳承辦"),
                Map.entry("email", ""), Map.entry("password", ""), Map.entry("agencyId", edu),
                Map.entry("roles", "AGENCY_OFFICER")));
        assertThat(disabled.statusCode()).isEqualTo(302);

        for (PageSession b : List.of(user, otherBrowser)) {
            HttpResponse<String> next = b.get("/account");
            // refused as a visitor who is not signed in: 401 (this client asks for no HTML) or off to the sign-in page
            assertThat(next.statusCode()).as("the disabled user's session is over").isIn(302, 401);
            if (next.statusCode() == 302) {
                assertThat(next.headers().firstValue("Location").orElse("")).endsWith("/login");
            }
            assertThat(next.body()).doesNotContain("陳承辦");
        }
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'chen.sessions'")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from platform_audit_log where entity_type = 'org.user.sessions' and entity_id = ?")
                .param(Long.toString(id)).query(Long.class).single()).isEqualTo(1);
        // and signing in again is refused
        PageSession fresh = new PageSession(port);
        fresh.get("/login");
        HttpResponse<String> again = fresh.post("/login", Map.of("username", "chen.sessions", "password", PASSWORD));
        assertThat(again.headers().firstValue("Location").orElse("")).contains("error");
        // the administrator's own session goes on
        assertThat(admin.get("/admin/users").statusCode()).isEqualTo(200);
    }
}
