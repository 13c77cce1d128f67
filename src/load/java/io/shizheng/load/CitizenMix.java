package io.shizheng.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * What citizens, the press and apps do on a publication day, as an open workload (arrivals per second, not a fixed
 * number of users): follow city reports over Open311, file one and follow it to its status page, read the
 * scorecard page and its JSON, search the open-data catalogue and open a dataset. Parameters as system properties:
 * {@code base} (http://127.0.0.1:18080), {@code rate} (arrivals per second over all flows, 20), {@code minutes} (10).
 * Every request must succeed: the run fails on the first percent of errors above zero.
 */
public class CitizenMix extends Simulation {

    static final String BASE = System.getProperty("base", "http://127.0.0.1:18080");
    static final double RATE = Double.parseDouble(System.getProperty("rate", "20"));
    static final Duration DURATION = Duration.ofSeconds(Math.round(Double.parseDouble(System.getProperty("minutes", "10")) * 60));
    static final String OPEN311_KEY = System.getProperty("open311Key", "demo-open311-key");

    static final List<String> TERMS = List.of("公車", "停車", "空氣", "人口", "預算", "路燈", "觀光", "學校", "bus", "parking");

    /** Points inside the demo city (Taichung's urban districts), so that every report is accepted. */
    static final double[][] POINTS = {{120.6469, 24.1617}, {120.6847, 24.1372}, {120.6612, 24.1805}, {120.7005, 24.1506},
            {120.6418, 24.1482}, {120.6781, 24.1655}};

    HttpProtocolBuilder protocol = http.baseUrl(BASE).acceptHeader("application/json, text/html;q=0.9")
            .acceptLanguageHeader("zh-TW,zh;q=0.9,en;q=0.5").userAgentHeader("shizheng-load/1 (Gatling)")
            .disableCaching().shareConnections();

    static Iterator<Map<String, Object>> reports() {
        return Stream.generate(() -> {
            double[] p = POINTS[ThreadLocalRandom.current().nextInt(POINTS.length)];
            double jitter = ThreadLocalRandom.current().nextDouble(-0.002, 0.002);
            return Map.<String, Object>of("lon", String.format("%.6f", p[0] + jitter), "lat", String.format("%.6f", p[1] - jitter),
                    "idem", UUID.randomUUID().toString());
        }).iterator();
    }

    static Iterator<Map<String, Object>> terms() {
        return Stream.generate(() -> Map.<String, Object>of("q", TERMS.get(ThreadLocalRandom.current().nextInt(TERMS.size()))))
                .iterator();
    }

    ScenarioBuilder followReports = scenario("Open311: list open requests and the services")
            .exec(http("GET requests.json").get("/open311/v2/requests.json?status=open").check(status().is(200)))
            .exec(http("GET services.json").get("/open311/v2/services.json").check(status().is(200)));

    ScenarioBuilder fileAndFollow = scenario("Open311: file a report, then follow it")
            .feed(reports())
            .exec(http("POST requests.json").post("/open311/v2/requests.json")
                    .header("Idempotency-Key", "#{idem}")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .body(StringBody("api_key=" + OPEN311_KEY + "&service_code=STREETLIGHT&attribute%5Blight_state%5D=off"
                            + "&lat=#{lat}&long=#{lon}&description=%E8%B7%AF%E7%87%88%E4%B8%8D%E4%BA%AE%EF%BC%88%E8%B2%A0%E8%BC%89%E6%B8%AC%E8%A9%A6%EF%BC%89"))
                    .check(status().is(201))
                    .check(jsonPath("$[0].service_request_id").saveAs("caseNo"))
                    .check(regex("verification code (\\d+)").saveAs("code")))
            .exec(http("GET request by id").get("/open311/v2/requests/#{caseNo}.json").check(status().is(200)))
            .exec(http("GET status page").get("/cases/status?no=#{caseNo}&code=#{code}").check(status().is(200))
                    .check(regex("#{caseNo}").exists()));

    ScenarioBuilder readScorecard = scenario("Scorecard: the page and its JSON")
            .exec(http("GET / (scorecard page)").get("/").check(status().is(200)))
            .exec(http("GET scorecard JSON").get("/api/plans/2018/scorecard").check(status().is(200)));

    ScenarioBuilder searchOpenData = scenario("Open data: search, then open a dataset")
            .feed(terms())
            .exec(http("CKAN package_search").get("/api/3/action/package_search?q=#{q}&rows=10").check(status().is(200))
                    .check(jsonPath("$.result.results[0].name").optional().saveAs("name")))
            .doIf(session -> session.contains("name")).then(
                    exec(http("CKAN package_show").get("/api/3/action/package_show?id=#{name}").check(status().is(200))));

    {
        // the mix of arrivals: a third follow reports, a quarter read the scorecard, a quarter search open data
        setUp(followReports.injectOpen(constantUsersPerSec(RATE * 0.35).during(DURATION)),
                fileAndFollow.injectOpen(constantUsersPerSec(RATE * 0.05).during(DURATION)),
                readScorecard.injectOpen(constantUsersPerSec(RATE * 0.30).during(DURATION)),
                searchOpenData.injectOpen(constantUsersPerSec(RATE * 0.30).during(DURATION)))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }
}
