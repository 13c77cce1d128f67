package io.shizheng.platform;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;

/** Taiwan's 22 cities and counties as the bundled table jurisdictions/counties.csv lists them. */
final class Counties {

    static final String RESOURCE = "jurisdictions/counties.csv";

    /** One row: the atlas's COUNTYCODE and COUNTYENG, the official Chinese name, the government's web domain. */
    record County(String code, String name, String nameEn, String domain) {
    }

    private static final Map<String, County> BY_CODE = load();

    private Counties() {
    }

    static Optional<County> find(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code.strip()));
    }

    static Collection<County> all() {
        return Collections.unmodifiableCollection(BY_CODE.values());
    }

    private static Map<String, County> load() {
        Map<String, County> out = new LinkedHashMap<>();
        for (CSVRecord r : SeedFiles.readCsv(new ClassPathResource(RESOURCE))) {
            out.put(r.get("code"), new County(r.get("code"), r.get("name"), r.get("name_en"), r.get("domain")));
        }
        return out;
    }
}
