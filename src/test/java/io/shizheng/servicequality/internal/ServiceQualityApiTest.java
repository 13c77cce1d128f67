package io.shizheng.servicequality.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shizheng.IntegrationTest;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.plan.MetricQuery;
import io.shizheng.plan.MetricSource;
import io.shizheng.plan.MetricValue;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Phone tests, notices, statistics, training and award coaching through the API, as RDEC staff, agency officers
 * and a coach use them. Each test works in its own past year and month so that tests never share rows.
 */
@IntegrationTest
class ServiceQualityApiTest {

    @LocalServerPort
    int port;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<MetricSource> metrics;

    private Http rdec() { return Http.as(port, "rdec"); }

    private long agency(String code) {
        return agencies.findByCode(code).orElseThrow().id();
    }

    private static JsonNode json(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as("HTTP status of %s", r.body()).isEqualTo(status);
        return Json.parse(r.body());
    }

    private static List<String> fields(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        List<String> out = new ArrayList<>();
        Json.parse(r.body()).get("errors").forEach(e -> out.add(e.get("field").asString()));
        return out;
    }

    @Test
    void anOfficerSeesTheLinesOfTheirOwnAgencyOnly() {
        long own = agency("CONST");
        json(rdec().post("/api/servicequality/lines", Json.write(Map.of("agencyId", agency("EDU"),
                "unitName", "他機關測試科", "phone", "04-2228-9112"))), 201);
        JsonNode lines = json(Http.as(port, "officer").get("/api/servicequality/lines"), 200);
        assertThat(lines).as("the Construction Bureau's lines").isNotEmpty();
        lines.forEach(l -> assertThat(agencies.covers(own, l.get("agencyId").asLong()))
                .as("line %s of agency %s", l.get("id"), l.get("agencyId")).isTrue());
    }

    /** A line of the agency, and a round of the month holding every line, returning the call of that line. */
    private JsonNode callOfNewLine(String agencyCode, int year, int month) {
        long line = json(rdec().post("/api/servicequality/lines", Json.write(Map.of("agencyId", agency(agencyCode),
                "unitName", "測試科 " + year + "-" + month, "phone", "04-2228-9111",
                "contactEmail", "sq-test-" + year + month + "@demo.shizheng.invalid"))), 201).get("id").asLong();
        long round = json(rdec().post("/api/servicequality/rounds", Json.write(Map.of("year", year, "month", month, "calls", 500))),
                201).get("id").asLong();
        for (JsonNode c : json(rdec().get("/api/servicequality/rounds/" + round + "/calls"), 200)) {
            if (c.get("lineId").asLong() == line) {
                return c;
            }
        }
        throw new AssertionError("the new line was not in a round of every line");
    }

    private static String points(int speed, int greeting, int attitude, int correctness, int transfer, int closing,
                                 String calledAt) {
        return Json.write(Map.of("answerer", "王小姐", "calledAt", calledAt, "points", Map.of("SPEED", speed,
                "GREETING", greeting, "ATTITUDE", attitude, "CORRECTNESS", correctness, "TRANSFER", transfer, "CLOSING", closing)));
    }

    @Test
    void aRubricWhoseItemsDoNotAddUpIsRefusedAndNothingChanges() {
        String bad = Json.write(Map.of("total", 100, "passMark", 80, "items", List.of(
                Map.of("code", "SPEED", "name", "接聽速度", "maxPoints", 40),
                Map.of("code", "ATTITUDE", "name", "態度", "maxPoints", 50))));
        assertThat(fields(rdec().put("/api/servicequality/rubrics/2031", bad))).containsExactly("items");
        assertThat(json(rdec().get("/api/servicequality/rubrics/2031"), 200).get("year").asInt())
                .as("2031 still has no rubric of its own").isNotEqualTo(2031);

        String good = bad.replace("\"maxPoints\":50", "\"maxPoints\":60");
        assertThat(Http.as(port, "officer").put("/api/servicequality/rubrics/2031", good).statusCode()).isEqualTo(403);
        JsonNode saved = json(rdec().put("/api/servicequality/rubrics/2031", good), 200);
        assertThat(saved.get("year").asInt()).isEqualTo(2031);
        assertThat(saved.get("items")).hasSize(2);
    }

