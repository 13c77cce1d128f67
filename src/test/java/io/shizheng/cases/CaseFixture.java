package io.shizheng.cases;

import java.net.http.HttpResponse;
import java.util.UUID;

import io.shizheng.support.Http;
import io.shizheng.support.Json;
import tools.jackson.databind.JsonNode;

/** Cases made through the API for one test, with their own unique text. */
final class CaseFixture {

    static final double LON = 120.6469;   // Taichung City Hall, Xitun
    static final double LAT = 24.1617;

    private CaseFixture() {
    }

    static JsonNode create(int port, String user, String json) {
        HttpResponse<String> r = Http.as(port, user).post("/api/cases", json);
        if (r.statusCode() != 201) {
            throw new AssertionError("intake failed: " + r.statusCode() + " " + r.body());
        }
        return Json.parse(r.body());
    }

    static String streetlight(double lon, double lat, String description) {
        return """
                {"type":"REPORT","channel":"PHONE","category":"STREETLIGHT","description":"%s","lon":%s,"lat":%s,
                 "name":"林美玲","phone":"0922-333-444","email":"lin.meiling@example.invalid","idNumber":"B223456789",
                 "citizenAddress":"臺中市西屯區市政路100號","replyBy":"EMAIL"}""".formatted(description, lon, lat);
    }

    static String unique(String text) {
        return text + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
