package io.shizheng.org.internal;

import io.shizheng.support.PageSession;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shizheng.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class OrgPagesTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private long agencyId(String code) {
        return jdbc.sql("select id from org_agency where code = ?").param(code).query(Long.class).single();
    }

    private static Map<String, String> agencyForm(String code, String name, long parentId) {
        return Map.of("code", code, "name", name, "nameEn", "", "kind", "UNIT", "parentId", Long.toString(parentId),
                "districtCode", "", "phone", "04-2228-9111", "sort", "5", "active", "true");
    }

    @Test
    void theAgencyTreeIsPublicAndNestsDistrictOfficesUnderCivilAffairs() throws Exception {
        HttpResponse<String> res = http.get("/org/agencies");
        assertThat(res.statusCode()).isEqualTo(200);
        String html = res.body();
        assertThat(html).contains("臺中市政府研究發展考核委員會", "臺中市西屯區公所", "區公所", "一級機關");
        int civil = html.indexOf("id=\"agency-CIVIL\"");
        int xitun = html.indexOf("id=\"agency-D66000060\"");
        int finance = html.indexOf("id=\"agency-FIN\"");
        assertThat(civil).isPositive();
        assertThat(xitun).as("district offices sit inside 民政局, before the next bureau").isBetween(civil, finance);
        assertThat(html).doesNotContain("/org/agencies/new");
    }

    @Test
    void theFormIsForRdecStaffAndAdministratorsOnly() throws Exception {
        HttpResponse<String> anonymous = http.get("/org/agencies/new", "Accept", "text/html");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(new PageSession(port).signIn("officer").get("/org/agencies/new").statusCode()).isEqualTo(403);
        HttpResponse<String> rdec = new PageSession(port).signIn("rdec").get("/org/agencies");
        assertThat(rdec.body()).contains("/org/agencies/new", "/org/agencies/" + agencyId("RDEC") + "/edit");
    }

    @Test
    void aRejectedEditShowsChineseMessagesAndChangesNothing() throws Exception {
        PageSession rdec = new PageSession(port).signIn("rdec");
        long sport = agencyId("SPORT");
        String before = jdbc.sql("select name from org_agency where id = ?").param(sport).query(String.class).single();
        assertThat(rdec.get("/org/agencies/" + sport + "/edit").body()).contains("value=\"SPORT\"");

        HttpResponse<String> res = rdec.post("/org/agencies/" + sport,
                Map.of("code", "TRANS", "name", "", "kind", "FIRST_LEVEL", "parentId", Long.toString(agencyId("TC"))));
        assertThat(res.statusCode()).isEqualTo(422);
        assertThat(res.body()).contains("資料有誤，尚未儲存", "代碼「TRANS」已被使用，請換一個。", "請填寫名稱。")
                .contains("value=\"TRANS\"");
        assertThat(jdbc.sql("select code || '|' || name from org_agency where id = ?").param(sport)
                .query(String.class).single()).isEqualTo("SPORT|" + before);
    }

    @Test
    void errorsFollowTheChosenLanguage() throws Exception {
        PageSession rdec = new PageSession(port).signIn("rdec");
        rdec.get("/org/agencies/new?lang=en");
        HttpResponse<String> res = rdec.post("/org/agencies", agencyForm("EDU", "Duplicate", agencyId("TC")));
        assertThat(res.statusCode()).isEqualTo(422);
        assertThat(res.body()).contains("The code &quot;EDU&quot; is already in use").doesNotContain("已被使用");
    }

    @Test
    void rdecStaffAddAnAgencyThroughTheForm() throws Exception {
        PageSession rdec = new PageSession(port).signIn("rdec");
        rdec.get("/org/agencies/new");
        HttpResponse<String> res = rdec.post("/org/agencies", agencyForm("WATER-SEWER", "臺中市政府水利局下水道工程處",
                agencyId("WATER")));
        assertThat(res.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select parent_id from org_agency where code = 'WATER-SEWER'").query(Long.class).single())
                .isEqualTo(agencyId("WATER"));
        HttpResponse<String> tree = rdec.get("/org/agencies");
        assertThat(tree.body()).contains("已儲存機關 臺中市政府水利局下水道工程處", "04-2228-9111");
        assertThat(jdbc.sql("select count(*) from platform_audit_log where entity_type = 'org.agency' "
                + "and username = 'rdec' and after_state ->> 'code' = 'WATER-SEWER'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void theMapPageIsPublicAndListsTheDistricts() throws Exception {
        HttpResponse<String> res = http.get("/org/map");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).contains("data-districts=\"/api/geo/districts.geojson\"", "data-locate=\"/api/geo/locate\"",
                "/leaflet.js", "/js/org-map.js", "和平區", "Heping District", ">625<");
        assertThat(res.body()).doesNotContain("<script>");
        assertThat(http.get("/js/org-map.js").statusCode()).isEqualTo(200);
        assertThat(http.get("/webjars/leaflet/dist/leaflet.js").statusCode()).isEqualTo(200);
    }

    @Test
    void userAdministrationIsForAdministrators() throws Exception {
        assertThat(new PageSession(port).signIn("rdec").get("/admin/users").statusCode()).isEqualTo(403);
        HttpResponse<String> list = new PageSession(port).signIn("admin").get("/admin/users");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("officer.edu", "研考會承辦", "臺中市政府研究發展考核委員會");
    }

    @Test
    void anAdministratorCreatesAndChangesAUserWithoutPasswordsInTheAuditLog() throws Exception {
        PageSession admin = new PageSession(port).signIn("admin");
        admin.get("/admin/users/new");
        String edu = Long.toString(agencyId("EDU"));
        HttpResponse<String> tooShort = admin.postForm("/admin/users", List.of(Map.entry("username", "lin.edu"),
                Map.entry("displayName", "林老師"), Map.entry("email", "lin@edu.example"), Map.entry("password", "short123"),
                Map.entry("agencyId", edu), Map.entry("roles", "AGENCY_OFFICER"), Map.entry("enabled", "true")));
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(tooShort.body()).contains("密碼至少需要 12 個字元").doesNotContain("short123");
        assertThat(jdbc.sql("select count(*) from org_user where username = 'lin.edu'").query(Long.class).single())
                .isZero();

        HttpResponse<String> created = admin.postForm("/admin/users", List.of(Map.entry("username", "lin.edu"),
                Map.entry("displayName", "林老師"), Map.entry("email", "lin@edu.example"),
                Map.entry("password", "a-long-passphrase-2018"), Map.entry("agencyId", edu),
                Map.entry("roles", "AGENCY_OFFICER"), Map.entry("roles", "REVIEWER"), Map.entry("enabled", "true")));
        assertThat(created.statusCode()).isEqualTo(302);
        long id = jdbc.sql("select id from org_user where username = 'lin.edu'").query(Long.class).single();
        assertThat(jdbc.sql("select roles from org_user where id = ?").param(id).query(String.class).single())
                .isEqualTo("AGENCY_OFFICER,REVIEWER");

        // The new account signs in with its password.
        HttpResponse<String> me = http.get("/api/account", "Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("lin.edu:a-long-passphrase-2018".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("臺中市政府教育局");

        admin.get("/admin/users/" + id + "/edit");
        HttpResponse<String> changed = admin.postForm("/admin/users/" + id, List.of(Map.entry("displayName", "林老師"),
                Map.entry("email", "lin@edu.example"), Map.entry("password", ""), Map.entry("agencyId", edu),
                Map.entry("roles", "AGENCY_OFFICER")));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select enabled from org_user where id = ?").param(id).query(Boolean.class).single())
                .as("unchecked 'enabled' disables the account").isFalse();
        assertThat(jdbc.sql("""
                select before_state ->> 'roles' || '>' || (after_state ->> 'roles') from platform_audit_log
                where entity_type = 'org.user' and entity_id = ? and action = 'UPDATE'""")
                .param(Long.toString(id)).query(String.class).single()).isEqualTo("AGENCY_OFFICER,REVIEWER>AGENCY_OFFICER");
        assertThat(jdbc.sql("""
                select count(*) from platform_audit_log where entity_type = 'org.user'
                and (coalesce(after_state::text, '') || coalesce(before_state::text, '')) similar to '%(bcrypt|password_hash|passphrase)%'""")
                .query(Long.class).single()).isZero();
    }

    @Test
    void anAdministratorCannotRemoveTheirOwnAdministratorRole() throws Exception {
        PageSession admin = new PageSession(port).signIn("admin");
        long id = jdbc.sql("select id from org_user where username = 'admin'").query(Long.class).single();
        admin.get("/admin/users/" + id + "/edit");
        HttpResponse<String> res = admin.postForm("/admin/users/" + id, List.of(Map.entry("displayName", "系統管理者"),
                Map.entry("agencyId", ""), Map.entry("roles", "RDEC_STAFF"), Map.entry("enabled", "true")));
        assertThat(res.statusCode()).isEqualTo(422);
        assertThat(res.body()).contains("您不能移除自己的系統管理者角色");
        assertThat(jdbc.sql("select roles from org_user where id = ?").param(id).query(String.class).single())
                .isEqualTo("ADMIN");
    }

    @Test
    void aPersonalTokenIsShownOnceWorksAndCanBeRevoked() throws Exception {
        PageSession chief = new PageSession(port).signIn("chief");
        HttpResponse<String> account = chief.get("/account");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains("西屯區何厝里長（示範）", "臺中市西屯區公所", "里長");

        HttpResponse<String> created = chief.post("/account/tokens", Map.of("name", "里民通報同步"));
        assertThat(created.statusCode()).isEqualTo(302);
        String page = chief.get("/account").body();
        Matcher m = Pattern.compile("id=\"new-token\">(shz_[A-Za-z0-9_-]+)<").matcher(page);
        assertThat(m.find()).as("the new token is on the page").isTrue();
        String token = m.group(1);
        assertThat(page).contains("唯一一次顯示", token.substring(0, 10) + "…");
        assertThat(chief.get("/account").body()).as("shown once only").doesNotContain(token)
                .contains(token.substring(0, 10));

        assertThat(http.get("/api/account", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        long tokenId = jdbc.sql("select id from org_api_token where prefix = ?").param(token.substring(0, 10))
                .query(Long.class).single();
        assertThat(chief.post("/account/tokens/" + tokenId + "/revoke", Map.of()).statusCode()).isEqualTo(302);
        assertThat(chief.get("/account").body()).contains("權杖已撤銷", "已撤銷");
        assertThat(http.get("/api/account", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
    }
}
