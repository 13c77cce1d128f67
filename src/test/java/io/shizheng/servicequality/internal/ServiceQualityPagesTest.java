package io.shizheng.servicequality.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every page renders for RDEC staff and for an agency officer, in Chinese first and in English on request. */
@IntegrationTest
class ServiceQualityPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String page(String user, String path) {
        HttpResponse<String> r = Http.as(port, user).get(path);
        assertThat(r.statusCode()).as("%s as %s: %s", path, user, r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void everyPageRendersForStaffAndOfficers() {
        long round = jdbc.sql("select id from servicequality_round where year = 2018 and month = 5").query(Long.class).single();
        long call = jdbc.sql("select id from servicequality_call where round_id = ? order by id limit 1").param(round).query(Long.class).single();
        long session = jdbc.sql("select id from servicequality_session where demo order by starts_at limit 1").query(Long.class).single();
        long reg = jdbc.sql("select id from servicequality_registration where session_id = ? and attended_at is not null order by id limit 1")
                .param(session).query(Long.class).single();
        long candidate = jdbc.sql("select id from servicequality_award_candidate where demo order by id limit 1").query(Long.class).single();
        for (String path : new String[] {"/servicequality?year=2018", "/servicequality/tests?year=2018",
                "/servicequality/tests/rounds/" + round, "/servicequality/tests/calls/" + call, "/servicequality/rubric?year=2018",
                "/servicequality/notices", "/servicequality/pass-rates?year=2018", "/servicequality/phone-stats?year=2018&month=3",
                "/servicequality/training?year=2018", "/servicequality/training/sessions/" + session,
                "/servicequality/training/registrations/" + reg + "/ticket", "/servicequality/training/registrations/" + reg + "/certificate",
                "/servicequality/training/check-in", "/servicequality/award?year=2018", "/servicequality/award/" + candidate}) {
            String body = page("rdec", path);
            assertThat(body).as(path).contains("示範");
        }
        assertThat(page("rdec", "/servicequality?year=2018&lang=en")).contains("Phone-test pass rate");
        assertThat(page("rdec", "/servicequality/pass-rates?year=2018")).contains("全市");
        String officer = page("officer", "/servicequality/notices");
        assertThat(officer).doesNotContain("社會局</strong>");
        assertThat(Http.as(port, "officer").get("/servicequality/training/check-in").statusCode()).isEqualTo(403);
        assertThat(page("officer", "/servicequality/training?year=2018")).doesNotContain("新增場次");
    }
}