    @Test
    void aScoreOutsideItsItemsRangeIsRefusedAndTheCallStaysUnscored() {
        JsonNode call = callOfNewLine("EPB", 2019, 3);
        long id = call.get("id").asLong();
        assertThat(call.get("scheduledOn").asString()).startsWith("2019-03");
        assertThat(LocalDate.parse(call.get("scheduledOn").asString()).getDayOfWeek().getValue()).as("a working day").isLessThan(6);

        assertThat(fields(rdec().post("/api/servicequality/calls/" + id + "/score",
                points(16, 15, 25, 25, 10, 10, "2019-03-12T10:00:00")))).containsExactly("points.SPEED");
        assertThat(fields(rdec().post("/api/servicequality/calls/" + id + "/score",
                points(15, -1, 25, 25, 10, 10, "2019-03-12T10:00:00")))).containsExactly("points.GREETING");
        assertThat(json(rdec().get("/api/servicequality/calls/" + id), 200).get("call").get("total").isNull()).isTrue();
        assertThat(Http.as(port, "officer.epb").post("/api/servicequality/calls/" + id + "/score",
                points(15, 15, 25, 25, 10, 10, "2019-03-12T10:00:00")).statusCode()).as("officers do not test themselves").isEqualTo(403);

        JsonNode scored = json(rdec().post("/api/servicequality/calls/" + id + "/score",
                points(15, 15, 25, 25, 10, 10, "2019-03-12T10:00:00")), 200);
        assertThat(scored.get("call").get("total").asInt()).isEqualTo(100);
        assertThat(scored.get("scores")).hasSize(6);
        assertThat(fields(rdec().post("/api/servicequality/calls/" + id + "/score",
                points(15, 15, 25, 25, 10, 10, "2019-03-12T10:00:00")))).as("scored once").containsExactly("callId");
    }

    @Test
    void passRateCountsEightyAsPassAndSeventyNineAsFail() {
        long line = json(rdec().post("/api/servicequality/lines", Json.write(Map.of("agencyId", agency("HAKKA"),
                "unitName", "文化推廣科", "phone", "04-2228-9111"))), 201).get("id").asLong();
        long round = json(rdec().post("/api/servicequality/rounds", Json.write(Map.of("year", 2021, "month", 4, "calls", 500))),
                201).get("id").asLong();
        List<Long> calls = new ArrayList<>();
        for (JsonNode c : json(rdec().get("/api/servicequality/rounds/" + round + "/calls"), 200)) {
            if (calls.size() < 4) {
                calls.add(c.get("id").asLong());
            }
        }
        assertThat(line).isPositive();
        json(rdec().post("/api/servicequality/calls/" + calls.get(0) + "/score", points(15, 15, 25, 25, 10, 10, "2021-04-06T09:30:00")), 200);
        json(rdec().post("/api/servicequality/calls/" + calls.get(1) + "/score", points(15, 15, 20, 20, 10, 5, "2021-04-07T09:30:00")), 200);
        json(rdec().post("/api/servicequality/calls/" + calls.get(2) + "/score", points(15, 10, 20, 20, 10, 5, "2021-04-08T09:30:00")), 200);
        JsonNode failed = json(rdec().post("/api/servicequality/calls/" + calls.get(3) + "/score",
                points(15, 10, 20, 20, 10, 4, "2021-04-09T09:30:00")), 200);
        assertThat(failed.get("call").get("total").asInt()).isEqualTo(79);
        assertThat(failed.get("call").get("passed").asBoolean()).isFalse();

        JsonNode table = json(rdec().get("/api/servicequality/pass-rates?year=2021"), 200);
        assertThat(table.get("cityYear").get("tests").asInt()).isEqualTo(4);
        assertThat(table.get("cityYear").get("passed").asInt()).isEqualTo(3);
        assertThat(table.get("cityMonths").get("4").get("passed").asInt()).isEqualTo(3);

        MetricSource metric = metrics.stream().filter(m -> m.name().equals("phone-test-pass")).findFirst().orElseThrow();
        assertThat(metric.measuresIndicators()).containsExactly("2.2");
        MetricValue v = metric.compute(new MetricQuery(LocalDate.of(2021, 4, 1), LocalDate.of(2021, 4, 30), null));
        assertThat(v.value()).isEqualByComparingTo("75");
        assertThat(v.numerator()).isEqualByComparingTo("3");
        assertThat(v.denominator()).isEqualByComparingTo("4");
        assertThat(metric.compute(new MetricQuery(LocalDate.of(2021, 5, 1), LocalDate.of(2021, 5, 31), null)))
                .as("no tests, no value").isNull();
        assertThat(metric.evidence(new MetricQuery(LocalDate.of(2021, 4, 1), LocalDate.of(2021, 4, 30), null)).rows())
                .isNotEmpty();
    }

