package io.shizheng.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The public scorecard API and its exports, over HTTP, on the seeded FY107 plan with demo data. */
@IntegrationTest
class ScorecardApiTest {

    @LocalServerPort
    int port;

    private JsonNode scorecard(String query) {
        HttpResponse<String> r = Http.anonymous(port).get("/api/plans/2018/scorecard" + query);
        assertThat(r.statusCode()).isEqualTo(200);
        return Json.parse(r.body());
    }

    private static List<JsonNode> indicators(JsonNode s) {
        List<JsonNode> list = new ArrayList<>();
        s.get("goals").forEach(g -> g.get("indicators").forEach(list::add));
        return list;
    }

    private static JsonNode indicator(JsonNode s, String code) {
        return indicators(s).stream().filter(i -> i.get("code").asString().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void listsThePlanYears() {
        JsonNode years = Json.parse(Http.anonymous(port).get("/api/plans").body());
        JsonNode fy107 = null;
        for (JsonNode y : years) {
            if (y.get("year").asInt() == 2018) {
                fy107 = y;
            }
        }
        assertThat(fy107).isNotNull();
        assertThat(fy107.get("rocYear").asInt()).isEqualTo(107);
        assertThat(fy107.get("budgetThousand").decimalValue()).isEqualByComparingTo("95184");
    }

    @Test
    void scorecardShowsTheSeededPlanExactly() {
        JsonNode s = scorecard("");
        assertThat(s.get("year").asInt()).isEqualTo(2018);
        assertThat(s.get("rocYear").asInt()).isEqualTo(107);
        assertThat(s.get("goals")).hasSize(3);
        assertThat(s.get("goals").get(0).get("name").asString()).isEqualTo("提升行政效能");
        List<Integer> weights = new ArrayList<>();
        s.get("goals").forEach(g -> weights.add(g.get("weight").asInt()));
        assertThat(weights).containsExactly(18, 22, 10);
        List<JsonNode> all = indicators(s);
        assertThat(all).hasSize(15);
        assertThat(all.stream().map(i -> i.get("weight").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("50");
        assertThat(indicator(s, "1.1").get("target").decimalValue()).isEqualByComparingTo("80");
        assertThat(indicator(s, "1.3").get("target").decimalValue()).isEqualByComparingTo("97");
        // 3,420萬 queries is the JSON number 34200000, in the indicator's own unit.
        assertThat(indicator(s, "1.4").get("target").asString()).isEqualTo("34200000");
        assertThat(indicator(s, "2.6").get("target").decimalValue()).isEqualByComparingTo("100000");
        assertThat(indicator(s, "3.3").get("target").decimalValue()).isEqualByComparingTo("1");
        assertThat(indicator(s, "2.2").get("measure").asString()).contains("80分以上通數");
    }

    @Test
    void indicatorOnePointTwoIsComputedFromTheAuditLog() {
        JsonNode i = indicator(scorecard(""), "1.2");
        assertThat(i.get("source").asString()).isEqualTo("METRIC:system-usage");
        // Every first-level agency wrote something during 2018 in the demo history.
        assertThat(i.get("actual").decimalValue()).isEqualByComparingTo("100");
        assertThat(i.get("status").asString()).isEqualTo("ON_TARGET");
        // In January 2018 only 24 of the 30 had begun.
        assertThat(i.get("trend").get(0).get("value").decimalValue()).isEqualByComparingTo("80");
        JsonNode evidence = Json.parse(Http.anonymous(port).get("/api/plans/2018/indicators/1.2/evidence?month=1").body());
        assertThat(evidence.get("total").asInt()).isEqualTo(30);
        long used = 0;
        for (JsonNode row : evidence.get("rows")) {
            if (row.get("cells").get(2).asString().startsWith("是")) {
                used++;
            }
        }
        assertThat(used).isEqualTo(24);
    }

    @Test
    void statusesFollowTheTargets() {
        JsonNode s = scorecard("");
        assertThat(indicator(s, "2.3").get("status").asString()).isEqualTo("CAUTION");
        assertThat(indicator(s, "3.3").get("status").asString()).isEqualTo("BELOW_PLAN");
        assertThat(indicator(s, "1.3").get("status").asString()).isEqualTo("ON_TARGET");
        assertThat(indicator(s, "1.3").get("source").asString()).isEqualTo("MANUAL");
        // 1.1 is computed by the projects module (its own tests check the value)
        assertThat(indicator(s, "1.1").get("source").asString()).isEqualTo("METRIC:projects-on-time");
        assertThat(s.get("score").decimalValue()).isBetween(new BigDecimal("90"), new BigDecimal("100"));
    }

    @Test
    void throughAMonthSumsOnlyThoseMonthsAndProjectsTheYear() {
        JsonNode s = scorecard("?month=6");
        JsonNode training = indicator(s, "2.1");
        // 0 + 18 + 64 + 42 + 118 + 36 attendances by June; 278 a half year makes 556 by December.
        assertThat(training.get("actual").decimalValue()).isEqualByComparingTo("278");
        assertThat(training.get("projection").decimalValue()).isEqualByComparingTo("556");
        assertThat(training.get("trend")).hasSize(6);
    }

    @Test
    void badYearsAndMonthsAreProblems() {
        HttpResponse<String> unknown = Http.anonymous(port).get("/api/plans/2099/scorecard");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        HttpResponse<String> malformed = Http.anonymous(port).get("/api/plans/abc/scorecard");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        HttpResponse<String> roc = Http.anonymous(port).get("/api/plans/107/scorecard");
        assertThat(roc.statusCode()).isEqualTo(404);
        assertThat(roc.body()).contains("2018");
        HttpResponse<String> month = Http.anonymous(port).get("/api/plans/2018/scorecard?month=13");
        assertThat(month.statusCode()).isEqualTo(422);
        assertThat(Json.parse(month.body()).get("errors").get(0).get("field").asString()).isEqualTo("month");
    }

    @Test
    void exportsOpenInSpreadsheetPrograms() throws Exception {
        HttpResponse<byte[]> csv = Http.anonymous(port).getBytes("/api/plans/2018/scorecard/export?format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        byte[] bytes = csv.body();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("推動機關使用管考系統").contains("METRIC:system-usage");

        HttpResponse<byte[]> xlsx = Http.anonymous(port).getBytes("/api/plans/2018/scorecard/export?format=xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            // Heading, 3 goals, 15 indicators, total.
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(19);
            assertThat(book.getSheetAt(0).getRow(2).getCell(0).getStringCellValue()).isEqualTo("1.1");
            assertThat(book.getSheetAt(0).getRow(2).getCell(5).getNumericCellValue()).isEqualTo(80.0);
        }

        HttpResponse<byte[]> ods = Http.anonymous(port).getBytes("/api/plans/2018/scorecard/export?format=ods");
        assertThat(ods.headers().firstValue("Content-Type").orElse("")).contains("opendocument.spreadsheet");
        OdfSpreadsheetDocument doc = OdfSpreadsheetDocument.loadDocument(new ByteArrayInputStream(ods.body()));
        assertThat(doc.getTableList(false).get(0).getCellByPosition(1, 3).getStringValue()).isEqualTo("推動機關使用管考系統");
        doc.close();

        assertThat(Http.anonymous(port).get("/api/plans/2018/scorecard/export?format=pdfx").statusCode()).isEqualTo(422);
    }

    @Test
    void planShowsItsSixteenProgramsAndBudget() {
        JsonNode plan = Json.parse(Http.anonymous(port).get("/api/plans/2018").body());
        assertThat(plan.get("programs")).hasSize(16);
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode p : plan.get("programs")) {
            total = total.add(p.get("budgetThousand").decimalValue());
        }
        assertThat(total).isEqualByComparingTo("95184");
        assertThat(plan.get("programs").get(7).get("name").asString()).isEqualTo("1999市民諮詢服務");
        assertThat(plan.get("programs").get(7).get("budgetThousand").decimalValue()).isEqualByComparingTo("23287");
    }

    @Test
    void openApiDescribesTheScorecard() {
        HttpResponse<String> docs = Http.anonymous(port).get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/plans/{year}/scorecard");
    }
}
