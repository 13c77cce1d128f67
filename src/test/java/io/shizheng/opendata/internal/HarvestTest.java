package io.shizheng.opendata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import io.shizheng.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Harvest of URL resources from a local HTTP server (the only kind of host reachable here). */
@IntegrationTest
class HarvestTest {

    @LocalServerPort int port;
    @Autowired Harvester harvester;
    @Autowired QualitySchedule quality;
    @Autowired JdbcClient jdbc;

    HttpServer server;
    final AtomicReference<String> body = new AtomicReference<>();
    final AtomicInteger status = new AtomicInteger(200);

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed.csv", ex -> {
            byte[] b = body.get().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status.get(), status.get() == 200 ? b.length : -1);
            if (status.get() == 200) {
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(b);
                }
            }
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void changesBecomeVersionsAndAFailedFetchKeepsTheLastGoodCopy() {
        Ckan officer = Ckan.token(port, Ckan.issueToken(port, "officer.trans"));
        String name = "harvest-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(officer.post("package_create", "{\"name\":\"" + name + "\",\"title\":\"停車場即時車位\",\"owner_org\":\"trans\","
                + "\"maintainer_email\":\"parking@taichung.example\",\"extras\":[{\"key\":\"update_frequency\",\"value\":\"daily\"}]}").status()).isEqualTo(200);
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.csv";
        Ckan.Answer res = officer.post("resource_create", "{\"package_id\":\"" + name + "\",\"url\":\"" + url + "\",\"format\":\"CSV\"}");
        UUID id = UUID.fromString(res.result().path("id").asString());

        body.set("停車場,剩餘車位\n市政停車場,120\n");
        assertThat(harvester.harvest(id).status()).isEqualTo("changed");
        assertThat(harvester.harvest(id).status()).isEqualTo("unchanged");
        body.set("停車場,剩餘車位\n市政停車場,98\n");
        assertThat(harvester.harvest(id).status()).isEqualTo("changed");
        assertThat(jdbc.sql("select count(*) from opendata_resource_file where resource_id = ?").param(id).query(Long.class).single()).isEqualTo(2);
        assertThat(Ckan.anonymous(port).get("package_show", "id=" + name).result().path("extras").toString()).contains("\"gold\"");

        body.set("停車場,剩餘車位\n市政停車場\n");
        assertThat(harvester.harvest(id).status()).as("a ragged file is not taken").isEqualTo("failed");
        status.set(500);
        assertThat(harvester.harvest(id).status()).isEqualTo("failed");
        String served = new String(Ckan.anonymous(port).raw("/opendata/resources/" + id + "/download").body(), StandardCharsets.UTF_8);
        assertThat(served).contains("98");
        assertThat(jdbc.sql("select harvest_status from opendata_resource where id = ?").param(id).query(String.class).single()).isEqualTo("failed");
        assertThat(jdbc.sql("select count(*) from platform_outbox where to_address = 'parking@taichung.example' and entity_id = ?")
                .param(id.toString()).query(Long.class).single()).as("the owner is alerted once").isEqualTo(1);
        assertThat(Ckan.anonymous(port).get("package_show", "id=" + name).result().path("extras").toString()).contains("\"bronze\"");

        status.set(200);
        body.set("停車場,剩餘車位\n市政停車場,98\n");
        assertThat(harvester.harvest(id).status()).isEqualTo("unchanged");
        assertThat(jdbc.sql("select harvest_status from opendata_resource where id = ?").param(id).query(String.class).single()).isEqualTo("ok");
    }

    @Test
    void hostsOffTheAllowListAreNotFetched() {
        assertThat(harvester.allowed(java.net.URI.create("http://127.0.0.1:8080/x.csv"))).isTrue();
        assertThat(harvester.allowed(java.net.URI.create("http://data.example.org/x.csv"))).isFalse();
        assertThat(harvester.allowed(java.net.URI.create("file:///etc/passwd"))).isFalse();
    }

    @Test
    void theNightlyQualityRunRechecksEveryDatasetAndIsAudited() {
        long before = jdbc.sql("select count(*) from platform_audit_log where entity_type = 'opendata.quality-run'").query(Long.class).single();
        quality.recheckAll();
        assertThat(jdbc.sql("select count(*) from platform_audit_log where entity_type = 'opendata.quality-run'").query(Long.class).single())
                .isEqualTo(before + 1);
        assertThat(jdbc.sql("select count(*) from opendata_dataset where state <> 'deleted' and quality_level is null")
                .query(Long.class).single()).as("every dataset has a level after the run").isZero();
    }
}