    @Test
    void aFailedCallRaisesANoticeTheAgencyAnswersAndARetestIsScheduled() {
        JsonNode call = callOfNewLine("CONST", 2020, 6);
        long callId = call.get("id").asLong();
        json(rdec().post("/api/servicequality/calls/" + callId + "/score", points(5, 5, 15, 15, 5, 5, "2020-06-10T14:00:00")), 200);

        Http officer = Http.as(port, "officer");
        JsonNode notice = null;
        for (JsonNode n : json(officer.get("/api/servicequality/notices?status=OPEN"), 200)) {
            if (n.get("callId").asLong() == callId) {
                notice = n;
            }
        }
        assertThat(notice).as("the Construction Bureau's officer sees the notice").isNotNull();
        long id = notice.get("id").asLong();
        assertThat(notice.get("detail").asString()).contains("50 分");
        long mails = jdbc.sql("select count(*) from platform_outbox where entity_type = 'servicequality.notice' and entity_id = ? "
                + "and to_address = 'sq-test-20206@demo.shizheng.invalid'").param(String.valueOf(id)).query(Long.class).single();
        assertThat(mails).as("e-mail queued to the line's contact").isEqualTo(1);

        Http other = Http.as(port, "officer.social");
        assertThat(other.get("/api/servicequality/notices/" + id).statusCode()).isEqualTo(403);
        assertThat(other.post("/api/servicequality/notices/" + id + "/answer", "{\"answer\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(json(other.get("/api/servicequality/notices"), 200).findValues("id").stream().map(JsonNode::asLong))
                .doesNotContain(id);

        assertThat(fields(rdec().post("/api/servicequality/notices/" + id + "/retest", "{\"date\":\"2020-07-01\"}")))
                .as("no retest before the agency answers").containsExactly("status");
        assertThat(fields(officer.post("/api/servicequality/notices/" + id + "/answer", "{\"answer\":\"  \"}"))).containsExactly("answer");
        JsonNode answered = json(officer.post("/api/servicequality/notices/" + id + "/answer",
                Json.write(Map.of("answer", "已指定代理接聽人並宣導報明單位。"))), 200);
        assertThat(answered.get("status").asString()).isEqualTo("ANSWERED");
        assertThat(fields(officer.post("/api/servicequality/notices/" + id + "/answer", "{\"answer\":\"again\"}"))).containsExactly("status");

        assertThat(officer.post("/api/servicequality/notices/" + id + "/retest", "{\"date\":\"2020-07-01\"}").statusCode()).isEqualTo(403);
        assertThat(fields(rdec().post("/api/servicequality/notices/" + id + "/retest", "{\"date\":\"2020-07-04\"}")))
                .as("a Saturday").containsExactly("date");
        JsonNode closed = json(rdec().post("/api/servicequality/notices/" + id + "/retest", "{\"date\":\"2020-07-01\"}"), 200);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        long retest = closed.get("retestCallId").asLong();
        JsonNode retestCall = json(officer.get("/api/servicequality/calls/" + retest), 200).get("call");
        assertThat(retestCall.get("retestOf").asLong()).isEqualTo(callId);
        assertThat(retestCall.get("scheduledOn").asString()).isEqualTo("2020-07-01");
        assertThat(retestCall.get("lineId").asLong()).isEqualTo(call.get("lineId").asLong());
    }

    @Test
    void officersSeeOnlyTheirAgencysCallsAndPassRates() {
        JsonNode call = callOfNewLine("CONST", 2022, 9);
        long round = call.get("roundId").asLong();
        long constId = agency("CONST");
        JsonNode mine = json(Http.as(port, "officer").get("/api/servicequality/rounds/" + round + "/calls"), 200);
        assertThat(mine).isNotEmpty();
        mine.forEach(c -> assertThat(agencies.covers(constId, c.get("agencyId").asLong())).isTrue());
        JsonNode all = json(rdec().get("/api/servicequality/rounds/" + round + "/calls"), 200);
        assertThat(all.size()).isGreaterThan(mine.size());
        long foreign = -1;
        for (JsonNode c : all) {
            if (!agencies.covers(constId, c.get("agencyId").asLong())) {
                foreign = c.get("id").asLong();
            }
        }
        assertThat(Http.as(port, "officer").get("/api/servicequality/calls/" + foreign).statusCode()).isEqualTo(403);
        JsonNode rates = json(Http.as(port, "officer").get("/api/servicequality/pass-rates?year=2018"), 200);
        rates.get("agencies").forEach(a -> assertThat(agencies.covers(constId, a.get("agencyId").asLong())).isTrue());
        assertThat(Http.anonymous(port).get("/api/servicequality/notices").statusCode()).isEqualTo(401);
    }

    @Test
    void attendanceIsCountedOnceAndADuplicateIsRefused() {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long course = json(rdec().post("/api/servicequality/training/courses", Json.write(Map.of("code", code,
                "name", "電話禮儀（測試）", "category", "PHONE", "hours", 3))), 201).get("id").asLong();
        assertThat(fields(rdec().post("/api/servicequality/training/sessions", Json.write(Map.of("courseId", course,
                "startsAt", "2023-05-10T09:00:00", "place", "文心樓", "capacity", 0))))).containsExactly("capacity");
        long session = json(rdec().post("/api/servicequality/training/sessions", Json.write(Map.of("courseId", course,
                "startsAt", "2023-05-10T09:00:00", "place", "文心樓", "capacity", 2))), 201).get("id").asLong();

        Http officer = Http.as(port, "officer");
        String url = "/api/servicequality/training/sessions/" + session + "/registrations";
        JsonNode first = json(officer.post(url, Json.write(Map.of("personName", "林志明"))), 201);
        assertThat(first.get("agencyId").asLong()).isEqualTo(agency("CONST"));
        assertThat(fields(officer.post(url, Json.write(Map.of("personName", "林志明"))))).containsExactly("personName");
        assertThat(Http.as(port, "officer.social").post(url, Json.write(Map.of("agencyId", agency("CONST"), "personName", "張三")))
                .statusCode()).as("not for another agency").isEqualTo(403);
        JsonNode second = json(officer.post(url, Json.write(Map.of("personName", "陳美玲", "email", "mei@demo.shizheng.invalid"))), 201);
        assertThat(fields(Http.as(port, "officer.social").post(url, Json.write(Map.of("personName", "王五")))))
                .as("the session is full").containsExactly("sessionId");
        assertThat(json(Http.as(port, "officer.social").get(url), 200)).as("officers see their own agency's registrations").isEmpty();

        String attend = "/api/servicequality/training/registrations/" + first.get("id").asLong() + "/attendance";
        assertThat(officer.post(attend, "").statusCode()).as("attendance is taken by RDEC at the door").isEqualTo(403);
        assertThat(json(rdec().post(attend, ""), 200).get("attendedAt").isNull()).isFalse();
        assertThat(fields(rdec().post(attend, ""))).containsExactly("registrationId");
        String token = Json.write(Map.of("token", second.get("token").asString()));
        json(rdec().post("/api/servicequality/training/check-in", token), 200);
        assertThat(fields(rdec().post("/api/servicequality/training/check-in", token))).containsExactly("registrationId");
        assertThat(fields(rdec().post("/api/servicequality/training/check-in", "{\"token\":\"nope\"}"))).containsExactly("token");

        MetricSource metric = metrics.stream().filter(m -> m.name().equals("training-attendance")).findFirst().orElseThrow();
        assertThat(metric.measuresIndicators()).containsExactly("2.1");
        assertThat(metric.compute(new MetricQuery(LocalDate.of(2023, 5, 1), LocalDate.of(2023, 5, 31), agency("CONST"))).value())
                .isEqualByComparingTo("2");
        assertThat(metric.compute(new MetricQuery(LocalDate.of(2023, 5, 1), LocalDate.of(2023, 5, 31), agency("SOCIAL"))).value())
                .isEqualByComparingTo("0");
        assertThat(json(officer.get("/api/servicequality/training/attendance?year=2023"), 200).get("attendances").asInt()).isEqualTo(2);
        long id = first.get("id").asLong();
        assertThat(officer.get("/servicequality/training/registrations/" + id + "/certificate").body()).contains("林志明");
        assertThat(officer.get("/servicequality/training/registrations/" + id + "/qr.svg").body()).startsWith("<svg");
    }

    @Test
    void aPhoneStatisticsImportWithBadRowsListsEveryLineAndStoresNothing() {
        String bad = "year,month,agency_code,incoming,answered,busy,unanswered\n"
                + "2024,7,CONST,1000,900,50,50\n"
                + "2024,7,NOPE,1000,900,50,50\n"
                + "2024,13,EPB,1000,900,50,50\n"
                + "2024,7,TAX,1000,900,50,40\n";
        HttpResponse<String> r = rdec().post("/api/servicequality/phone-stats", bad);
        assertThat(fields(r)).containsExactly("line 3", "line 4", "line 5");
        assertThat(r.body()).contains("NOPE");
        assertThat(json(rdec().get("/api/servicequality/phone-stats?year=2024&month=7"), 200).get("rows")).isEmpty();

        String good = "\uFEFF年,月,機關代碼,來話數,接聽數,忙線數,未接數\n"
                + "113,7,CONST,1000,950,30,20\n"
                + "113,7,EPB,2000,1500,300,200\n"
                + "113,7,D66000060,800,720,40,40\n";
        JsonNode result = json(Http.as(port, "rdec").post("/api/servicequality/phone-stats", good), 200);
        assertThat(result.get("rows").asInt()).isEqualTo(3);
        assertThat(result.get("notices").asInt()).as("only EPB is under 80%").isEqualTo(1);
        JsonNode ranking = json(rdec().get("/api/servicequality/phone-stats?year=2024&month=7"), 200).get("rows");
        assertThat(ranking.get(0).get("agencyCode").asString()).isEqualTo("CONST");
        assertThat(ranking.get(0).get("answerRate").decimalValue()).isEqualByComparingTo("95.0");
        assertThat(ranking.get(2).get("agencyCode").asString()).isEqualTo("EPB");
        assertThat(ranking.get(2).get("below").asBoolean()).isTrue();
        JsonNode epbNotices = json(Http.as(port, "officer.epb").get("/api/servicequality/notices?year=2024"), 200);
        assertThat(epbNotices.findValues("kind").stream().map(JsonNode::asString)).contains("PHONE_STATS");
        assertThat(json(Http.as(port, "officer").get("/api/servicequality/phone-stats?year=2024&month=7"), 200).get("rows"))
                .as("an officer sees the own agency's row").hasSize(1);
        assertThat(Http.as(port, "officer").post("/api/servicequality/phone-stats", good).statusCode()).isEqualTo(403);
    }

    @Test
    void aCoachRecordsVisitsAndTheAgencyAssessesItself() {
        assertThat(fields(rdec().post("/api/servicequality/award/candidates", Json.write(Map.of("year", 2024, "category", "OVERALL",
                "agencyId", agency("LABOR"), "coach", "officer"))))).containsExactly("coach");
        JsonNode c = json(rdec().post("/api/servicequality/award/candidates", Json.write(Map.of("year", 2024, "category", "OVERALL",
                "agencyId", agency("LABOR"), "coach", "reviewer"))), 201);
        long id = c.get("id").asLong();
        String visits = "/api/servicequality/award/candidates/" + id + "/visits";
        assertThat(Http.as(port, "officer.social").post(visits, Json.write(Map.of("kind", "COACHING", "visitedOn", "2024-03-01",
                "notes", "x"))).statusCode()).isEqualTo(403);
        assertThat(fields(Http.as(port, "reviewer").post(visits, Json.write(Map.of("kind", "BENCHMARK", "visitedOn", "2024-03-01",
                "notes", "參訪"))))).containsExactly("host");
        json(Http.as(port, "reviewer").post(visits, Json.write(Map.of("kind", "COACHING", "visitedOn", "2024-03-01",
                "notes", "檢視服務流程"))), 200);
        assertThat(json(Http.as(port, "reviewer").get("/api/servicequality/award/candidates?year=2024"), 200)).hasSize(1);

        String assess = "/api/servicequality/award/candidates/" + id + "/assessment";
        assertThat(fields(Http.as(port, "officer.labor").put(assess, "[{\"dimension\":\"BASIC\",\"score\":120}]")))
                .containsExactly("score.BASIC");
        JsonNode saved = json(Http.as(port, "officer.labor").put(assess,
                "[{\"dimension\":\"BASIC\",\"score\":82},{\"dimension\":\"INNOVATION\",\"score\":74,\"note\":\"需補案例\"}]"), 200);
        assertThat(saved).hasSize(4);
        assertThat(saved.get(0).get("score").asInt()).isEqualTo(82);
        assertThat(Http.as(port, "officer.social").put(assess, "[{\"dimension\":\"BASIC\",\"score\":90}]").statusCode()).isEqualTo(403);
        JsonNode detail = json(rdec().get("/api/servicequality/award/candidates/" + id), 200);
        assertThat(detail.get("visits")).hasSize(1);
        assertThat(detail.get("candidate").get("selfScore").asInt()).isEqualTo(78);
    }

    @Test
    void demoDataDrivesIndicatorsTwoPointOneAndTwoPointTwo() {
        JsonNode scorecard = json(Http.anonymous(port).get("/api/plans/2018/scorecard"), 200);
        JsonNode i21 = null;
        JsonNode i22 = null;
        for (JsonNode g : scorecard.get("goals")) {
            for (JsonNode i : g.get("indicators")) {
                if (i.get("code").asString().equals("2.1")) {
                    i21 = i;
                }
                if (i.get("code").asString().equals("2.2")) {
                    i22 = i;
                }
            }
        }
        assertThat(i22.get("source").asString()).isEqualTo("METRIC:phone-test-pass");
        assertThat(i22.get("actual").decimalValue().doubleValue()).isBetween(75.0, 97.0);
        assertThat(i21.get("source").asString()).isEqualTo("METRIC:training-attendance");
        assertThat(i21.get("actual").decimalValue().intValue()).isPositive();
    }
}
