package io.shizheng.opendata.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.opendata.internal.Dataset.Resource;
import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import io.shizheng.opendata.internal.formats.Formats;

/**
 * The public catalogue as DCAT-AP 2 in JSON-LD and Turtle, with the mandatory properties: catalogue (title,
 * description, publisher, dataset), dataset (title, description), distribution (access URL), plus keywords,
 * themes, licences, formats, media types, issued/modified dates and contact points.
 */
@RestController
@Tag(name = "DCAT", description = "DCAT-AP 目錄 / the catalogue as DCAT-AP")
class DcatCatalog {

    private final SearchIndex index;
    private final DatasetStore store;
    private final AgencyDirectory agencies;
    private final CkanDicts dicts;
    private final io.shizheng.platform.Jurisdiction jurisdiction;

    DcatCatalog(SearchIndex index, DatasetStore store, AgencyDirectory agencies, CkanDicts dicts,
                io.shizheng.platform.Jurisdiction jurisdiction) {
        this.index = index;
        this.store = store;
        this.agencies = agencies;
        this.dicts = dicts;
        this.jurisdiction = jurisdiction;
    }

    /** The catalogue's description: the open data of the jurisdiction's agencies. */
    private String description() {
        return jurisdiction.government() + "各機關開放資料集目錄（市政平臺）";
    }

    private List<Dataset> published() {
        List<Long> ids = index.docs().stream().filter(SearchIndex.Doc::publiclyVisible).map(SearchIndex.Doc::id).sorted().toList();
        return store.findAll(ids);
    }

