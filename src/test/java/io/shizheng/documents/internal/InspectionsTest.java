package io.shizheng.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.shizheng.IntegrationTest;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Quality inspection: a visit, a sample, checklist scores in range, a finding answered by the agency and closed by RDEC. */
@IntegrationTest
class InspectionsTest {

    @LocalServerPort
    int port;

    @Autowired
    AgencyDirectory agencies;

    @Test
    void aFindingIsAnsweredByTheInspectedAgencyAndClosedByRdec() {
        long construction = agencies.findByCode("CONST").orElseThrow().id();
        Http rdec = Http.as(port, "rdec");
        Http officer = Http.as(port, "officer");
        assertThat(officer.post("/api/documents/inspections", "{\"agencyId\":" + construction + ",\"visitOn\":\"2018-10-15\",\"inspectors\":\"x\"}")
                .statusCode()).isEqualTo(403);
        HttpResponse<String> created = rdec.post("/api/documents/inspections",
                "{\"agencyId\":" + construction + ",\"visitOn\":\"2018-10-15\",\"inspectors\":\"研考會 王小明、李大華\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = Json.parse(created.body()).get("summary").get("id").asLong();

        JsonNode sampled = Json.parse(rdec.post("/api/documents/inspections/" + id + "/samples", "{\"count\":3}").body());
        assertThat(sampled.get("added").asInt()).isEqualTo(3);
        long sampleId = sampled.get("inspection").get("samples").get(0).get("id").asLong();

        HttpResponse<String> outOfRange = rdec.put("/api/documents/inspections/samples/" + sampleId,
                "{\"format\":26,\"wording\":20,\"timeliness\":-1,\"classification\":20}");
        assertThat(outOfRange.statusCode()).isEqualTo(422);
        assertThat(outOfRange.body()).contains("format").contains("timeliness");
        HttpResponse<String> scored = rdec.put("/api/documents/inspections/samples/" + sampleId,
                "{\"format\":24,\"wording\":20,\"timeliness\":25,\"classification\":19,\"note\":\"主旨冗長\"}");
        assertThat(scored.statusCode()).isEqualTo(200);
        assertThat(rdec.get("/api/documents/inspections/" + id).body()).contains("\"score\":88.0");

        HttpResponse<String> finding = rdec.post("/api/documents/inspections/" + id + "/findings",
                "{\"sampleId\":" + sampleId + ",\"category\":\"WORDING\",\"description\":\"主旨未簡明\",\"dueOn\":\"2018-11-15\"}");
        assertThat(finding.statusCode()).as(finding.body()).isEqualTo(200);
        long findingId = Json.parse(finding.body()).get("id").asLong();
        assertThat(rdec.post("/api/documents/inspections/findings/" + findingId + "/close", "{}").statusCode()).isEqualTo(422);
        assertThat(Http.as(port, "officer.social").post("/api/documents/inspections/findings/" + findingId + "/response",
                "{\"response\":\"x\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> answered = officer.post("/api/documents/inspections/findings/" + findingId + "/response",
                "{\"response\":\"已修訂公文範本並辦理教育訓練\"}");
        assertThat(Json.parse(answered.body()).get("status").asString()).isEqualTo("RESPONDED");
        assertThat(officer.post("/api/documents/inspections/findings/" + findingId + "/close", "{}").statusCode()).isEqualTo(403);
        HttpResponse<String> closed = rdec.post("/api/documents/inspections/findings/" + findingId + "/close", "{}");
        assertThat(Json.parse(closed.body()).get("status").asString()).isEqualTo("CLOSED");

        assertThat(new FormClient(port, "officer").get("/documents/inspections/" + id).body()).contains("已修訂公文範本", "88");
        assertThat(new FormClient(port, "officer.social").get("/documents/inspections/" + id).statusCode()).isEqualTo(403);
        assertThat(new FormClient(port, "rdec").get("/documents/inspections?year=2018").body()).contains("臺中市政府建設局", "研考會公文檢核小組");
    }

    @Test
    void anInspectionNeedsAnAgencyADateAndInspectors() {
        HttpResponse<String> r = Http.as(port, "rdec").post("/api/documents/inspections", "{\"inspectors\":\"\"}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("agencyId").contains("visitOn").contains("inspectors");
    }
}
