package io.shizheng.opendata.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shizheng.org.AgencyScope;
import io.shizheng.opendata.internal.SearchIndex.Doc;
import io.shizheng.opendata.internal.SearchIndex.Hit;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.ShizhengUser;
import org.springframework.stereotype.Service;

/**
 * package_search: free text (q), filter queries (fq, and field:value inside q), facets, sorting and paging,
 * over what the caller may see. Filters follow CKAN's Solr field names.
 */
@Service
public class DatasetSearch {

    static final List<String> DEFAULT_FACETS = List.of("organization", "groups", "tags", "res_format", "license_id",
            "quality_level");
    private static final Pattern FILTER = Pattern.compile(
            "([+-]?)([a-z_]+):(\"[^\"]*\"|\\[[^\\]]*\\]|\\S+)");
    private static final Pattern RANGE = Pattern.compile("\\[\\s*(\\S+)\\s+TO\\s+(\\S+)\\s*\\]");

    public record Query(String q, String fq, int rows, int start, String sort, List<String> facetFields, int facetLimit,
                 boolean includeDrafts, boolean includePrivate) {
    }

    public record FacetItem(String name, String displayName, long count) {
    }

    public record Result(long count, List<Dataset> results, String sort, Map<String, List<FacetItem>> facets) {
    }

    private final SearchIndex index;
    private final DatasetStore store;
    private final AgencyDirectory agencies;
    private final AgencyNames names;
    private volatile Map<String, String> groupTitles;
    private volatile long groupTitlesAt;

    DatasetSearch(SearchIndex index, DatasetStore store, AgencyDirectory agencies, AgencyNames names) {
        this.index = index;
        this.store = store;
        this.agencies = agencies;
        this.names = names;
    }

    /** Group titles for facet labels, re-read at most every 30 seconds. */
    private Map<String, String> groupTitles() {
        Map<String, String> g = groupTitles;
        if (g == null || System.nanoTime() - groupTitlesAt > 30_000_000_000L) {
            Map<String, String> fresh = new HashMap<>();
            store.groups().forEach(x -> fresh.put(x.name(), x.title()));
            groupTitles = g = fresh;
            groupTitlesAt = System.nanoTime();
        }
        return g;
    }

