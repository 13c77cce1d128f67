package io.shizheng.projects.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A review meeting over the API: the generated agenda, resolutions and their tracking, overdue carry-over, the pack. */
@IntegrationTest
class MeetingsTest {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    io.shizheng.platform.TableExporter pdfFont;

    private JsonNode redProject() {
        int y = LocalDate.now(clock).getYear();
        JsonNode p = ProjectFixture.create(port, "CONST", y, null);
        HttpResponse<String> r = Http.as(port, "officer").post("/api/projects/" + p.get("id").asLong() + "/reports",
                "{\"month\":\"" + y + "-10\",\"actualPct\":70,\"spending\":10000,\"narrative\":\"廠商停工\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return p;
    }

    private static JsonNode item(JsonNode meeting, long projectId) {
        for (JsonNode i : meeting.get("agenda")) {
            if (i.get("project").get("id").asLong() == projectId) {
                return i;
            }
        }
        return null;
    }

    @Test
    void theAgendaFallsOutOfTheLightsAndResolutionsAreTrackedToClosure() throws Exception {
        LocalDate today = LocalDate.now(clock);
        JsonNode red = redProject();
        long extra = ProjectFixture.create(port, "CONST", today.getYear(), null).get("id").asLong();
        HttpResponse<String> created = Http.as(port, "rdec").post("/api/meetings", "{\"title\":\"第1次重大建設進度檢討會議\",\"date\":\""
                + today + "\",\"chair\":\"市長\",\"projectIds\":[" + extra + "]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode meeting = Json.parse(created.body());
        long id = meeting.get("meeting").get("id").asLong();
        JsonNode redItem = item(meeting, red.get("id").asLong());
        assertThat(redItem).as("RED project on the agenda").isNotNull();
        assertThat(redItem.get("reason").asString()).isEqualTo("RED");
        assertThat(redItem.get("latest").get("narrative").asString()).isEqualTo("廠商停工");
        assertThat(item(meeting, extra).get("reason").asString()).isEqualTo("CHAIR");
        assertThat(Http.as(port, "officer").post("/api/meetings", "{\"title\":\"x\",\"date\":\"" + today + "\",\"chair\":\"y\"}")
                .statusCode()).isEqualTo(403);

        HttpResponse<String> noText = Http.as(port, "rdec").post("/api/meetings/" + id + "/resolutions",
                "{\"projectId\":" + red.get("id").asLong() + ",\"dueDate\":\"" + today.plusDays(30) + "\"}");
        assertThat(noText.statusCode()).isEqualTo(422);
        assertThat(Json.parse(noText.body()).get("errors").get(0).get("field").asString()).isEqualTo("text");
        assertThat(Json.parse(Http.as(port, "rdec").get("/api/meetings/" + id).body()).get("resolutions")).isEmpty();

        HttpResponse<String> res = Http.as(port, "rdec").post("/api/meetings/" + id + "/resolutions",
                "{\"projectId\":" + red.get("id").asLong() + ",\"text\":\"請提出趕工計畫\",\"dueDate\":\"" + today.plusDays(30) + "\"}");
        assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
        JsonNode resolution = Json.parse(res.body());
        long rid = resolution.get("id").asLong();
        assertThat(resolution.get("agencyName").asString()).contains("建設局");
        assertThat(resolution.get("effectiveStatus").asString()).isEqualTo("OPEN");

        assertThat(Http.as(port, "officer.social").patch("/api/resolutions/" + rid, "{\"status\":\"DONE\",\"reply\":\"x\"}").statusCode())
                .isEqualTo(403);
        assertThat(Http.as(port, "officer").patch("/api/resolutions/" + rid, "{\"status\":\"DONE\"}").statusCode()).isEqualTo(422);
        HttpResponse<String> done = Http.as(port, "officer").patch("/api/resolutions/" + rid,
                "{\"status\":\"DONE\",\"reply\":\"已提趕工計畫並加派人力\"}");
        assertThat(Json.parse(done.body()).get("status").asString()).isEqualTo("DONE");
        assertThat(Http.as(port, "officer").post("/api/resolutions/" + rid + "/close", "{}").statusCode()).isEqualTo(403);
        JsonNode closed = Json.parse(Http.as(port, "rdec").post("/api/resolutions/" + rid + "/close", "{}").body());
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("closedBy").asString()).isEqualTo("rdec");

        HttpResponse<byte[]> pack = Http.as(port, "rdec").getBytes("/api/meetings/" + id + "/pack?format=ods");
        assertThat(pack.statusCode()).isEqualTo(200);
        try (OdfSpreadsheetDocument doc = OdfSpreadsheetDocument.loadDocument(new ByteArrayInputStream(pack.body()))) {
            var table = doc.getTableList(false).get(0);
            boolean found = false;
            for (int r = 1; r < table.getRowCount() && r < 2000 && !found; r++) {
                found = red.get("code").asString().equals(table.getCellByPosition(1, r).getDisplayText())
                        && table.getCellByPosition(15, r).getDisplayText().contains("請提出趕工計畫");
            }
            assertThat(found).as("the pack lists the project with its resolution").isTrue();
        }
        HttpResponse<byte[]> pdf = Http.as(port, "rdec").getBytes("/api/meetings/" + id + "/pack?format=pdf");
        if (pdfFont.pdfAvailable()) {
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        } else {
            assertThat(pdf.statusCode()).as("without a CJK font PDF is refused, clearly").isEqualTo(422);
        }
        assertThat(Http.anonymous(port).get("/api/meetings/" + id).statusCode()).isEqualTo(401);
    }

    @Test
    void overdueResolutionsComeBackAtTheNextMeeting() {
        LocalDate today = LocalDate.now(clock);
        long quiet = ProjectFixture.create(port, "CONST", today.getYear(), null).get("id").asLong();
        long earlier = Json.parse(Http.as(port, "rdec").post("/api/meetings", "{\"title\":\"前次會議\",\"date\":\""
                + today.minusDays(20) + "\",\"chair\":\"副市長\"}").body()).get("meeting").get("id").asLong();
        long rid = Json.parse(Http.as(port, "rdec").post("/api/meetings/" + earlier + "/resolutions",
                "{\"projectId\":" + quiet + ",\"text\":\"請於期限內完成用地協調\",\"dueDate\":\"" + today.minusDays(5) + "\"}").body())
                .get("id").asLong();
        JsonNode overdue = Json.parse(Http.as(port, "officer").get("/api/resolutions?status=OVERDUE").body());
        boolean listed = false;
        for (JsonNode r : overdue) {
            listed |= r.get("id").asLong() == rid;
        }
        assertThat(listed).as("the agency sees its overdue resolution").isTrue();

        JsonNode next = Json.parse(Http.as(port, "rdec").post("/api/meetings", "{\"title\":\"本次會議\",\"date\":\""
                + today + "\",\"chair\":\"市長\"}").body());
        assertThat(item(next, quiet).get("reason").asString()).isEqualTo("OVERDUE_RESOLUTION");
        boolean carried = false;
        for (JsonNode r : next.get("carriedOver")) {
            carried |= r.get("id").asLong() == rid && r.get("effectiveStatus").asString().equals("OVERDUE");
        }
        assertThat(carried).isTrue();
    }
}
