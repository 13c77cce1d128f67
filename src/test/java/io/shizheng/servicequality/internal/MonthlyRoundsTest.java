package io.shizheng.servicequality.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Optional;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The monthly job plans a month's round once, by the rules, beside what RDEC plans by hand; the pages show it. */
@IntegrationTest
class MonthlyRoundsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MonthlyRounds monthly;

    private long automaticRounds(YearMonth m) {
        return jdbc.sql("select count(*) from servicequality_round where year = ? and month = ? and automatic")
                .params(m.getYear(), m.getMonthValue()).query(Long.class).single();
    }

    @Test
    void runningTheJobTwicePlansTheMonthOnce() {
        YearMonth march = YearMonth.of(2034, 3);
        Optional<Long> first = monthly.plan(march, march.atDay(1));
        assertThat(first).as("the month is planned").isPresent();
        assertThat(monthly.plan(march, march.atDay(1))).as("and not planned again").isEmpty();
        assertThat(automaticRounds(march)).isEqualTo(1);
        long roundId = first.get();

        long expected = jdbc.sql("select coalesce(sum(least(n, 2)), 0) from (select count(*) n from servicequality_line"
                + " where active group by agency_id) x").query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from servicequality_call where round_id = ?").param(roundId)
                .query(Long.class).single()).as("two calls per agency with lines").isEqualTo(expected).isPositive();
        assertThat(jdbc.sql("select count(*) from (select agency_id, line_id from servicequality_call where round_id = ?"
                + " group by 1, 2 having count(*) > 1) x").param(roundId).query(Long.class).single())
                .as("an agency's calls go to different lines").isZero();
        jdbc.sql("select scheduled_on, scheduled_time from servicequality_call where round_id = ?").param(roundId)
                .query((rs, n) -> {
                    LocalDate day = rs.getObject(1, LocalDate.class);
                    LocalTime time = rs.getObject(2, LocalTime.class);
                    assertThat(YearMonth.from(day)).isEqualTo(march);
                    assertThat(day.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                    assertThat(time).isBetween(LocalTime.of(9, 0), LocalTime.of(17, 0));
                    return day;
                }).list();

        // RDEC still adds a round by hand beside the automatic one, once.
        Http rdec = Http.as(port, "rdec");
        HttpResponse<String> byHand = rdec.post("/api/servicequality/rounds", "{\"year\":2034,\"month\":3,\"calls\":3}");
        assertThat(byHand.statusCode()).as(byHand.body()).isEqualTo(201);
        assertThat(Json.parse(byHand.body()).get("automatic").asBoolean()).isFalse();
        assertThat(rdec.post("/api/servicequality/rounds", "{\"year\":2034,\"month\":3,\"calls\":3}").statusCode()).isEqualTo(422);

        String list = rdec.get("/servicequality/tests?year=2034").body();
        assertThat(list).contains("每月自動排定", "/servicequality/tests/rounds/" + roundId, "id=\"monthly-rules\"");
        String round = rdec.get("/servicequality/tests/rounds/" + roundId).body();
        assertThat(round).contains("id=\"round-rules\"", "每機關 2 通");
        assertThat(round).containsPattern(">(09|1[0-6]):[0-5][0-9]<");
    }

    @Test
    void aMonthPlannedByHandIsLeftAlone() {
        HttpResponse<String> byHand = Http.as(port, "rdec").post("/api/servicequality/rounds", "{\"year\":2034,\"month\":4,\"calls\":3}");
        assertThat(byHand.statusCode()).as(byHand.body()).isEqualTo(201);
        assertThat(monthly.plan(YearMonth.of(2034, 4), LocalDate.of(2034, 4, 1))).isEmpty();
        assertThat(automaticRounds(YearMonth.of(2034, 4))).isZero();
    }

    @Test
    void onlyTheWorkingDaysLeftInTheMonthAreUsed() {
        YearMonth may = YearMonth.of(2034, 5);
        long roundId = monthly.plan(may, LocalDate.of(2034, 5, 22)).orElseThrow();
        assertThat(jdbc.sql("select min(scheduled_on) from servicequality_call where round_id = ?").param(roundId)
                .query(LocalDate.class).single()).isAfterOrEqualTo(LocalDate.of(2034, 5, 22));
    }
}
