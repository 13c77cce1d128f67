package io.shizheng.projects.internal;

import io.shizheng.support.PageSession;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.shizheng.IntegrationTest;
import io.shizheng.platform.ExportFormat;
import io.shizheng.platform.Table;
import io.shizheng.platform.TableExporter;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Importing projects: every bad row is reported by line and nothing is stored; good files in all three formats. */
@IntegrationTest
class ProjectImportTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TableExporter exporter;

    private long stored(String... codes) {
        return jdbc.sql("select count(*) from projects_project where code = any(?)").param(codes).query(Long.class).single();
    }

    @Test
    void badRowsAreAllReportedAndNothingIsImported() {
        String a = ProjectFixture.code("I");
        String b = ProjectFixture.code("I");
        String c = ProjectFixture.code("I");
        String csv = "\uFEFF代碼,名稱,主辦機關,列管層級,類別,經度,緯度,開工日期,預定完工日期,總經費,年度經費,里程碑\n"
                + a + ",西屯路拓寬,CONST,府列管,工程,120.6467,24.1631,107/01/15,2018-12-31,50000,30000,決標@2018-03-31\n"
                + b + ",某工程,NOSUCH,府列管,工程,,,2018-01-01,2018-12-31,1000,1000,\n"
                + c + ",另一工程,WATER,府列管,工程,,,2018-13-01,2018-12-31,1000,1000,\n";
        HttpResponse<String> r = Multipart.upload(port, "rdec", "/api/projects/import", "projects.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        Json.parse(r.body()).get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("row 3.agency", "row 4.startDate");
        assertThat(stored(a, b, c)).isZero();
    }

    @Test
    void aGoodCsvImportsEveryRow() {
        String a = ProjectFixture.code("I");
        String b = ProjectFixture.code("I");
        String csv = "code,name,agency,level,category,lon,lat,startDate,plannedEnd,totalBudget,annualBudget,contactEmail,milestones,路線\n"
                + a + ",\"豐原區排水改善, 第二期\",WATER,CITY,CONSTRUCTION,120.72,24.25,2018-01-01,2019-06-30,80000,40000,pm@example.org,"
                + "決標@2018-03-31;完工@2019-06-30,\n"
                + b + ",文心路人行道改善,CONST,SELF,OTHER,,,2018-02-01,2018-11-30,6000,6000,,,120.6467 24.1631;120.6480 24.1650;120.6495 24.1668\n";
        HttpResponse<String> r = Multipart.upload(port, "rdec", "/api/projects/import", "p.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Json.parse(r.body()).get("imported").asInt()).isEqualTo(2);
        long id = jdbc.sql("select id from projects_project where code = ?").param(a).query(Long.class).single();
        JsonNode p = Json.parse(Http.as(port, "rdec").get("/api/projects/" + id).body());
        assertThat(p.get("project").get("name").asString()).isEqualTo("豐原區排水改善, 第二期");
        assertThat(p.get("project").get("district").asString()).isEqualTo("豐原區");
        assertThat(p.get("milestones")).hasSize(2);
        assertThat(p.get("series")).hasSize(18);
        assertThat(p.get("series").get(17).get("planned").decimalValue()).isEqualByComparingTo("100");
        // a route is drawn as a line on the map, the project located at its middle
        long routed = jdbc.sql("select id from projects_project where code = ?").param(b).query(Long.class).single();
        JsonNode map = Json.parse(Http.as(port, "rdec").get("/api/projects/map?agency=CONST").body());
        boolean line = false;
        for (JsonNode f : map.get("features")) {
            if (f.get("properties").get("id").asLong() == routed) {
                line = f.get("geometry").get("type").asString().equals("LineString") && f.get("geometry").get("coordinates").size() == 3;
            }
        }
        assertThat(line).as("the route on the map").isTrue();
        assertThat(Json.parse(Http.as(port, "rdec").get("/api/projects/" + routed).body()).get("project").get("district").asString())
                .isEqualTo("西屯區");
        // importing the same file again finds both projects as they are: nothing to change
        HttpResponse<String> again = Multipart.upload(port, "rdec", "/api/projects/import", "p.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(Json.parse(again.body()).get("imported").asInt()).isZero();
        assertThat(jdbc.sql("select count(*) from projects_change c join projects_project p on p.id = c.project_id where p.code in (?, ?)")
                .params(a, b).query(Long.class).single()).isZero();
    }

    private String name(String code) {
        return jdbc.sql("select name from projects_project where code = ?").param(code).query(String.class).single();
    }

    @Test
    void anImportThatUpdatesThreeProjectsAndCreatesTwoShowsFiveChangesAndAppliesThemTogether() throws Exception {
        int y = java.time.LocalDate.now().getYear();
        List<String> known = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            known.add(ProjectFixture.create(port, "CONST", y, null).get("code").asString());
        }
        String n1 = ProjectFixture.code("N");
        String n2 = ProjectFixture.code("N");
        String header = "代碼,名稱,主辦機關,列管層級,類別,開工日期,預定完工日期,總經費,年度經費\n";
        String csv = header
                + known.get(0) + ",測試工程（更名）,CONST,府列管,工程," + y + "-01-01," + y + "-12-31,12000,12000\n"
                + known.get(1) + ",測試工程,CONST,府列管,工程," + y + "-01-01," + y + "-12-31,15000,12000\n"
                + known.get(2) + ",測試工程,CONST,院列管,工程," + y + "-01-01," + y + "-12-31,12000,12000\n"
                + n1 + ",新工程甲,CONST,府列管,工程," + y + "-02-01," + y + "-11-30,5000,5000\n"
                + n2 + ",新工程乙,WATER,自行列管,其他," + y + "-03-01," + y + "-12-31,3000,3000\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);

        // the page shows the five changes before anything is stored
        PageSession rdec = new PageSession(port).signIn("rdec");
        rdec.get("/projects/import");
        HttpResponse<String> preview = rdec.upload("/projects/import", "p.csv", bytes);
        assertThat(preview.statusCode()).isEqualTo(200);
        String html = preview.body();
        assertThat(html).contains("id=\"import-preview\"");
        assertThat(count(html, "data-kind=\"update\"")).isEqualTo(3);
        assertThat(count(html, "data-kind=\"new\"")).isEqualTo(2);
        String text = html.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ");
        assertThat(text).contains("測試工程 → 測試工程（更名）").contains("12000 → 15000").contains("CITY → EXECUTIVE_YUAN")
                .contains("— → 新工程甲");
        assertThat(stored(n1, n2)).isZero();
        assertThat(name(known.get(0))).isEqualTo("測試工程");

        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(html);
        assertThat(token.find()).isTrue();
        // updating existing projects needs a reason; without one nothing is applied
        HttpResponse<String> noReason = rdec.post("/projects/import/apply", java.util.Map.of("token", token.group(1), "reason", ""));
        assertThat(noReason.body()).contains("id=\"import-errors\"");
        assertThat(stored(n1, n2)).isZero();

        HttpResponse<String> applied = rdec.post("/projects/import/apply", java.util.Map.of("token", token.group(1),
                "reason", "年度計畫核定 / the year's plan approved"));
        assertThat(applied.statusCode()).isEqualTo(200);
        assertThat(applied.body()).contains("id=\"import-ok\"");
        assertThat(stored(n1, n2)).isEqualTo(2);
        assertThat(name(known.get(0))).isEqualTo("測試工程（更名）");
        assertThat(jdbc.sql("select total_budget from projects_project where code = ?").param(known.get(1)).query(Integer.class).single())
                .isEqualTo(15000);
        assertThat(jdbc.sql("select control_level from projects_project where code = ?").param(known.get(2)).query(String.class).single())
                .isEqualTo("EXECUTIVE_YUAN");
        assertThat(jdbc.sql("select count(*) from projects_change c join projects_project p on p.id = c.project_id "
                + "where p.code = any(?) and c.source = 'IMPORT' and c.reason like '年度計畫核定%'").param(known.toArray(new String[0]))
                .query(Long.class).single()).isEqualTo(3);
        // a staged file is applied once
        HttpResponse<String> twice = rdec.post("/projects/import/apply", java.util.Map.of("token", token.group(1), "reason", "again"));
        assertThat(twice.body()).contains("id=\"import-errors\"");

        // a bad row among updates applies none of them
        String n3 = ProjectFixture.code("N");
        String bad = header
                + known.get(0) + ",再次更名,CONST,府列管,工程," + y + "-01-01," + y + "-12-31,12000,12000\n"
                + known.get(1) + ",測試工程,CONST,府列管,工程," + y + "-01-01," + y + "-12-31,15000,20000\n"
                + n3 + ",新工程丙,CONST,府列管,工程," + y + "-02-01," + y + "-11-30,5000,5000\n";
        HttpResponse<String> r = Multipart.upload(port, "rdec", "/api/projects/import?reason=x", "p.csv", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        Json.parse(r.body()).get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactly("row 3.annualBudget");
        assertThat(name(known.get(0))).isEqualTo("測試工程（更名）");
        assertThat(stored(n3)).isZero();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void odsAndXlsxFilesImportToo() throws Exception {
        for (ExportFormat format : List.of(ExportFormat.ODS, ExportFormat.XLSX)) {
            String code = ProjectFixture.code("I");
            List<List<Object>> rows = List.of(List.of(code, "北屯區國小校舍耐震補強", "EDU", "部會列管", "工程",
                    LocalDate.of(2018, 2, 1), LocalDate.of(2018, 12, 31), 25000, 25000));
            Table table = new Table("projects", List.of("代碼", "名稱", "主辦機關", "列管層級", "類別", "開工日期", "預定完工日期",
                    "總經費", "年度經費"), rows);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exporter.write(table, format, out);
            HttpResponse<String> r = Multipart.upload(port, "rdec", "/api/projects/import", "p." + format.extension(), out.toByteArray());
            assertThat(r.statusCode()).as(format + ": " + r.body()).isEqualTo(200);
            long id = jdbc.sql("select id from projects_project where code = ?").param(code).query(Long.class).single();
            JsonNode p = Json.parse(Http.as(port, "rdec").get("/api/projects/" + id).body()).get("project");
            assertThat(p.get("level").asString()).isEqualTo("MINISTRY");
            assertThat(p.get("dueDate").asString()).isEqualTo("2018-12-31");
            assertThat(p.get("budget").decimalValue()).isEqualByComparingTo("25000");
        }
    }

    @Test
    void onlyRdecImports() {
        HttpResponse<String> r = Multipart.upload(port, "officer", "/api/projects/import", "p.csv", "code\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(403);
    }
}
