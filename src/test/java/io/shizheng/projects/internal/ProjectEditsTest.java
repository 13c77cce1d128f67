package io.shizheng.projects.internal;

import io.shizheng.support.PageSession;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Editing a project after creation: the rules of creation, a reason, the history, and budgets in force per month. */
@IntegrationTest
class ProjectEditsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private int year() {
        return LocalDate.now(clock).getYear();
    }

    private JsonNode detail(long id) {
        return Json.parse(Http.as(port, "rdec").get("/api/projects/" + id).body());
    }

    private static List<String> fields(HttpResponse<String> r) {
        List<String> out = new ArrayList<>();
        Json.parse(r.body()).get("errors").forEach(e -> out.add(e.get("field").asString()));
        return out;
    }

    @Test
    void aBudgetRevisionChangesTheExecutionRateOnlyFromItsMonthOn() {
        long id = ProjectFixture.create(port, "CONST", year(), null).get("id").asLong();
        // January to June on plan, spending exactly the allocation of the 12,000 budget: 100 % execution each month
        int[] pct = {5, 10, 20, 30, 40, 50};
        for (int m = 0; m < pct.length; m++) {
            HttpResponse<String> r = Http.as(port, "officer").post("/api/projects/" + id + "/reports",
                    "{\"month\":\"" + year() + "-0" + (m + 1) + "\",\"actualPct\":" + pct[m] + ",\"spending\":" + pct[m] * 120 + "}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
        JsonNode before = detail(id);
        assertThat(before.get("project").get("executionRate").decimalValue()).isEqualByComparingTo("100");
        assertThat(before.get("project").get("light").asString()).isEqualTo("GREEN");

        // 追加預算: the budget doubles from April on
        HttpResponse<String> r = Http.as(port, "officer").patch("/api/projects/" + id,
                "{\"totalBudget\":24000,\"annualBudget\":24000,\"budgetFrom\":\"" + year() + "-04\",\"reason\":\"追加預算 / supplementary budget\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);

        JsonNode after = detail(id);
        JsonNode series = after.get("series");
        for (int m = 0; m < 3; m++) {
            assertThat(series.get(m).get("executionRate").decimalValue()).as("month " + (m + 1)).isEqualByComparingTo("100");
            assertThat(series.get(m).get("allocation").decimalValue())
                    .isEqualByComparingTo(before.get("series").get(m).get("allocation").decimalValue());
            assertThat(series.get(m).get("budget").decimalValue()).isEqualByComparingTo("12000");
        }
        for (int m = 3; m < 6; m++) {
            assertThat(series.get(m).get("executionRate").decimalValue()).as("month " + (m + 1)).isEqualByComparingTo("50");
            assertThat(series.get(m).get("budget").decimalValue()).isEqualByComparingTo("24000");
        }
        // the light follows the budget in force for the latest reported month (June)
        assertThat(after.get("project").get("executionRate").decimalValue()).isEqualByComparingTo("50");
        assertThat(after.get("project").get("light").asString()).isEqualTo("YELLOW");
        assertThat(after.get("lightReasons").asString()).contains("經費執行率");
        assertThat(after.get("budgets")).hasSize(1);
        assertThat(after.get("budgets").get(0).get("oldTotal").decimalValue()).isEqualByComparingTo("12000");
        assertThat(after.get("budgets").get(0).get("newTotal").decimalValue()).isEqualByComparingTo("24000");

        // a March report filed again after the revision is still measured against March's budget
        HttpResponse<String> march = Http.as(port, "officer").post("/api/projects/" + id + "/reports",
                "{\"month\":\"" + year() + "-03\",\"actualPct\":20,\"spending\":2400}");
        assertThat(march.statusCode()).as(march.body()).isEqualTo(201);
        assertThat(detail(id).get("series").get(2).get("executionRate").decimalValue()).isEqualByComparingTo("100");

        // a later revision cannot take effect before the last one
        HttpResponse<String> earlier = Http.as(port, "rdec").patch("/api/projects/" + id,
                "{\"totalBudget\":20000,\"annualBudget\":20000,\"budgetFrom\":\"" + year() + "-02\",\"reason\":\"減列 / cut\"}");
        assertThat(earlier.statusCode()).as(earlier.body()).isEqualTo(422);
        assertThat(fields(earlier)).contains("budgetFrom");
        assertThat(detail(id).get("project").get("budget").decimalValue()).isEqualByComparingTo("24000");
    }

    @Test
    void anEditFollowsTheRulesOfCreationNeedsAReasonAndIsKeptInTheHistory() {
        long id = ProjectFixture.create(port, "CONST", year(), null).get("id").asLong();
        String path = "/api/projects/" + id;
        HttpResponse<String> annual = Http.as(port, "officer").patch(path, "{\"annualBudget\":99999,\"reason\":\"x\"}");
        assertThat(annual.statusCode()).isEqualTo(422);
        assertThat(fields(annual)).containsExactly("annualBudget");
        HttpResponse<String> order = Http.as(port, "officer").patch(path, "{\"milestones\":[{\"name\":\"完工\",\"plannedDate\":\""
                + year() + "-12-31\"},{\"name\":\"決標\",\"plannedDate\":\"" + year() + "-03-31\"}],\"reason\":\"x\"}");
        assertThat(order.statusCode()).isEqualTo(422);
        assertThat(fields(order)).containsExactly("milestones");
        HttpResponse<String> outside = Http.as(port, "officer").patch(path, "{\"lon\":121.5654,\"lat\":25.0330,\"reason\":\"x\"}");
        assertThat(outside.statusCode()).isEqualTo(422);
        assertThat(fields(outside)).containsExactly("lon");
        HttpResponse<String> noReason = Http.as(port, "officer").patch(path, "{\"name\":\"新名稱\"}");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(fields(noReason)).containsExactly("reason");
        assertThat(Http.as(port, "officer.social").patch(path, "{\"name\":\"新名稱\",\"reason\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(Http.anonymous(port).patch(path, "{\"name\":\"新名稱\",\"reason\":\"x\"}").statusCode()).isEqualTo(401);
        assertThat(detail(id).get("project").get("name").asString()).isEqualTo("測試工程");
        assertThat(detail(id).get("changes")).isEmpty();

        HttpResponse<String> ok = Http.as(port, "officer").put(path, "{\"name\":\"測試工程（第二期）\",\"milestones\":[{\"name\":\"決標\","
                + "\"plannedDate\":\"" + year() + "-03-31\"},{\"name\":\"完工\",\"plannedDate\":\"" + year() + "-12-31\"}],"
                + "\"reason\":\"依核定計畫更名 / renamed after the approved plan\"}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        JsonNode changes = Json.parse(Http.as(port, "officer").get(path + "/changes").body());
        assertThat(changes).hasSize(1);
        assertThat(Http.as(port, "officer.social").get(path + "/changes").statusCode()).isEqualTo(404);
        assertThat(changes.get(0).get("changedBy").asString()).isEqualTo("officer");
        assertThat(changes.get(0).get("reason").asString()).startsWith("依核定計畫更名");
        List<String> what = new ArrayList<>();
        changes.get(0).get("fields").forEach(f -> what.add(f.get("field").asString() + ":" + f.get("before").asString()
                + "→" + f.get("after").asString()));
        assertThat(what).contains("name:測試工程→測試工程（第二期）");
        assertThat(what).anyMatch(w -> w.startsWith("milestones:[]→[決標@"));
        assertThat(detail(id).get("milestones")).hasSize(2);
        // an agency's later planned end replots the curve but leaves the due date to an RDEC-approved revision
        HttpResponse<String> later = Http.as(port, "officer").patch(path, "{\"plannedEnd\":\"" + (year() + 1) + "-06-30\","
                + "\"reason\":\"工期展延 / longer works\"}");
        assertThat(later.statusCode()).as(later.body()).isEqualTo(200);
        assertThat(detail(id).get("series")).hasSize(18);
        assertThat(detail(id).get("plannedEnd").asString()).isEqualTo((year() + 1) + "-06-30");
        assertThat(detail(id).get("project").get("dueDate").asString()).isEqualTo(year() + "-12-31");
        assertThat(jdbc.sql("select count(*) from platform_audit_log where entity_type = 'projects.project' and entity_id = ? "
                + "and action = 'UPDATE' and after_state->>'reason' like '依核定計畫更名%'").param(String.valueOf(id))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theProjectPageEditsTheProjectAndShowsTheHistory() throws Exception {
        JsonNode created = ProjectFixture.create(port, "CONST", year(), null);
        long id = created.get("id").asLong();
        PageSession officer = new PageSession(port).signIn("officer");
        HttpResponse<String> page = officer.get("/projects/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"edit-form\"").contains("name=\"reason\"");
        Map<String, String> form = new java.util.HashMap<>(Map.ofEntries(Map.entry("code", created.get("code").asString()),
                Map.entry("name", "測試工程"), Map.entry("agency", "CONST"), Map.entry("level", "CITY"), Map.entry("category", "CONSTRUCTION"),
                Map.entry("lon", "120.6467"), Map.entry("lat", "24.1631"), Map.entry("line", ""), Map.entry("startDate", year() + "-01-01"),
                Map.entry("plannedEnd", year() + "-12-31"), Map.entry("contactEmail", "pm@example.org"), Map.entry("totalBudget", "15000"),
                Map.entry("annualBudget", "15000"), Map.entry("budgetFrom", year() + "-07"), Map.entry("msName-0", ""),
                Map.entry("msDate-0", ""), Map.entry("curve", ""), Map.entry("reason", "")));
        HttpResponse<String> refused = officer.post("/projects/" + id + "/edit", form);
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(officer.get("/projects/" + id).body()).contains("請說明修改理由");
        assertThat(detail(id).get("project").get("budget").decimalValue()).isEqualByComparingTo("12000");

        form.put("reason", "追加預算 3,000 千元");
        HttpResponse<String> saved = officer.post("/projects/" + id + "/edit", form);
        assertThat(saved.statusCode()).isEqualTo(302);
        String after = officer.get("/projects/" + id).body();
        assertThat(after).contains("id=\"change-history\"").contains("追加預算 3,000 千元").contains("12000")
                .contains("id=\"budget-history\"");
        assertThat(detail(id).get("project").get("budget").decimalValue()).isEqualByComparingTo("15000");
        assertThat(detail(id).get("changes").get(0).get("source").asString()).isEqualTo("FORM");

        // another agency's officer has no form, and a forged post is refused
        PageSession social = new PageSession(port).signIn("officer.social");
        social.get("/projects");
        HttpResponse<String> forged = social.post("/projects/" + id + "/edit", form);
        assertThat(forged.statusCode()).isIn(403, 404);
        assertThat(detail(id).get("changes")).hasSize(1);
    }
}
