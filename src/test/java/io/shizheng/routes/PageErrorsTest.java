package io.shizheng.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pages say 403, 404 or 400 where they mean it, on the one error page in the layout, never 500 (issue #10's
 * reproductions, asked as curl asks: HTTP Basic, any content type); /plan/2018 renders to its end (issue #9).
 */
@IntegrationTest
class PageErrorsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOfficerAskingForAnotherAgencysCaseIsRefusedOnAPage() {
        String caseNo = jdbc.sql("select case_no from cases_case where agency_id <> (select id from org_agency where code = 'CONST') "
                + "order by id limit 1").query(String.class).single();
        HttpResponse<String> r = Http.as(port, "officer").get("/cases/" + caseNo);
        assertThat(r.statusCode()).as(r.body()).isIn(403, 404);
        assertErrorPage(r);
    }

    @Test
    void anOfficerIsRefusedTheCalendarAdministration() {
        HttpResponse<String> r = Http.as(port, "officer").get("/admin/calendar");
        assertThat(r.statusCode()).isEqualTo(403);
        assertErrorPage(r);
        assertThat(r.body()).contains("403 Forbidden");
    }

    @Test
    void aCaseThatDoesNotExistIsNotFound() {
        HttpResponse<String> r = Http.as(port, "admin").get("/cases/99999999999999");
        assertThat(r.statusCode()).isEqualTo(404);
        assertErrorPage(r);
    }

    @Test
    void anExchangeDatasetThatDoesNotExistIsNotFoundAndNamed() {
        HttpResponse<String> r = Http.as(port, "admin").get("/exchange/datasets/nope");
        assertThat(r.statusCode()).isEqualTo(404);
        assertErrorPage(r);
        assertThat(r.body()).contains("nope").contains("no such exchange dataset");
    }

    @Test
    void aMonthOutOfRangeIsABadRequestWithTheRule() {
        HttpResponse<String> r = Http.anonymous(port).get("/plan/2018/indicators/1.1?month=13");
        assertThat(r.statusCode()).isEqualTo(400);
        assertErrorPage(r);
        assertThat(r.body()).contains("month must be 1 to 12");
    }

    @Test
    void apisKeepAnsweringProblemJson() {
        HttpResponse<String> r = Http.as(port, "admin").get("/api/projects/99999999");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"status\":404");
    }

    @Test
    void thePlanTextRendersToItsEndWithTheTotalBudget() {
        HttpResponse<String> r = Http.anonymous(port).get("/plan/2018");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("EL1004E").contains("合計");
        assertThat(r.body().strip()).as("the page renders past the total budget to its end").endsWith("</html>");
    }

    /** The one error page: the layout around it (navigation, footer), the message in an alert, the page complete. */
    private static void assertErrorPage(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("class=\"topbar\"").contains("class=\"footer\"").contains("role=\"alert\"")
                .doesNotContain("Exception");
        assertThat(r.body().strip()).endsWith("</html>");
    }
}
