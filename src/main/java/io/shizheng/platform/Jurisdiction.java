package io.shizheng.platform;

import java.util.stream.Collectors;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The city or county this installation serves, set by {@code shizheng.jurisdiction.code} (a COUNTYCODE of the
 * bundled national atlas, listed in jurisdictions/counties.csv). Every other field defaults from that code through the
 * bundled table of Taiwan's 22 cities and counties (jurisdictions/counties.csv) and may be overridden.
 *
 * @param code                  the county code; district codes (TOWNCODE) start with it
 * @param name                  official Chinese name (the atlas's COUNTYNAME)
 * @param nameEn                English name (counties.csv)
 * @param government            the government's name; defaults to the name followed by 政府
 * @param governmentEn          defaults to the English name followed by " Government"
 * @param domain                the government's web domain (counties.csv)
 * @param open311JurisdictionId the Open311 jurisdiction_id; defaults to the domain
 * @param mailFrom              the sender address of e-mails to citizens and staff; defaults to noreply@ the domain
 * @param openDataTitle         the open-data portal's title (CKAN site_title, DCAT catalogue); defaults to the
 *                              government's name followed by 資料開放平臺
 * @param seedLocation          where the jurisdiction's seed files are (agencies.csv, plan-*.sql), ending in /;
 *                              defaults to classpath:jurisdictions/{code}/, may be file:/etc/shizheng/seed/
 */
@Validated
@ConfigurationProperties("shizheng.jurisdiction")
public record Jurisdiction(@NotBlank String code, @NotBlank String name, @NotBlank String nameEn,
                           @NotBlank String government, @NotBlank String governmentEn, @NotBlank String domain,
                           @NotBlank String open311JurisdictionId, @NotBlank @Email String mailFrom,
                           @NotBlank String openDataTitle, @NotBlank String seedLocation) {

    /** The jurisdiction the demo data are made for (demo/jurisdiction.properties), and the default. */
    public static final String DEMO_CODE = demoCode();

    public Jurisdiction {
        code = code == null ? DEMO_CODE : code.strip();
        String given = code;
        Counties.County county = Counties.find(code).orElseThrow(() -> new IllegalArgumentException(
                "shizheng.jurisdiction.code=" + given + " is not the code of one of Taiwan's 22 cities and counties "
                        + "in the bundled atlas; use one of: " + Counties.all().stream()
                        .map(c -> c.code() + " " + c.name()).collect(Collectors.joining(", "))));
        name = or(name, county.name());
        nameEn = or(nameEn, county.nameEn());
        government = or(government, name + "政府");
        governmentEn = or(governmentEn, nameEn + " Government");
        domain = or(domain, county.domain());
        open311JurisdictionId = or(open311JurisdictionId, domain);
        mailFrom = or(mailFrom, "noreply@" + domain);
        openDataTitle = or(openDataTitle, government + "資料開放平臺");
        seedLocation = or(seedLocation, "classpath:jurisdictions/" + code + "/");
        if (!seedLocation.endsWith("/")) {
            seedLocation = seedLocation + "/";
        }
    }

    /** The jurisdiction with every default, as an installation with only the code set has it. */
    public static Jurisdiction of(String code) {
        return new Jurisdiction(code, null, null, null, null, null, null, null, null, null);
    }

    /** Whether the demo data were made for this jurisdiction. */
    public boolean hasDemoData() {
        return DEMO_CODE.equals(code);
    }

    /** 全市 for a city, 全縣 for a county: the whole jurisdiction, as a report heading says it. */
    public String wholeZh() {
        return name.endsWith("縣") ? "全縣" : "全市";
    }

    /** City-wide or County-wide. */
    public String wholeEn() {
        return nameEn.endsWith("County") ? "County-wide" : "City-wide";
    }

    private static String demoCode() {
        java.util.Properties demo = new java.util.Properties();
        try (java.io.InputStream in = Jurisdiction.class.getResourceAsStream("/demo/jurisdiction.properties")) {
            if (in == null) {
                throw new IllegalStateException("demo/jurisdiction.properties is missing from the class path");
            }
            demo.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return demo.getProperty("code").strip();
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
