package io.shizheng.org.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.shizheng.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class AgencyApiTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private long agencyId(String code) {
        return jdbc.sql("select id from org_agency where code = ?").param(code).query(Long.class).single();
    }

    private long agencyCount() {
        return jdbc.sql("select count(*) from org_agency").query(Long.class).single();
    }

    private String body(String code, String name, long parentId) {
        return """
                {"code":"%s","name":"%s","kind":"UNIT","parentId":%d,"phone":"04-2228-9111"}"""
                .formatted(code, name, parentId);
    }

    @Test
    void anyoneCanReadTheAgencyList() throws Exception {
        HttpResponse<String> res = http.get("/api/agencies");
        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode list = json.readTree(res.body());
        assertThat(list.size()).isGreaterThanOrEqualTo(60);
        JsonNode xitun = null;
        for (JsonNode a : list) {
            if (a.path("code").asString().equals("D66000060")) {
                xitun = a;
            }
        }
        assertThat(xitun).isNotNull();
        assertThat(xitun.path("kind").asString()).isEqualTo("DISTRICT_OFFICE");
        assertThat(xitun.path("parentId").asLong()).isEqualTo(agencyId("CIVIL"));
        assertThat(http.get("/api/agencies/" + agencyId("RDEC")).body()).contains("臺中市政府研究發展考核委員會");
        assertThat(http.get("/api/agencies/999999").statusCode()).isEqualTo(404);
    }

    @Test
    void anonymousCreateIsUnauthorizedAsProblemJson() throws Exception {
        long before = agencyCount();
        HttpResponse<String> res = http.send("POST", "/api/agencies", body("ANON1", "匿名單位", agencyId("TC")));
        assertThat(res.statusCode()).isEqualTo(401);
        assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(agencyCount()).isEqualTo(before);
    }

    @Test
    void agencyOfficerMayNotCreate() throws Exception {
        long before = agencyCount();
        HttpResponse<String> res = http.send("POST", "/api/agencies", body("OFF1", "承辦新增單位", agencyId("CONST")),
                "Authorization", Http.basic("officer"));
        assertThat(res.statusCode()).isEqualTo(403);
        assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(agencyCount()).isEqualTo(before);
    }

    @Test
    void rdecStaffCreatesAnAuditedAgency() throws Exception {
        HttpResponse<String> res = http.send("POST", "/api/agencies",
                body("CONST-PARK", "臺中市政府建設局公園管理科", agencyId("CONST")), "Authorization", Http.basic("rdec"));
        assertThat(res.statusCode()).isEqualTo(201);
        JsonNode created = json.readTree(res.body());
        long id = created.path("id").asLong();
        assertThat(res.headers().firstValue("Location")).hasValue("/api/agencies/" + id);
        assertThat(created.path("kind").asString()).isEqualTo("UNIT");
        assertThat(created.path("parentId").asLong()).isEqualTo(agencyId("CONST"));
        assertThat(http.get("/api/agencies/" + id).body()).contains("公園管理科");
        assertThat(jdbc.sql("""
                select count(*) from platform_audit_log
                where entity_type = 'org.agency' and entity_id = ? and action = 'CREATE' and username = 'rdec'
                  and after_state ->> 'code' = 'CONST-PARK'""").param(String.valueOf(id)).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void duplicateCodeIsRejectedNamingTheFieldAndChangesNothing() throws Exception {
        long before = agencyCount();
        long audits = jdbc.sql("select count(*) from platform_audit_log").query(Long.class).single();
        HttpResponse<String> res = http.send("POST", "/api/agencies", body("rdec", "重複的研考會", agencyId("TC")),
                "Authorization", Http.basic("rdec"));
        assertThat(res.statusCode()).isEqualTo(422);
        assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(res.body());
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("code");
        assertThat(problem.path("errors").get(0).path("message").asString()).contains("已被使用");
        assertThat(agencyCount()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from platform_audit_log").query(Long.class).single()).isEqualTo(audits);
    }

    @Test
    void blankNameAndMissingParentAreNamed() throws Exception {
        HttpResponse<String> res = http.send("POST", "/api/agencies", """
                {"code":"NEW-X","name":"  ","kind":"UNIT","parentId":987654}""", "Authorization", Http.basic("admin"));
        assertThat(res.statusCode()).isEqualTo(422);
        JsonNode errors = json.readTree(res.body()).path("errors");
        assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("name", "parentId");
    }

    @Test
    void anAgencyCannotBeMovedUnderItsOwnSubtree() throws Exception {
        long civil = agencyId("CIVIL");
        long xitun = agencyId("D66000060");
        String civilName = jdbc.sql("select name from org_agency where id = ?").param(civil).query(String.class).single();
        HttpResponse<String> res = http.send("PUT", "/api/agencies/" + civil, """
                {"code":"CIVIL","name":"%s","kind":"FIRST_LEVEL","parentId":%d}""".formatted(civilName, xitun),
                "Authorization", Http.basic("rdec"));
        assertThat(res.statusCode()).isEqualTo(422);
        assertThat(res.body()).contains("\"field\":\"parentId\"");
        assertThat(jdbc.sql("select parent_id from org_agency where id = ?").param(civil).query(Long.class).single())
                .isEqualTo(agencyId("TC"));
    }

    @Test
    void rdecStaffRenamesAnAgencyWithBeforeAndAfterAudited() throws Exception {
        HttpResponse<String> created = http.send("POST", "/api/agencies",
                body("EDU-LIB", "臺中市立圖書館", agencyId("EDU")), "Authorization", Http.basic("rdec"));
        long id = json.readTree(created.body()).path("id").asLong();
        HttpResponse<String> res = http.send("PUT", "/api/agencies/" + id, """
                {"code":"EDU-LIB","name":"臺中市立圖書館總館","kind":"UNIT","parentId":%d}""".formatted(agencyId("CULT")),
                "Authorization", Http.basic("rdec"));
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(json.readTree(res.body()).path("parentId").asLong()).isEqualTo(agencyId("CULT"));
        assertThat(jdbc.sql("""
                select before_state ->> 'name' || '>' || (after_state ->> 'name') from platform_audit_log
                where entity_type = 'org.agency' and entity_id = ? and action = 'UPDATE'""")
                .param(String.valueOf(id)).query(String.class).single()).isEqualTo("臺中市立圖書館>臺中市立圖書館總館");
    }
}
