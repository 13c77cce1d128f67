package io.shizheng.projects.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.shizheng.IntegrationTest;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Indicator 1.1 of the FY107 scorecard comes from project data, and its drill-down adds up to the headline. */
@IntegrationTest
class OnTimeMetricTest {

    @LocalServerPort
    int port;

    @Autowired
    AgencyDirectory agencies;

    private static JsonNode indicator(JsonNode scorecard, String code) {
        for (JsonNode g : scorecard.get("goals")) {
            for (JsonNode i : g.get("indicators")) {
                if (i.get("code").asString().equals(code)) {
                    return i;
                }
            }
        }
        throw new AssertionError("no indicator " + code);
    }

    private static BigDecimal share(JsonNode evidence) {
        long yes = 0;
        for (JsonNode row : evidence.get("rows")) {
            yes += row.get("cells").get(6).asString().startsWith("是") ? 1 : 0;
        }
        return BigDecimal.valueOf(yes * 100).divide(BigDecimal.valueOf(evidence.get("total").asLong()), 2, RoundingMode.HALF_UP);
    }

    @Test
    void theScorecardComputesIndicatorOneOneFromProjects() {
        JsonNode s = Json.parse(Http.anonymous(port).get("/api/plans/2018/scorecard").body());
        JsonNode i = indicator(s, "1.1");
        assertThat(i.get("source").asString()).isEqualTo("METRIC:" + OnTimeClosureMetric.NAME);
        assertThat(i.get("actual").decimalValue()).isBetween(new BigDecimal("60"), new BigDecimal("100"));

        JsonNode evidence = Json.parse(Http.anonymous(port).get("/api/plans/2018/indicators/1.1/evidence").body());
        assertThat(evidence.get("total").asLong()).isEqualTo(evidence.get("rows").size()).isPositive();
        assertThat(share(evidence)).isEqualByComparingTo(i.get("actual").decimalValue());
        evidence.get("rows").forEach(r -> assertThat(r.get("link").asString()).matches("/projects/\\d+"));
    }

    @Test
    void perAgencyTheDrillDownMatchesTooAndStaysInTheAgency() {
        long construction = agencies.findByCode("CONST").orElseThrow().id();
        JsonNode series = Json.parse(Http.anonymous(port).get("/api/plans/2018/indicators/1.1/series?agency=" + construction).body());
        JsonNode evidence = Json.parse(Http.anonymous(port).get("/api/plans/2018/indicators/1.1/evidence?agency=" + construction).body());
        assertThat(evidence.get("total").asLong()).isPositive();
        evidence.get("rows").forEach(r -> assertThat(r.get("cells").get(2).asString()).isEqualTo("臺中市政府建設局"));
        long cityWide = Json.parse(Http.anonymous(port).get("/api/plans/2018/indicators/1.1/evidence").body()).get("total").asLong();
        assertThat(evidence.get("total").asLong()).isLessThan(cityWide);
        // the months' denominators add up to the year's
        long months = 0;
        for (JsonNode p : series.get("points")) {
            months += p.hasNonNull("denominator") ? p.get("denominator").asLong() : 0;
        }
        assertThat(months).isEqualTo(evidence.get("total").asLong());
    }
}
