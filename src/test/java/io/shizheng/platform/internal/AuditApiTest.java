package io.shizheng.platform.internal;

import static io.shizheng.platform.internal.AuditFixture.q;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.shizheng.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private AuditFixture fixture;

    @BeforeAll
    void entries() {
        fixture = new AuditFixture(jdbc, port);
    }

    private JsonNode ok(String query) throws Exception {
        HttpResponse<String> r = fixture.get("/api/audit?" + query, "admin");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(contentType(r)).startsWith("application/json");
        return JSON.readTree(r.body());
    }

    private static String contentType(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("entries").forEach(e -> ids.add(e.get("entityId").asString()));
        return ids;
    }

    @Test
    void anonymousGets401ProblemJson() throws Exception {
        HttpResponse<String> r = fixture.get("/api/audit", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(contentType(r)).startsWith("application/problem+json");
        assertThat(JSON.readTree(r.body()).get("status").asInt()).isEqualTo(401);
    }

    @Test
    void officerAndEvenRdecStaffGet403ProblemJson() throws Exception {
        for (String user : List.of("officer", "rdec")) {
            HttpResponse<String> r = fixture.get("/api/audit?entityType=" + fixture.entityType, user);
            assertThat(r.statusCode()).as(user).isEqualTo(403);
            assertThat(contentType(r)).startsWith("application/problem+json");
            assertThat(r.body()).doesNotContain(fixture.entityType);
        }
    }

    @Test
    void adminFiltersByEntityTypeNewestFirst() throws Exception {
        JsonNode page = ok("entityType=" + fixture.entityType);
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(AuditCriteria.DEFAULT_SIZE);
        assertThat(ids(page)).containsExactly("3", "1", "2");
        JsonNode update = page.get("entries").get(1);
        assertThat(update.get("action").asString()).isEqualTo("UPDATE");
        assertThat(update.get("username").asString()).isEqualTo("rdec");
        assertThat(update.get("agencyId").asLong()).isEqualTo(31);
        // before and after are JSON objects, not strings holding JSON
        assertThat(update.get("before").isObject()).isTrue();
        assertThat(update.get("before").get("name").asString()).isEqualTo("舊名稱<b>粗體</b>");
        assertThat(update.get("after").get("count").asInt()).isEqualTo(2);
        assertThat(page.get("entries").get(0).get("after").isNull()).isTrue();
        assertThat(update.get("at").asString()).isEqualTo("2018-03-05T16:30:00Z");
    }

    @Test
    void demoAccountsCreatedAtStartAreFoundByTheirEntityType() throws Exception {
        JsonNode page = ok("entityType=org.user&size=200");
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(6);
        page.get("entries").forEach(e -> assertThat(e.get("entityType").asString()).isEqualTo("org.user"));
        List<String> names = new ArrayList<>();
        page.get("entries").forEach(e -> names.add(e.get("after").get("username").asString()));
        assertThat(names).contains("admin", "rdec", "officer", "reviewer", "agent", "chief");
    }

    @Test
    void datesAreWholeDaysInTaipei() throws Exception {
        String type = "entityType=" + fixture.entityType;
        // 00:30 on the 6th in Taipei is the 5th in UTC: it belongs to the 6th
        assertThat(ids(ok(type + "&from=2018-03-06&to=2018-03-06"))).containsExactly("1");
        assertThat(ids(ok(type + "&to=2018-03-05"))).containsExactly("2");
        assertThat(ids(ok(type + "&from=2018-03-06"))).containsExactly("3", "1");
        // the same days in ROC years
        assertThat(ids(ok(type + "&from=" + q("107/03/05") + "&to=" + q("107/03/05")))).containsExactly("2");
    }

    @Test
    void otherFiltersAndPaging() throws Exception {
        String type = "entityType=" + fixture.entityType;
        assertThat(ids(ok(type + "&action=delete"))).containsExactly("3");
        assertThat(ids(ok(type + "&username=officer"))).containsExactly("2");
        assertThat(ids(ok(type + "&entityId=1"))).containsExactly("1");
        assertThat(ids(ok(type + "&agencyId=31"))).containsExactly("3", "1", "2");
        assertThat(ok(type + "&agencyId=999999").get("total").asLong()).isZero();
        JsonNode second = ok(type + "&size=2&page=1");
        assertThat(second.get("total").asLong()).isEqualTo(3);
        assertThat(ids(second)).containsExactly("2");
    }

    @Test
    void badFilterValuesGive400NamingEachField() throws Exception {
        HttpResponse<String> r = fixture.get("/api/audit?action=ERASE&from=2018-13-45&to=yesterday&agencyId=x", "admin");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(contentType(r)).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("action", "from", "to", "agencyId");
        assertThat(problem.get("detail").asString()).contains("ERASE", "2018-13-45", "yesterday");
        assertThat(problem.get("detail").asString()).contains("沒有「ERASE」這種動作").contains("There is no action");

        for (String bad : List.of("action=FOO", "from=2018-02-30", "from=2018-03-07&to=2018-03-06", "size=0",
                "size=201", "page=-1")) {
            assertThat(fixture.get("/api/audit?" + bad, "admin").statusCode()).as(bad).isEqualTo(400);
        }
    }
}
