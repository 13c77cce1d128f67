package io.shizheng.cases.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Case types with their deadline rules and the categories (Open311 services); small tables read on demand. A retired
 * category is no longer offered ({@link #categories()}, {@link #category}) but still names its old cases ({@link #known}).
 */
@Component
public class Catalogue {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long TTL_MILLIS = 30_000;
    private final JdbcClient jdbc;
    // small, rarely edited tables: kept for half a minute so that lists and the public API do not re-read them per row
    private volatile Cached cached;

    private record Cached(List<CaseType> types, List<Category> all, List<Category> categories, long loadedAt) {
    }

    Catalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private Cached cached() {
        Cached c = cached;
        if (c == null || System.currentTimeMillis() - c.loadedAt() > TTL_MILLIS) {
            List<Category> all = loadCategories();
            c = new Cached(loadTypes(), all, all.stream().filter(Category::active).toList(), System.currentTimeMillis());
            cached = c;
        }
        return c;
    }

    List<CaseType> types() {
        return cached().types();
    }

    /** The categories offered for new cases (not retired). */
    public List<Category> categories() {
        return cached().categories();
    }

    /** Every category, retired ones too: what old cases, lists and reports are named by. */
    public List<Category> allCategories() {
        return cached().all();
    }

    /** Forgets the cached tables after an edit: seen at once here, within half a minute on other instances. */
    void changed() {
        cached = null;
    }

    private List<CaseType> loadTypes() {
        return jdbc.sql("select code, name, name_en, reply_days, from_next_day, reassign_days from cases_type order by sort")
                .query((rs, n) -> new CaseType(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getBoolean(5), rs.getInt(6))).list();
    }

    public Optional<CaseType> type(String code) {
        return types().stream().filter(t -> t.code().equals(code)).findFirst();
    }

    private List<Category> loadCategories() {
        return jdbc.sql("select code, name, name_en, description, grp, keywords, agency_code, by_district, needs_location, "
                        + "attributes::text, sort, active from cases_category order by sort, code")
                .query((rs, n) -> new Category(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getBoolean(9),
                        attributes(rs.getString(10)), rs.getInt(11), rs.getBoolean(12))).list();
    }

    /** A category offered for new cases; empty for an unknown or retired one. */
    public Optional<Category> category(String code) {
        return categories().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** Any category, retired or not: for naming existing cases. */
    public Optional<Category> known(String code) {
        return allCategories().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** Every category by code, retired ones too (existing cases are shown with theirs). */
    public Map<String, Category> categoryMap() {
        Map<String, Category> m = new java.util.LinkedHashMap<>();
        allCategories().forEach(c -> m.put(c.code(), c));
        return m;
    }

    static List<Category.Attribute> attributes(String json) {
        List<Map<String, Object>> raw = JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() { });
        return raw.stream().map(a -> {
            @SuppressWarnings("unchecked")
            List<Map<String, String>> values = (List<Map<String, String>>) a.getOrDefault("values", List.of());
            return new Category.Attribute((String) a.get("code"), (String) a.get("datatype"),
                    Boolean.TRUE.equals(a.get("required")), (String) a.get("description"),
                    ((Number) a.getOrDefault("order", 0)).intValue(), values);
        }).toList();
    }
}
