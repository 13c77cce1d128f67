package io.shizheng.projects.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import io.shizheng.support.Http;
import io.shizheng.support.Json;
import tools.jackson.databind.JsonNode;

/** Creates a fresh controlled project over the API for one test, with a known planned curve. */
final class ProjectFixture {

    private static final AtomicInteger SEQ = new AtomicInteger();

    /** Planned % Jan..Dec of the year; allocation follows it (total 12,000 thousand). */
    static final String CURVE = "[5,10,20,30,40,50,60,70,80,90,95,100]";

    private ProjectFixture() {
    }

    static String code(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000_000L + "-" + SEQ.incrementAndGet();
    }

    /** A CONST project over a whole year with the curve above; returns its JSON summary. */
    static JsonNode create(int port, String agency, int year, String extra) {
        String body = "{\"code\":\"" + code("T") + "\",\"name\":\"測試工程\",\"agency\":\"" + agency + "\",\"level\":\"CITY\","
                + "\"category\":\"CONSTRUCTION\",\"lon\":120.6467,\"lat\":24.1631,\"startDate\":\"" + year + "-01-01\","
                + "\"plannedEnd\":\"" + year + "-12-31\",\"totalBudget\":12000,\"annualBudget\":12000,"
                + "\"contactEmail\":\"pm@example.org\",\"curve\":" + CURVE + (extra == null ? "" : "," + extra) + "}";
        HttpResponse<String> r = Http.as(port, "rdec").post("/api/projects", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Json.parse(r.body());
    }
}
