package io.shizheng.org.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.shizheng.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class ApiTokenTest {

    @LocalServerPort int port;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void issueUseAndRevokeAToken() throws Exception {
        HttpResponse<String> issued = http.send("POST", "/api/account/tokens", "{\"name\":\"每月報表腳本\"}",
                "Authorization", Http.basic("officer"));
        assertThat(issued.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(issued.body());
        String token = body.path("token").asString();
        long id = body.path("id").asLong();
        assertThat(token).startsWith("shz_").hasSizeGreaterThan(40);
        String bearer = "Bearer " + token;

        HttpResponse<String> me = http.get("/api/account", "Authorization", bearer);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json.readTree(me.body()).path("username").asString()).isEqualTo("officer");
        assertThat(json.readTree(me.body()).path("roles").get(0).asString()).isEqualTo("AGENCY_OFFICER");

        JsonNode listed = json.readTree(http.get("/api/account/tokens", "Authorization", bearer).body());
        JsonNode mine = null;
        for (JsonNode t : listed) {
            if (t.path("id").asLong() == id) {
                mine = t;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("lastUsedAt").isNull()).isFalse();
        assertThat(mine.has("token")).as("the raw token is never listed").isFalse();
        assertThat(jdbc.sql("select count(*) from platform_audit_log where after_state::text like ?")
                .param("%" + token + "%").query(Long.class).single()).as("raw token in audit log").isZero();

        assertThat(http.send("DELETE", "/api/account/tokens/" + id, null, "Authorization", Http.basic("officer"))
                .statusCode()).isEqualTo(204);
        HttpResponse<String> after = http.get("/api/account", "Authorization", bearer);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void someoneElseCannotRevokeMyToken() throws Exception {
        JsonNode body = json.readTree(http.send("POST", "/api/account/tokens", "{\"name\":\"sync\"}",
                "Authorization", Http.basic("agent")).body());
        long id = body.path("id").asLong();
        assertThat(http.send("DELETE", "/api/account/tokens/" + id, null, "Authorization", Http.basic("reviewer"))
                .statusCode()).isEqualTo(404);
        assertThat(http.get("/api/account", "Authorization", "Bearer " + body.path("token").asString()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aTokenNeedsAName() throws Exception {
        HttpResponse<String> res = http.send("POST", "/api/account/tokens", "{\"name\":\" \"}",
                "Authorization", Http.basic("officer"));
        assertThat(res.statusCode()).isEqualTo(422);
        assertThat(res.body()).contains("\"field\":\"name\"");
    }

    @Test
    void anUnknownTokenIsUnauthorized() throws Exception {
        assertThat(http.get("/api/account", "Authorization", "Bearer shz_not-a-real-token").statusCode())
                .isEqualTo(401);
        assertThat(http.get("/api/account").statusCode()).isEqualTo(401);
    }
}