    public Result search(Query query, ShizhengUser user) {
        if (query.rows() < 0 || query.rows() > 1000) {
            throw new InvalidInputException("rows", "rows 須介於 0 與 1000 / rows must be between 0 and 1000");
        }
        if (query.start() < 0) {
            throw new InvalidInputException("start", "start 不可為負 / start must not be negative");
        }
        List<Predicate<Doc>> filters = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        if (query.q() != null && !query.q().isBlank() && !query.q().strip().equals("*:*")) {
            Matcher m = FILTER.matcher(query.q());
            int last = 0;
            while (m.find()) {
                Predicate<Doc> p = filter(m, "q", false);
                if (p != null) {
                    text.append(query.q(), last, m.start()).append(' ');
                    filters.add(p);
                    last = m.end();
                }
            }
            text.append(query.q().substring(last));
        }
        if (query.fq() != null && !query.fq().isBlank()) {
            Matcher m = FILTER.matcher(query.fq());
            int last = 0;
            while (m.find()) {
                String between = query.fq().substring(last, m.start()).replace("AND", "").strip();
                if (!between.isEmpty()) {
                    throw new InvalidInputException("fq", "無法解析 fq：" + between + " / fq must be field:value terms");
                }
                filters.add(filter(m, "fq", true));
                last = m.end();
            }
            if (!query.fq().substring(last).replace("AND", "").isBlank()) {
                throw new InvalidInputException("fq", "無法解析 fq / fq must be field:value terms");
            }
        }
        List<Hit> hits;
        try {
            hits = index.match(text.toString().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("q", "查詢語法有誤 / Cannot parse the query: " + e.getMessage());
        }
        AgencyScope scope = user == null ? AgencyScope.none() : agencies.scopeOf(user);
        Predicate<Doc> visible = d -> {
            if (d.publiclyVisible()) {
                return true;
            }
            if (!scope.covers(d.agencyId())) {
                return false;
            }
            if (d.state() == Dataset.State.deleted) {
                return false;
            }
            boolean draftOk = d.state() == Dataset.State.published || query.includeDrafts();
            boolean privateOk = !d.isPrivate() || query.includePrivate();
            return draftOk && privateOk;
        };
        List<Hit> matched = new ArrayList<>();
        outer:
        for (Hit h : hits) {
            if (!visible.test(h.doc())) {
                continue;
            }
            for (Predicate<Doc> f : filters) {
                if (!f.test(h.doc())) {
                    continue outer;
                }
            }
            matched.add(h);
        }
        String sort = query.sort() == null || query.sort().isBlank() ? "score desc, metadata_modified desc" : query.sort();
        Map<String, List<FacetItem>> facets = facets(matched, query.facetFields(), query.facetLimit());
        List<Long> page = top(matched, comparator(sort), query.start(), query.rows()).stream()
                .map(h -> h.doc().id()).toList();
        return new Result(matched.size(), store.findAll(page), sort, facets);
    }

    /** The page [start, start+rows) in order; a bounded heap when the page is near the top, as it nearly always is. */
    static List<Hit> top(List<Hit> hits, Comparator<Hit> order, int start, int rows) {
        // a start near Integer.MAX_VALUE is an empty page, not an overflow
        long end = (long) start + rows;
        if (end >= hits.size() || end > 1000) {
            int k = (int) Math.min(end, hits.size());
            List<Hit> all = new ArrayList<>(hits);
            all.sort(order);
            return all.subList(Math.min(start, all.size()), k);
        }
        int k = (int) end;
        java.util.PriorityQueue<Hit> heap = new java.util.PriorityQueue<>(k + 1, order.reversed());
        for (Hit h : hits) {
            if (heap.size() < k) {
                heap.add(h);
            } else if (k > 0 && order.compare(h, heap.peek()) < 0) {
                heap.poll();
                heap.add(h);
            }
        }
        List<Hit> best = new ArrayList<>(heap);
        best.sort(order);
        return best.subList(Math.min(start, best.size()), best.size());
    }

    /** A filter value without its quotes; a lone or unbalanced quote is not a quote pair. */
    static String unquoted(String raw) {
        if (!raw.startsWith("\"")) {
            return raw;
        }
        String inner = raw.substring(1);
        return inner.endsWith("\"") ? inner.substring(0, inner.length() - 1) : inner;
    }

    private Predicate<Doc> filter(Matcher m, String param, boolean strict) {
        boolean negate = "-".equals(m.group(1));
        String field = m.group(2);
        String raw = m.group(3);
        String value = unquoted(raw);
        Predicate<Doc> p = switch (field) {
            case "organization", "owner_org" -> d -> d.org().equalsIgnoreCase(value) || String.valueOf(d.agencyId()).equals(value);
            case "tags" -> d -> d.tags().contains(value);
            case "groups" -> d -> d.groups().contains(value);
            case "res_format" -> d -> d.formats().contains(value.toUpperCase(Locale.ROOT));
            case "license_id" -> d -> value.equals(d.license());
            case "quality_level", "quality" -> d -> value.equalsIgnoreCase(String.valueOf(d.quality()));
            case "name" -> d -> d.name().equals(value);
            case "dataset_type" -> d -> "dataset".equals(value) || "*".equals(value);
            case "state" -> d -> value.equals(d.state().ckan()) || value.equals(d.state().name());
            case "metadata_modified", "metadata_created" -> range(field, value, param);
            default -> null;
        };
        if (p == null) {
            if (strict) {
                throw new InvalidInputException(param, "不支援的欄位 " + field + " / Unknown search field: " + field
                        + " (organization, tags, groups, res_format, license_id, quality_level, name, metadata_modified)");
            }
            return null;
        }
        return negate ? p.negate() : p;
    }

    private static Predicate<Doc> range(String field, String value, String param) {
        Matcher r = RANGE.matcher(value);
        if (!r.matches()) {
            throw new InvalidInputException(param, field + " 須為 [起 TO 迄] / must be a range [from TO to]");
        }
        Instant from = bound(r.group(1), Instant.MIN, param);
        Instant to = bound(r.group(2), Instant.MAX, param);
        return d -> {
            Instant t = "metadata_created".equals(field) ? d.created() : d.modified();
            return t != null && !t.isBefore(from) && !t.isAfter(to);
        };
    }

    private static Instant bound(String s, Instant open, String param) {
        if ("*".equals(s)) {
            return open;
        }
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(s.endsWith("Z") ? s : s + "Z");
        } catch (RuntimeException e) {
            throw new InvalidInputException(param, "日期格式須為 ISO 8601 / dates must be ISO 8601: " + s);
        }
    }

