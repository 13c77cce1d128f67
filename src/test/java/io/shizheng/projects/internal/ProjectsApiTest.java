package io.shizheng.projects.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The projects API over HTTP: listing and scope, filing reports, bad input, the review and the light. */
@IntegrationTest
class ProjectsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    OnTimeClosureMetric metric;

    private int year() {
        return LocalDate.now(clock).getYear();
    }

    private String lastMonth() {
        return LocalDate.now(clock).minusMonths(1).toString().substring(0, 7);
    }

    private long reports(long projectId) {
        return jdbc.sql("select count(*) from projects_report where project_id = ?").param(projectId).query(Long.class).single();
    }

    @Test
    void listsTheDemoPortfolioAndScopesAgencies() {
        JsonNode all = Json.parse(Http.as(port, "rdec").get("/api/projects?year=2018&size=500").body());
        assertThat(all.get("total").asLong()).isGreaterThan(20);
        JsonNode first = all.get("items").get(0);
        for (String field : new String[] {"id", "code", "name", "agency", "level", "plannedProgress", "actualProgress", "light",
                "budget", "executionRate"}) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        JsonNode mine = Json.parse(Http.as(port, "officer").get("/api/projects?year=2018&size=500").body());
        assertThat(mine.get("total").asLong()).isPositive().isLessThan(all.get("total").asLong());
        mine.get("items").forEach(p -> assertThat(p.get("agency").get("code").asString()).isEqualTo("CONST"));

        JsonNode red = Json.parse(Http.as(port, "rdec").get("/api/projects?year=2018&light=RED&size=500").body());
        red.get("items").forEach(p -> assertThat(p.get("light").asString()).isEqualTo("RED"));

        HttpResponse<String> bad = Http.as(port, "rdec").get("/api/projects?light=PURPLE");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("light");
        assertThat(Http.anonymous(port).get("/api/projects").statusCode()).isEqualTo(401);
    }

    @Test
    void anotherAgencyCannotSeeOrReport() {
        long id = ProjectFixture.create(port, "CONST", year(), null).get("id").asLong();
        assertThat(Http.as(port, "officer.social").get("/api/projects/" + id).statusCode()).isEqualTo(404);
        HttpResponse<String> r = Http.as(port, "officer.social").post("/api/projects/" + id + "/reports",
                "{\"month\":\"" + lastMonth() + "\",\"actualPct\":50,\"spending\":100}");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(Http.as(port, "officer").get("/api/projects/" + id).statusCode()).isEqualTo(200);
        assertThat(reports(id)).isZero();
    }

    @Test
    void badReportsChangeNothing() {
        long id = ProjectFixture.create(port, "CONST", year(), null).get("id").asLong();
        HttpResponse<String> over = Http.as(port, "officer").post("/api/projects/" + id + "/reports",
                "{\"month\":\"" + lastMonth() + "\",\"actualPct\":120,\"spending\":100}");
        assertThat(over.statusCode()).isEqualTo(422);
        assertThat(Json.parse(over.body()).get("errors").get(0).get("field").asString()).isEqualTo("actualPct");
        HttpResponse<String> future = Http.as(port, "officer").post("/api/projects/" + id + "/reports",
                "{\"month\":\"" + (year() + 1) + "-12\",\"actualPct\":10,\"spending\":100}");
        assertThat(future.statusCode()).isEqualTo(422);
        assertThat(future.body()).contains("month");
        assertThat(reports(id)).isZero();

        String m1 = year() + "-01";
        String m2 = year() + "-02";
        HttpResponse<String> first = Http.as(port, "officer").post("/api/projects/" + id + "/reports",
                "{\"month\":\"" + m1 + "\",\"actualPct\":5,\"spending\":600}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        long reportId = Json.parse(first.body()).get("id").asLong();
        // spending going down needs a correction note
        HttpResponse<String> down = Http.as(port, "officer").post("/api/projects/" + id + "/reports",
                "{\"month\":\"" + m2 + "\",\"actualPct\":10,\"spending\":500}");
        assertThat(down.statusCode()).isEqualTo(422);
        assertThat(Json.parse(down.body()).get("errors").get(0).get("field").asString()).isEqualTo("spending");
        assertThat(reports(id)).isEqualTo(1);
        HttpResponse<String> corrected = Http.as(port, "officer").post("/api/projects/" + id + "/reports",
                "{\"month\":\"" + m2 + "\",\"actualPct\":10,\"spending\":500,\"correctionNote\":\"1月誤植 / January was mistyped\"}");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);

        // once accepted, the month is closed to changes
        assertThat(Http.as(port, "officer").post("/api/projects/reports/" + reportId + "/accept", "{}").statusCode()).isEqualTo(403);
        assertThat(Http.as(port, "rdec").post("/api/projects/reports/" + reportId + "/accept", "{}").statusCode()).isEqualTo(200);
        HttpResponse<String> again = Http.as(port, "officer").post("/api/projects/" + id + "/reports",
                "{\"month\":\"" + m1 + "\",\"actualPct\":6,\"spending\":600}");
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(Json.parse(again.body()).get("errors").get(0).get("field").asString()).isEqualTo("month");
        assertThat(jdbc.sql("select actual_pct from projects_report where id = ?").param(reportId).query(Integer.class).single())
                .isEqualTo(5);
    }

    @Test
    void aLaggingReportTurnsTheLightRedAndAReturnNeedsAReason() {
        long id = ProjectFixture.create(port, "CONST", year(), null).get("id").asLong();
        JsonNode before = Json.parse(Http.as(port, "rdec").get("/api/projects/" + id).body());
        assertThat(before.get("project").get("light").asString()).isEqualTo("NONE");
        // October is 90 % planned; 75 % actual is 15 points behind
        HttpResponse<String> r = Http.as(port, "officer").post("/api/projects/" + id + "/reports",
                "{\"month\":\"" + year() + "-10\",\"actualPct\":75,\"spending\":10800,\"problems\":\"用地延宕\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode after = Json.parse(Http.as(port, "rdec").get("/api/projects/" + id).body());
        assertThat(after.get("project").get("light").asString()).isEqualTo("RED");
        assertThat(after.get("project").get("plannedProgress").decimalValue()).isEqualByComparingTo("90");
        assertThat(after.get("lightReasons").asString()).contains("15");
        assertThat(after.get("lightHistory").get(0).get("newLight").asString()).isEqualTo("RED");
        assertThat(after.get("series")).hasSize(12);
        assertThat(after.get("series").get(9).get("actual").decimalValue()).isEqualByComparingTo("75");

        long reportId = Json.parse(r.body()).get("id").asLong();
        HttpResponse<String> noReason = Http.as(port, "rdec").post("/api/projects/reports/" + reportId + "/return", "{}");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("note");
        HttpResponse<String> returned = Http.as(port, "rdec").post("/api/projects/reports/" + reportId + "/return",
                "{\"note\":\"請附照片 / attach photos\"}");
        assertThat(returned.statusCode()).isEqualTo(200);
        // a returned report no longer stands: the project has no light again
        assertThat(Json.parse(Http.as(port, "rdec").get("/api/projects/" + id).body()).get("project").get("light").asString())
                .isEqualTo("NONE");
    }

    @Test
    void aFinalReportAcceptedBeforeTheRevisedEndClosesOnTime() {
        int y = year();
        // planned to end last year; the revision moved it to the end of next year
        JsonNode p = ProjectFixture.create(port, "CONST", y - 1, null);
        long id = p.get("id").asLong();
        String code = p.get("code").asString();
        HttpResponse<String> noReason = Http.as(port, "rdec").post("/api/projects/" + id + "/revisions",
                "{\"newEnd\":\"" + (y + 1) + "-12-31\"}");
        assertThat(noReason.statusCode()).isEqualTo(422);
        HttpResponse<String> rev = Http.as(port, "rdec").post("/api/projects/" + id + "/revisions",
                "{\"newEnd\":\"" + (y + 1) + "-12-31\",\"reason\":\"用地取得延宕\"}");
        assertThat(rev.statusCode()).as(rev.body()).isEqualTo(200);
        HttpResponse<String> fin = Http.as(port, "officer").post("/api/projects/" + id + "/reports",
                "{\"month\":\"" + lastMonth() + "\",\"actualPct\":100,\"spending\":11800}");
        long reportId = Json.parse(fin.body()).get("id").asLong();
        Http.as(port, "rdec").post("/api/projects/reports/" + reportId + "/accept", "{}");
        JsonNode closed = Json.parse(Http.as(port, "rdec").get("/api/projects/" + id).body());
        assertThat(closed.get("project").get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("revisions").get(0).get("oldEnd").asString()).isEqualTo((y - 1) + "-12-31");

        // and one without a revision, due last year, closes late
        JsonNode late = ProjectFixture.create(port, "CONST", y - 1, null);
        HttpResponse<String> lateFinal = Http.as(port, "officer").post("/api/projects/" + late.get("id").asLong() + "/reports",
                "{\"month\":\"" + lastMonth() + "\",\"actualPct\":100,\"spending\":11800}");
        Http.as(port, "rdec").post("/api/projects/reports/" + Json.parse(lateFinal.body()).get("id").asLong() + "/accept", "{}");

        String row = onTimeCell(port, (y + 1) + "-01-01", (y + 1) + "-12-31", code);
        assertThat(row).startsWith("是");
        assertThat(onTimeCell(port, (y - 1) + "-01-01", (y - 1) + "-12-31", late.get("code").asString())).startsWith("否");
    }

    /** The on-time cell of a project in the metric's drill-down for a period. */
    private String onTimeCell(int port, String from, String to, String code) {
        var evidence = metric.evidence(new io.shizheng.plan.MetricQuery(LocalDate.parse(from), LocalDate.parse(to), null));
        return evidence.rows().stream().filter(r -> r.cells().get(0).equals(code)).findFirst()
                .map(r -> r.cells().get(6).toString()).orElseThrow(() -> new AssertionError(code + " not in the drill-down"));
    }
}
