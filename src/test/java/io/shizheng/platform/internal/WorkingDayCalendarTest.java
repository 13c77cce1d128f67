package io.shizheng.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import io.shizheng.IntegrationTest;
import io.shizheng.platform.WorkingDayCalendar;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class WorkingDayCalendarTest {

    @LocalServerPort
    int port;

    @Autowired
    WorkingDayCalendar calendar;

    @Test
    void lunarNewYearIsSkipped() {
        // A petition received on Wednesday 14 Feb 2018 waits out 15–20 Feb (除夕 to 春節補假).
        assertThat(calendar.addWorkingDays(LocalDate.of(2018, 2, 14), 1)).isEqualTo(LocalDate.of(2018, 2, 21));
        assertThat(calendar.addWorkingDays(LocalDate.of(2018, 2, 14), 6)).isEqualTo(LocalDate.of(2018, 2, 28).plusDays(1));
    }

    @Test
    void aMakeUpSaturdayIsAWorkingDay() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2018, 3, 31))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2018, 4, 7))).isFalse();
        assertThat(calendar.addWorkingDays(LocalDate.of(2018, 3, 30), 1)).isEqualTo(LocalDate.of(2018, 3, 31));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2018, 4, 1), LocalDate.of(2018, 4, 9))).isEqualTo(3);
    }

    @Test
    void aTyphoonDayEnteredByRdecMovesDeadlines() {
        LocalDate before = calendar.addWorkingDays(LocalDate.of(2019, 8, 8), 1);
        assertThat(before).isEqualTo(LocalDate.of(2019, 8, 9));
        assertThat(Http.anonymous(port).put("/api/calendar/days/2019-08-09",
                "{\"kind\":\"TYPHOON\",\"name\":\"利奇馬颱風停班\"}").statusCode()).isEqualTo(401);
        assertThat(Http.as(port, "officer").put("/api/calendar/days/2019-08-09",
                "{\"kind\":\"TYPHOON\",\"name\":\"利奇馬颱風停班\"}").statusCode()).isEqualTo(403);
        assertThat(Http.as(port, "rdec").put("/api/calendar/days/2019-08-09",
                "{\"kind\":\"TYPHOON\",\"name\":\"利奇馬颱風停班\"}").statusCode()).isEqualTo(201);
        assertThat(calendar.addWorkingDays(LocalDate.of(2019, 8, 8), 1)).isEqualTo(LocalDate.of(2019, 8, 12));
        var deadline = Json.parse(Http.anonymous(port).get("/api/calendar/deadline?from=2019-08-08&workingDays=1").body());
        assertThat(deadline.get("deadline").asString()).isEqualTo("2019-08-12");
    }

    @Test
    void badDaysAreRefusedNamingTheField() {
        var r = Http.as(port, "rdec").put("/api/calendar/days/2019-13-40", "{\"kind\":\"PARTY\",\"name\":\"\"}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("\"field\":\"day\"").contains("\"field\":\"kind\"").contains("\"field\":\"name\"");
    }
}
