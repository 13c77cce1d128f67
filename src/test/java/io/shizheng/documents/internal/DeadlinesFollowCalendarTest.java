package io.shizheng.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.shizheng.IntegrationTest;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.WorkingDayCalendar;
import io.shizheng.platform.WorkingDaysChanged;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A typhoon day declared today moves the deadlines of the open documents whose window it falls in, by itself and
 * once; closed documents and open ones whose window it misses keep theirs. The analysis lists open overdue ones.
 */
@IntegrationTest
class DeadlinesFollowCalendarTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    DeadlineRecompute recompute;

    @Autowired
    AuditLog audit;

    private LocalDate deadline(String docNo) {
        return jdbc.sql("select deadline from documents_document where doc_no = ?").param(docNo)
                .query(LocalDate.class).single();
    }

    private void push(String json) {
        HttpResponse<String> r = Http.as(port, "rdec").post("/api/documents/batch", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** Waits for the listener (it runs after the calendar's commit, on another thread) to have followed a change of the day. */
    private UUID followed(LocalDate day, int changes) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            List<UUID> ids = jdbc.sql("""
                    select change_id from documents_calendar_change where ?::date = any(days) and examined is not null
                    order by followed_at""").param(day).query(UUID.class).list();
            if (ids.size() >= changes) {
                return ids.get(changes - 1);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the documents never followed the calendar change of " + day);
    }

    private static List<String> keys(JsonNode rows) {
        List<String> keys = new java.util.ArrayList<>();
        rows.forEach(r -> keys.add(r.get("key").asString()));
        return keys;
    }

    @Test
    void aTyphoonDayDeclaredTodayMovesTheOpenDeadlinesItTouchesOnce() throws Exception {
        LocalDate today = LocalDate.now(clock);
        LocalDate typhoon = calendar.nextWorkingDay(today);
        LocalDate yesterday = today.minusDays(1);
        LocalDate longAgo = today.minusMonths(2);
        String p = DocumentImportTest.prefix();
        String unit = "颱風測試科" + p.substring(p.length() - 4);
        push("""
                [{"docNo":"%1$s-OPEN","agency":"CONST","unit":"%2$s","type":"INCOMING","priority":"ORDINARY","received":"%3$s"},
                 {"docNo":"%1$s-CLOSED","agency":"CONST","unit":"%2$s","type":"INCOMING","priority":"ORDINARY","received":"%3$s","closed":"%3$s"},
                 {"docNo":"%1$s-OLD","agency":"CONST","unit":"%2$s","type":"INCOMING","priority":"MOST_URGENT","received":"%4$s"}]"""
                .formatted(p, unit, yesterday, longAgo));
        LocalDate openBefore = deadline(p + "-OPEN");
        LocalDate closedBefore = deadline(p + "-CLOSED");
        LocalDate oldBefore = deadline(p + "-OLD");
        assertThat(openBefore).as("the typhoon day falls in the open document's window").isAfterOrEqualTo(typhoon);

        Http rdec = Http.as(port, "rdec");
        HttpResponse<String> declared = rdec.put("/api/calendar/days/" + typhoon, "{\"kind\":\"TYPHOON\",\"name\":\"颱風停班測試\"}");
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        try {
            UUID change = followed(typhoon, 1);
            LocalDate openAfter = deadline(p + "-OPEN");
            assertThat(openAfter).as("one working day fewer in the window: the deadline moves to the next working day")
                    .isEqualTo(calendar.addWorkingDays(openBefore, 1));
            assertThat(deadline(p + "-CLOSED")).as("a closed document keeps its deadline").isEqualTo(closedBefore);
            assertThat(deadline(p + "-OLD")).as("a window that ended before the typhoon day").isEqualTo(oldBefore);
            assertThat(jdbc.sql("select count(*) from platform_audit_log where entity_type = 'documents.recompute' and entity_id = ?")
                    .param("calendar:" + change).query(Long.class).single()).isEqualTo(1);

            // Heard again (a redelivery), the change moves nothing more: put the deadline back and deliver it again.
            jdbc.sql("update documents_document set deadline = ? where doc_no = ?").params(openBefore, p + "-OPEN").update();
            new DeadlinesFollowCalendar(jdbc, recompute, audit).on(new WorkingDaysChanged(change, List.of(typhoon), clock.instant()));
            assertThat(deadline(p + "-OPEN")).as("a redelivered change is not followed twice").isEqualTo(openBefore);
            assertThat(jdbc.sql("select count(*) from documents_calendar_change where change_id = ?").param(change)
                    .query(Long.class).single()).isEqualTo(1);
            jdbc.sql("update documents_document set deadline = ? where doc_no = ?").params(openAfter, p + "-OPEN").update();
        } finally {
            assertThat(rdec.delete("/api/calendar/days/" + typhoon).statusCode()).isEqualTo(204);
            followed(typhoon, 2);
        }
        assertThat(deadline(p + "-OPEN")).as("the typhoon day withdrawn, the deadline comes back").isEqualTo(openBefore);

        // The analysis shows the open overdue document apart from those closed late.
        JsonNode analysis = Json.parse(rdec.get("/api/documents/analysis?from=" + longAgo + "&to=" + today).body());
        assertThat(keys(analysis.get("open").get("unit"))).contains(unit);
        assertThat(keys(analysis.get("groups").get("unit"))).doesNotContain(unit);
        HttpResponse<String> page = new FormClient(port, "rdec").get("/documents/analysis?from=" + longAgo + "&to=" + today);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("逾期未結", "id=\"open-by-unit\"", unit);
    }
}