    private static Comparator<Hit> comparator(String sort) {
        Comparator<Hit> result = null;
        for (String part : sort.split(",")) {
            String[] words = part.strip().split("\\s+");
            if (words.length == 0 || words[0].isEmpty()) {
                continue;
            }
            boolean desc = words.length > 1 && words[1].equalsIgnoreCase("desc");
            Comparator<Hit> c = switch (words[0]) {
                case "score" -> Comparator.comparingDouble(Hit::score);
                case "metadata_modified" -> Comparator.comparing(h -> h.doc().modified(), Comparator.nullsFirst(Comparator.naturalOrder()));
                case "metadata_created" -> Comparator.comparing(h -> h.doc().created(), Comparator.nullsFirst(Comparator.naturalOrder()));
                case "name" -> Comparator.comparing(h -> h.doc().name());
                case "title_string", "title" -> Comparator.comparing(h -> h.doc().title());
                case "downloads", "views_total", "views_recent" -> Comparator.comparingLong(h -> h.doc().downloads());
                default -> throw new InvalidInputException("sort", "不支援的排序 " + words[0] + " / Cannot sort by "
                        + words[0] + " (score, metadata_modified, metadata_created, name, title_string, downloads)");
            };
            c = desc ? c.reversed() : c;
            result = result == null ? c : result.thenComparing(c);
        }
        Comparator<Hit> byId = Comparator.comparingLong(h -> h.doc().id());
        return result == null ? byId : result.thenComparing(byId);
    }

    private Map<String, List<FacetItem>> facets(List<Hit> hits, List<String> fields, int limit) {
        Map<String, List<FacetItem>> out = new LinkedHashMap<>();
        if (fields == null) {
            return out;
        }
        Map<String, String> orgTitles = new HashMap<>();
        names.all().forEach(a -> orgTitles.put(Catalog.orgName(a), a.name()));
        Map<String, String> groupTitles = groupTitles();
        for (String field : fields) {
            Map<String, Long> counts = new HashMap<>();
            for (Hit h : hits) {
                Doc d = h.doc();
                switch (field) {
                    case "organization" -> counts.merge(d.org(), 1L, Long::sum);
                    case "groups" -> d.groups().forEach(g -> counts.merge(g, 1L, Long::sum));
                    case "tags" -> d.tags().forEach(t -> counts.merge(t, 1L, Long::sum));
                    case "res_format" -> d.formats().forEach(f -> counts.merge(f, 1L, Long::sum));
                    case "license_id" -> counts.merge(d.license(), 1L, Long::sum);
                    case "quality_level" -> {
                        if (d.quality() != null) {
                            counts.merge(d.quality(), 1L, Long::sum);
                        }
                    }
                    default -> throw new InvalidInputException("facet.field", "不支援的分面 " + field
                            + " / Unknown facet field (" + String.join(", ", DEFAULT_FACETS) + ")");
                }
            }
            List<FacetItem> items = counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit < 0 ? Long.MAX_VALUE : limit)
                    .map(e -> new FacetItem(e.getKey(), display(field, e.getKey(), orgTitles, groupTitles), e.getValue()))
                    .toList();
            out.put(field, items);
        }
        return out;
    }

    private static String display(String field, String key, Map<String, String> orgs, Map<String, String> groups) {
        return switch (field) {
            case "organization" -> orgs.getOrDefault(key, key);
            case "groups" -> groups.getOrDefault(key, key);
            case "license_id" -> Licenses.of(key).title();
            case "quality_level" -> QualityLevel.label(key);
            default -> key;
        };
    }
}
