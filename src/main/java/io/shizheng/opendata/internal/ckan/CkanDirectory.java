package io.shizheng.opendata.internal.ckan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.AgencyKind;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.ShizhengUser;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;
import io.shizheng.opendata.internal.SearchIndex;
import io.shizheng.opendata.internal.DatasetStore;
import io.shizheng.opendata.internal.DatasetSearch;
import io.shizheng.opendata.internal.Catalog;
import io.shizheng.opendata.internal.CkanDicts;

import static io.shizheng.opendata.internal.ckan.CkanParams.boolParam;
import static io.shizheng.opendata.internal.ckan.CkanParams.naturalParam;
import static io.shizheng.opendata.internal.ckan.CkanParams.required;
import static io.shizheng.opendata.internal.ckan.CkanParams.text;

/** CKAN's organizations (the agencies), groups (the themes) and tags, with the count of public datasets in each. */
@Component
class CkanDirectory {

    private final Catalog catalog;
    private final DatasetStore store;
    private final DatasetSearch search;
    private final SearchIndex index;
    private final CkanDicts dicts;
    private final AgencyDirectory agencies;

    CkanDirectory(Catalog catalog, DatasetStore store, DatasetSearch search, SearchIndex index, CkanDicts dicts,
                  AgencyDirectory agencies) {
        this.catalog = catalog;
        this.store = store;
        this.search = search;
        this.index = index;
        this.dicts = dicts;
        this.agencies = agencies;
    }

    private Map<String, Long> packageCounts() {
        Map<String, Long> counts = new HashMap<>();
        index.docs().stream().filter(SearchIndex.Doc::publiclyVisible).forEach(d -> counts.merge(d.org(), 1L, Long::sum));
        return counts;
    }

    private List<Agency> organizations() {
        return agencies.all().stream().filter(a -> a.active() && a.kind() != AgencyKind.CITY).toList();
    }

    Object organizationList(ObjectNode p, String site) {
        Map<String, Long> counts = packageCounts();
        List<Agency> orgs = new ArrayList<>(organizations());
        String sort = text(p, "sort");
        if (sort != null && sort.startsWith("package_count")) {
            orgs.sort(Comparator.comparingLong((Agency a) -> counts.getOrDefault(Catalog.orgName(a), 0L)).reversed());
        } else {
            orgs.sort(Comparator.comparing(Catalog::orgName));
        }
        int offset = naturalParam(p, "offset", 0);
        int limit = naturalParam(p, "limit", 1000);
        List<Agency> page = orgs.stream().skip(offset).limit(limit).toList();
        if (boolParam(p, "all_fields")) {
            return page.stream().map(a -> dicts.organization(a, counts.getOrDefault(Catalog.orgName(a), 0L), site)).toList();
        }
        return page.stream().map(Catalog::orgName).toList();
    }

    Map<String, Object> organizationShow(ObjectNode p, String site, ShizhengUser me) {
        String id = required(p, "id");
        Agency a = catalog.agency(id).filter(x -> x.kind() != AgencyKind.CITY)
                .orElseThrow(() -> new NotFoundException("找不到機關 " + id + " / Organization not found"));
        Map<String, Object> m = dicts.organization(a, packageCounts().getOrDefault(Catalog.orgName(a), 0L), site);
        if (p.has("include_datasets") ? boolParam(p, "include_datasets") : false) {
            DatasetSearch.Result r = search.search(new DatasetSearch.Query(null, "organization:" + Catalog.orgName(a),
                    1000, 0, "name asc", null, 0, false, false), me);
            m.put("packages", r.results().stream().map(d -> dicts.dataset(d, site)).toList());
        }
        return m;
    }

    Object groupList(ObjectNode p) {
        Map<String, Long> counts = new HashMap<>();
        index.docs().stream().filter(SearchIndex.Doc::publiclyVisible)
                .forEach(d -> d.groups().forEach(g -> counts.merge(g, 1L, Long::sum)));
        List<DatasetStore.Group> groups = store.groups();
        if (boolParam(p, "all_fields")) {
            return groups.stream().map(g -> dicts.group(g, counts.getOrDefault(g.name(), 0L))).toList();
        }
        return groups.stream().map(DatasetStore.Group::name).toList();
    }

    Object groupShow(ObjectNode p) {
        String id = required(p, "id");
        DatasetStore.Group g = store.group(id).orElseThrow(() -> new NotFoundException("找不到主題 " + id + " / Group not found"));
        long count = index.docs().stream().filter(d -> d.publiclyVisible() && d.groups().contains(g.name())).count();
        return dicts.group(g, count);
    }

    Object tagList(ObjectNode p) {
        String query = text(p, "query");
        Set<String> tags = new TreeSet<>();
        index.docs().stream().filter(SearchIndex.Doc::publiclyVisible).forEach(d -> tags.addAll(d.tags()));
        List<String> list = tags.stream().filter(t -> query == null || t.toLowerCase().contains(query.toLowerCase())).toList();
        if (boolParam(p, "all_fields")) {
            return list.stream().map(t -> Map.of("name", t, "display_name", t, "id", t)).toList();
        }
        return list;
    }
}