    @GetMapping("/catalog.jsonld")
    @Operation(summary = "DCAT-AP 目錄（JSON-LD）/ DCAT-AP catalogue as JSON-LD")
    ResponseEntity<Map<String, Object>> jsonld() {
        String site = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("dcat", "http://www.w3.org/ns/dcat#");
        context.put("dct", "http://purl.org/dc/terms/");
        context.put("foaf", "http://xmlns.com/foaf/0.1/");
        context.put("vcard", "http://www.w3.org/2006/vcard/ns#");
        context.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        List<Object> graph = new ArrayList<>();
        List<Map<String, String>> datasetRefs = new ArrayList<>();
        Map<Long, Agency> publishers = new LinkedHashMap<>();
        for (Dataset d : published()) {
            String uri = site + "/opendata/datasets/" + d.name();
            datasetRefs.add(Map.of("@id", uri));
            Agency a = agencies.find(d.agencyId()).orElse(null);
            Map<String, Object> ds = new LinkedHashMap<>();
            ds.put("@id", uri);
            ds.put("@type", "dcat:Dataset");
            ds.put("dct:identifier", d.uuid().toString());
            ds.put("dct:title", lang(d.title()));
            ds.put("dct:description", lang(d.notes() == null ? d.title() : d.notes()));
            ds.put("dcat:keyword", d.tags().stream().map(DcatCatalog::lang).toList());
            ds.put("dcat:theme", d.groups().stream().map(g -> Map.of("@id", site + "/opendata?fq=groups:" + g)).toList());
            if (a != null) {
                ds.put("dct:publisher", Map.of("@id", orgUri(site, a)));
                publishers.put(a.id(), a);
            }
            if (d.firstPublishedAt() != null) {
                ds.put("dct:issued", typed(CkanDicts.time(d.firstPublishedAt())));
            }
            ds.put("dct:modified", typed(CkanDicts.time(d.modifiedAt())));
            ds.put("dct:accrualPeriodicity", lang(UpdateFrequency.label(d.updateFrequency())));
            ds.put("dcat:landingPage", Map.of("@id", uri));
            if (d.contactName() != null || d.contactEmail() != null) {
                Map<String, Object> cp = new LinkedHashMap<>();
                cp.put("@type", "vcard:Kind");
                cp.put("vcard:fn", d.contactName() == null ? "" : d.contactName());
                if (d.contactEmail() != null) {
                    cp.put("vcard:hasEmail", Map.of("@id", "mailto:" + d.contactEmail()));
                }
                ds.put("dcat:contactPoint", cp);
            }
            List<Object> dists = new ArrayList<>();
            for (Resource r : d.resources()) {
                Map<String, Object> dist = new LinkedHashMap<>();
                String access = (String) dicts.resource(r, d, site).get("url");
                dist.put("@id", site + "/opendata/resources/" + r.id());
                dist.put("@type", "dcat:Distribution");
                dist.put("dct:title", lang(r.name()));
                dist.put("dcat:accessURL", Map.of("@id", access));
                if (r.upload()) {
                    dist.put("dcat:downloadURL", Map.of("@id", access));
                }
                if (r.format() != null) {
                    dist.put("dct:format", r.format());
                    dist.put("dcat:mediaType", Formats.mediaType(r.format()).replace(";charset=UTF-8", ""));
                }
                if (r.sizeBytes() != null) {
                    dist.put("dcat:byteSize", Map.of("@value", String.valueOf(r.sizeBytes()), "@type", "xsd:decimal"));
                }
                dist.put("dct:license", Map.of("@id", licenseUri(site, d.license())));
                dists.add(dist);
            }
            ds.put("dcat:distribution", dists);
            graph.add(ds);
        }
        for (Agency a : publishers.values()) {
            graph.add(Map.of("@id", orgUri(site, a), "@type", "foaf:Agent", "foaf:name", lang(a.name())));
        }
        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("@id", site + "/catalog");
        catalog.put("@type", "dcat:Catalog");
        catalog.put("dct:title", lang(jurisdiction.openDataTitle()));
        catalog.put("dct:description", lang(description()));
        catalog.put("dct:publisher", Map.of("@id", site + "/opendata/organizations/rdec"));
        catalog.put("foaf:homepage", Map.of("@id", site + "/opendata"));
        catalog.put("dct:language", Map.of("@id", "http://publications.europa.eu/resource/authority/language/ZHO"));
        catalog.put("dcat:dataset", datasetRefs);
        graph.add(0, catalog);
        agencies.findByCode("RDEC").filter(a -> !publishers.containsKey(a.id()))
                .ifPresent(a -> graph.add(Map.of("@id", orgUri(site, a), "@type", "foaf:Agent", "foaf:name", lang(a.name()))));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", context);
        doc.put("@graph", graph);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/ld+json")).body(doc);
    }

