package io.shizheng.opendata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.shizheng.IntegrationTest;
import io.shizheng.plan.Evidence;
import io.shizheng.plan.MetricQuery;
import io.shizheng.platform.RocDate;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class SearchAndMetricTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired FirstPublishedMetric metric;
    @Autowired Clock clock;

    private String create(Ckan ckan, String title, String notes, String org, String tags, String state) {
        String name = "t-" + UUID.randomUUID().toString().substring(0, 10);
        Ckan.Answer a = ckan.post("package_create", "{\"name\":\"" + name + "\",\"title\":\"" + title + "\",\"notes\":\""
                + notes + "\",\"owner_org\":\"" + org + "\",\"tags\":[" + tags + "]" + (state == null ? "" : ",\"state\":\"" + state + "\"") + "}");
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        return name;
    }

    private static List<String> names(JsonNode result) {
        List<String> names = new ArrayList<>();
        result.path("results").forEach(r -> names.add(r.path("name").asString()));
        return names;
    }

    @Test
    void chineseWordsFindLongerCompoundsAndEnglishStems() {
        Ckan officer = Ckan.token(port, Ckan.issueToken(port, "officer.trans"));
        String routes = create(officer, "豐原區公車路線與站序", "Bus routes and stops of Fengyuan", "trans", "\"交通\"", null);
        String bikes = create(officer, "公共自行車租賃站即時車位", "Bike sharing stations", "trans", "\"iBike\"", null);
        Ckan anon = Ckan.anonymous(port);

        List<String> bus = names(anon.get("package_search", "rows=1000&q=" + Ckan.enc("公車")).result());
        assertThat(bus).contains(routes).doesNotContain(bikes);
        assertThat(names(anon.get("package_search", "rows=1000&q=" + Ckan.enc("路線")).result())).contains(routes);
        assertThat(names(anon.get("package_search", "rows=1000&q=route").result())).as("English stemming").contains(routes);
        assertThat(names(anon.get("package_search", "rows=1000&q=" + Ckan.enc("公車 Fengyuan")).result())).containsExactly(routes);
        assertThat(names(anon.get("package_search", "rows=1000&q=" + Ckan.enc("tags:iBike")).result())).contains(bikes).doesNotContain(routes);
    }

    @Test
    void facetsFiltersSortingAndPaging() {
        Ckan anon = Ckan.anonymous(port);
        JsonNode all = anon.get("package_search", "rows=3&facet.field=" + Ckan.enc("[\"organization\",\"res_format\",\"quality_level\",\"groups\"]")).result();
        long count = all.path("count").asLong();
        assertThat(count).isGreaterThan(5);
        assertThat(all.path("results").size()).isEqualTo(3);
        JsonNode orgs = all.path("search_facets").path("organization").path("items");
        assertThat(orgs.size()).isPositive();
        long sum = 0;
        for (JsonNode i : orgs) {
            sum += i.path("count").asLong();
        }
        assertThat(sum).isEqualTo(count);
        assertThat(all.path("facets").path("res_format").path("CSV").asLong()).isPositive();
        assertThat(all.path("search_facets").path("quality_level").path("items").toString()).contains("display_name");

        JsonNode trans = anon.get("package_search", "rows=1000&fq=" + Ckan.enc("organization:trans")).result();
        assertThat(trans.path("count").asLong()).isPositive().isLessThan(count);
        trans.path("results").forEach(r -> assertThat(r.path("owner_org").asString()).isEqualTo("trans"));

        JsonNode gold = anon.get("package_search", "rows=1000&fq=" + Ckan.enc("quality_level:gold")).result();
        gold.path("results").forEach(r -> assertThat(r.path("extras").toString()).contains("\"value\":\"gold\""));

        JsonNode byName = anon.get("package_search", "rows=5&sort=" + Ckan.enc("name asc")).result();
        List<String> n = names(byName);
        assertThat(n).isSorted();
        JsonNode second = anon.get("package_search", "rows=5&start=5&sort=" + Ckan.enc("name asc")).result();
        assertThat(names(second).get(0).compareTo(n.get(4))).isPositive();

        JsonNode modified = anon.get("package_search", "rows=1000&fq=" + Ckan.enc("metadata_modified:[2000-01-01T00:00:00Z TO *]")).result();
        assertThat(modified.path("count").asLong()).isEqualTo(count);
        assertThat(anon.get("package_search", "fq=" + Ckan.enc("colour:red")).status()).isEqualTo(409);
    }

    @Test
    void privateAndWithdrawnDatasetsStayOutOfPublicSearch() {
        Ckan officer = Ckan.token(port, Ckan.issueToken(port, "officer.trans"));
        String name = create(officer, "內部測試資料集甲乙丙", "secret", "trans", "", null);
        Ckan.Answer patch = officer.post("package_patch", "{\"id\":\"" + name + "\",\"private\":true}");
        assertThat(patch.result().path("private").asBoolean()).isTrue();
        String q = "q=" + Ckan.enc("甲乙丙") + "&include_private=true";
        assertThat(names(Ckan.anonymous(port).get("package_search", q).result())).doesNotContain(name);
        assertThat(names(officer.get("package_search", q).result())).contains(name);
        assertThat(Ckan.anonymous(port).get("package_list", null).result().toString()).doesNotContain(name);
    }

    @Test
    void metricCountsFirstPublicationOnceEvenWhenRepublished() {
        LocalDate today = LocalDate.now(clock.withZone(RocDate.TAIPEI));
        MetricQuery q = new MetricQuery(today, today, null);
        long before = metric.compute(q).value().longValue();
        Ckan officer = Ckan.token(port, Ckan.issueToken(port, "officer.trans"));
        String draft = create(officer, "草稿資料集", "x", "trans", "", "draft");
        assertThat(metric.compute(q).value().longValue()).as("a draft is not published").isEqualTo(before);

        String name = create(officer, "上架後下架再上架", "x", "trans", "", null);
        assertThat(metric.compute(q).value().longValue()).isEqualTo(before + 1);
        assertThat(Http.as(port, "officer.trans").post("/api/opendata/datasets/" + name + "/withdraw", "").statusCode()).isEqualTo(200);
        assertThat(Http.as(port, "officer.trans").post("/api/opendata/datasets/" + name + "/publish", "").statusCode()).isEqualTo(200);
        assertThat(metric.compute(q).value().longValue()).as("republished counts once").isEqualTo(before + 1);
        assertThat(Http.as(port, "officer.trans").post("/api/opendata/datasets/" + draft + "/publish", "").statusCode()).isEqualTo(200);
        assertThat(metric.compute(q).value().longValue()).isEqualTo(before + 2);

        long trans = jdbc.sql("select id from org_agency where code = 'TRANS'").query(Long.class).single();
        long epb = jdbc.sql("select id from org_agency where code = 'EPB'").query(Long.class).single();
        assertThat(metric.compute(new MetricQuery(today, today, trans)).value().longValue()).isGreaterThanOrEqualTo(2);
        assertThat(metric.compute(new MetricQuery(today, today, epb)).value().longValue()).isZero();
        Evidence e = metric.evidence(q);
        assertThat(e.total()).isEqualTo(before + 2);
        assertThat(e.rows().stream().map(r -> r.link()).toList()).contains("/opendata/datasets/" + name);
    }

    @Test
    void indicator25ComesFromTheCatalogue() {
        assertThat(jdbc.sql("select source from plan_indicator where code = '2.5' and plan_id = "
                + "(select id from plan_plan where year = 2018)").query(String.class).single())
                .isEqualTo("METRIC:" + FirstPublishedMetric.NAME);
        long fy107 = metric.compute(new MetricQuery(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31), null)).value().longValue();
        assertThat(fy107).isEqualTo(jdbc.sql("select count(*) from opendata_dataset where demo and first_published_at >= "
                + "'2018-01-01T00:00:00+08' and first_published_at < '2019-01-01T00:00:00+08'").query(Long.class).single());
        assertThat(fy107).isPositive();
        JsonNode s = Json.parse(Http.anonymous(port).get("/api/plans/2018/scorecard").body());
        JsonNode i25 = null;
        for (JsonNode g : s.get("goals")) {
            for (JsonNode i : g.get("indicators")) {
                if (i.get("code").asString().equals("2.5")) {
                    i25 = i;
                }
            }
        }
        assertThat(i25).isNotNull();
        assertThat(i25.get("actual").decimalValue().longValue()).isEqualTo(fy107);
        String evidence = Http.anonymous(port).get("/plan/metrics/" + FirstPublishedMetric.NAME + "?from=2018-01-01&to=2018-12-31").body();
        assertThat(evidence).contains("/opendata/datasets/tc-");
    }
}
