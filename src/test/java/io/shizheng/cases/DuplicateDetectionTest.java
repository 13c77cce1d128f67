package io.shizheng.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** On intake: open cases of the same category within 50 m and 14 days, and text-similar ones (smartcn). */
@IntegrationTest
class DuplicateDetectionTest {

    // a quiet spot in Wuqi District, away from the other tests' points
    static final double LON = 120.5312;
    static final double LAT = 24.2551;
    static final double METRE = 1 / 111_320.0;

    @LocalServerPort
    int port;

    private String report(String category, double lon, double lat, String text) {
        return CaseFixture.create(port, "agent", """
                {"type":"REPORT","channel":"PHONE","category":"%s","description":"%s","lon":%s,"lat":%s}"""
                .formatted(category, text, lon, lat)).get("caseNo").asString();
    }

    private static List<String> caseNos(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("caseNo").asString()));
        return out;
    }

    private JsonNode duplicates(String category, double lon, double lat, String text) {
        return Json.parse(Http.as(port, "agent").get("/api/cases/duplicates?category=" + category + "&lon=" + lon + "&lat=" + lat
                + "&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)).body());
    }

    @Test
    void theSameCategoryWithinFiftyMetresIsShownNearestFirst() {
        String near = report("POTHOLE", LON, LAT + 20 * METRE, CaseFixture.unique("梧棲路面坑洞"));
        String nearer = report("POTHOLE", LON, LAT + 5 * METRE, CaseFixture.unique("梧棲坑洞又一個"));
        String far = report("POTHOLE", LON, LAT + 80 * METRE, CaseFixture.unique("梧棲遠處坑洞"));
        String otherKind = report("LITTER", LON, LAT + 3 * METRE, CaseFixture.unique("梧棲垃圾"));
        JsonNode nearby = duplicates("POTHOLE", LON, LAT, "路面有洞").get("nearby");
        List<String> found = caseNos(nearby);
        assertThat(found).contains(near, nearer).doesNotContain(far, otherKind);
        assertThat(found.indexOf(nearer)).isLessThan(found.indexOf(near));
        assertThat(nearby.get(found.indexOf(near)).get("metres").asDouble()).isBetween(15.0, 25.0);
    }

    @Test
    void closedCasesAreNotDuplicates() {
        String closed = report("TREE", LON + 0.001, LAT, CaseFixture.unique("梧棲路樹倒塌"));
        Http.as(port, "officer").post("/api/cases/" + closed + "/close", "{\"reply\":\"已移除\",\"closingCategory\":\"RESOLVED\"}");
        assertThat(caseNos(duplicates("TREE", LON + 0.001, LAT, "路樹").get("nearby"))).doesNotContain(closed);
    }

    @Test
    void similarTextIsFoundWithTheChineseAnalyserWhateverTheWordOrder() {
        String signal = report("SIGNAL", LON + 0.01, LAT + 0.01, "梧棲大庄路與文化路口的號誌故障，紅燈一直不亮 " + CaseFixture.unique(""));
        JsonNode similar = duplicates("SIGNAL", LON + 0.05, LAT + 0.05, "文化路大庄路口紅綠燈號誌故障").get("similar");
        assertThat(caseNos(similar)).contains(signal);
        assertThat(caseNos(duplicates(null, LON, LAT, "育兒津貼何時撥款").get("similar"))).doesNotContain(signal);
    }

    @Test
    void anAgentLinksADuplicateInsteadOfDispatchingTwice() {
        String first = report("DRAIN", LON - 0.002, LAT, CaseFixture.unique("梧棲側溝堵塞"));
        JsonNode dup = CaseFixture.create(port, "agent", """
                {"type":"REPORT","channel":"PHONE","category":"DRAIN","description":"%s","lon":%s,"lat":%s,"duplicateOf":"%s"}"""
                .formatted(CaseFixture.unique("同一條側溝"), LON - 0.002, LAT, first));
        assertThat(dup.get("status").asString()).isEqualTo("CLOSED");
        assertThat(dup.get("closingCategory").asString()).isEqualTo("DUPLICATE");
        assertThat(dup.get("relatedCaseNo").asString()).isEqualTo(first);
        List<String> kinds = new ArrayList<>();
        dup.get("hops").forEach(h -> kinds.add(h.get("kind").asString()));
        assertThat(kinds).contains("LINK");
    }
}