    @GetMapping("/catalog.ttl")
    @Operation(summary = "DCAT-AP 目錄（Turtle）/ DCAT-AP catalogue as Turtle")
    ResponseEntity<String> turtle() {
        String site = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        StringBuilder t = new StringBuilder();
        t.append("@prefix dcat: <http://www.w3.org/ns/dcat#> .\n@prefix dct: <http://purl.org/dc/terms/> .\n")
                .append("@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .\n")
                .append("@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n\n");
        List<Dataset> datasets = published();
        Map<Long, Agency> publishers = new LinkedHashMap<>();
        agencies.findByCode("RDEC").ifPresent(a -> publishers.put(a.id(), a));
        t.append(iri(site + "/catalog")).append(" a dcat:Catalog ;\n  dct:title ").append(lit(jurisdiction.openDataTitle()))
                .append(" ;\n  dct:description ").append(lit(description()))
                .append(" ;\n  dct:publisher ").append(iri(site + "/opendata/organizations/rdec"))
                .append(" ;\n  foaf:homepage ").append(iri(site + "/opendata"));
        for (Dataset d : datasets) {
            t.append(" ;\n  dcat:dataset ").append(iri(site + "/opendata/datasets/" + d.name()));
        }
        t.append(" .\n\n");
        for (Dataset d : datasets) {
            Agency a = agencies.find(d.agencyId()).orElse(null);
            t.append(iri(site + "/opendata/datasets/" + d.name())).append(" a dcat:Dataset ;\n  dct:identifier ")
                    .append(plain(d.uuid().toString())).append(" ;\n  dct:title ").append(lit(d.title()))
                    .append(" ;\n  dct:description ").append(lit(d.notes() == null ? d.title() : d.notes()));
            for (String tag : d.tags()) {
                t.append(" ;\n  dcat:keyword ").append(lit(tag));
            }
            for (String g : d.groups()) {
                t.append(" ;\n  dcat:theme ").append(iri(site + "/opendata?fq=groups:" + g));
            }
            if (a != null) {
                publishers.put(a.id(), a);
                t.append(" ;\n  dct:publisher ").append(iri(orgUri(site, a)));
            }
            if (d.firstPublishedAt() != null) {
                t.append(" ;\n  dct:issued \"").append(CkanDicts.time(d.firstPublishedAt())).append("\"^^xsd:dateTime");
            }
            t.append(" ;\n  dct:modified \"").append(CkanDicts.time(d.modifiedAt())).append("\"^^xsd:dateTime");
            t.append(" ;\n  dcat:landingPage ").append(iri(site + "/opendata/datasets/" + d.name()));
            if (d.contactEmail() != null) {
                t.append(" ;\n  dcat:contactPoint [ a vcard:Kind ; vcard:fn ").append(lit(d.contactName() == null ? ""
                        : d.contactName())).append(" ; vcard:hasEmail ").append(iri("mailto:" + d.contactEmail())).append(" ]");
            }
            for (Resource r : d.resources()) {
                t.append(" ;\n  dcat:distribution ").append(iri(site + "/opendata/resources/" + r.id()));
            }
            t.append(" .\n\n");
            for (Resource r : d.resources()) {
                String access = (String) dicts.resource(r, d, site).get("url");
                t.append(iri(site + "/opendata/resources/" + r.id())).append(" a dcat:Distribution ;\n  dct:title ")
                        .append(lit(r.name())).append(" ;\n  dcat:accessURL ").append(iri(access));
                if (r.upload()) {
                    t.append(" ;\n  dcat:downloadURL ").append(iri(access));
                }
                if (r.format() != null) {
                    t.append(" ;\n  dct:format ").append(plain(r.format())).append(" ;\n  dcat:mediaType ")
                            .append(plain(Formats.mediaType(r.format()).replace(";charset=UTF-8", "")));
                }
                if (r.sizeBytes() != null) {
                    t.append(" ;\n  dcat:byteSize \"").append(r.sizeBytes()).append("\"^^xsd:decimal");
                }
                t.append(" ;\n  dct:license ").append(iri(licenseUri(site, d.license()))).append(" .\n\n");
            }
        }
        for (Agency a : publishers.values()) {
            t.append(iri(orgUri(site, a))).append(" a foaf:Agent ;\n  foaf:name ").append(lit(a.name())).append(" .\n\n");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/turtle;charset=UTF-8")).body(t.toString());
    }

    private static String orgUri(String site, Agency a) {
        return site + "/opendata/organizations/" + Catalog.orgName(a);
    }

    private static String licenseUri(String site, String license) {
        String url = Licenses.of(license).url();
        return url == null ? site + "/opendata/licenses/" + license : url;
    }

    private static Map<String, String> lang(String s) {
        return Map.of("@value", s, "@language", "zh-Hant");
    }

    private static Map<String, String> typed(String s) {
        return Map.of("@value", s, "@type", "xsd:dateTime");
    }

    static String iri(String s) {
        StringBuilder b = new StringBuilder("<");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || "<>\"{}|^`\\".indexOf(c) >= 0) {
                b.append(String.format("%%%02X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('>').toString();
    }

    /** A literal without a language tag (identifiers, formats, media types). */
    static String plain(String s) {
        String l = lit(s);
        return l.substring(0, l.length() - "@zh-Hant".length());
    }

    static String lit(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append("\"@zh-Hant").toString();
    }
}
