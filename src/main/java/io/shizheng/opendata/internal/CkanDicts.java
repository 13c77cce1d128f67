package io.shizheng.opendata.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.opendata.internal.Dataset.Resource;
import io.shizheng.org.Agency;
import io.shizheng.platform.RocDate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import io.shizheng.opendata.internal.formats.Formats;

/** Datasets, resources, organisations and groups as CKAN 2.x dictionaries, Taiwan's fields in extras. */
@Component
public class CkanDicts {

    /** Extras keys for data.gov.tw fields, with the Chinese labels also accepted on input. */
    public static final Map<String, String> EXTRA_LABELS = new LinkedHashMap<>();

    static {
        EXTRA_LABELS.put("category", "服務分類");
        EXTRA_LABELS.put("fields_description", "主要欄位說明");
        EXTRA_LABELS.put("update_frequency", "更新頻率");
        EXTRA_LABELS.put("charge", "計費方式");
        EXTRA_LABELS.put("contact_phone", "聯絡人電話");
        EXTRA_LABELS.put("field_schema", "欄位定義");
    }

    private final AgencyNames agencies;
    private final JsonMapper json;

    CkanDicts(AgencyNames agencies, JsonMapper json) {
        this.agencies = agencies;
        this.json = json;
    }

    static String time(Instant i) {
        return i == null ? null : LocalDateTime.ofInstant(i, ZoneOffset.UTC).toString();
    }

    public Map<String, Object> dataset(Dataset d, String site) {
        Map<String, Object> m = new LinkedHashMap<>();
        Agency org = agencies.find(d.agencyId()).orElse(null);
        m.put("id", d.uuid().toString());
        m.put("name", d.name());
        m.put("title", d.title());
        m.put("notes", d.notes());
        m.put("type", "dataset");
        m.put("state", d.state().ckan());
        m.put("private", d.isPrivate());
        m.put("owner_org", org == null ? null : Catalog.orgName(org));
        m.put("organization", org == null ? null : organization(org, -1, site));
        m.put("author", org == null ? null : org.name());
        m.put("maintainer", d.contactName());
        m.put("maintainer_email", d.contactEmail());
        Licenses.License l = Licenses.of(d.license());
        m.put("license_id", l.id());
        m.put("license_title", l.title());
        m.put("license_url", l.url());
        m.put("isopen", !l.id().equals("other-closed"));
        m.put("url", site + "/opendata/datasets/" + d.name());
        m.put("version", String.valueOf(d.version()));
        m.put("metadata_created", time(d.createdAt()));
        m.put("metadata_modified", time(d.modifiedAt()));
        m.put("num_resources", d.resources().size());
        m.put("num_tags", d.tags().size());
        List<Map<String, Object>> tags = new ArrayList<>();
        for (String t : d.tags()) {
            tags.add(Map.of("name", t, "display_name", t, "state", "active"));
        }
        m.put("tags", tags);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (String g : d.groups()) {
            groups.add(Map.of("name", g, "id", g, "display_name", g));
        }
        m.put("groups", groups);
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Resource r : d.resources()) {
            resources.add(resource(r, d, site));
        }
        m.put("resources", resources);
        List<Map<String, String>> extras = new ArrayList<>();
        extra(extras, "category", d.category());
        extra(extras, "fields_description", d.fieldsDesc());
        extra(extras, "update_frequency", d.updateFrequency());
        extra(extras, "charge", d.charge());
        extra(extras, "contact_phone", d.contactPhone());
        extra(extras, "field_schema", d.fieldSchema());
        extra(extras, "lifecycle_state", d.state().name());
        extra(extras, "first_published", time(d.firstPublishedAt()));
        extra(extras, "first_published_roc", d.firstPublishedAt() == null ? null
                : new RocDate().date(d.firstPublishedAt().atZone(RocDate.TAIPEI).toLocalDate()));
        extra(extras, "data_updated", time(d.dataUpdatedAt()));
        extra(extras, "quality_level", d.qualityLevel());
        extra(extras, "download_count", String.valueOf(d.downloadCount()));
        if (d.demo()) {
            extra(extras, "demo", "true");
        }
        d.extras().forEach((k, v) -> extra(extras, k, v));
        m.put("extras", extras);
        return m;
    }

    private static void extra(List<Map<String, String>> extras, String key, String value) {
        if (value != null) {
            extras.add(Map.of("key", key, "value", value));
        }
    }

    public Map<String, Object> resource(Resource r, Dataset d, String site) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id().toString());
        m.put("package_id", d.uuid().toString());
        m.put("name", r.name());
        m.put("description", r.description());
        m.put("format", r.format());
        m.put("url", r.upload() ? site + "/opendata/resources/" + r.id() + "/download" : r.url());
        m.put("url_type", r.upload() ? "upload" : null);
        m.put("mimetype", r.format() == null ? null : Formats.mediaType(r.format()).replace(";charset=UTF-8", ""));
        m.put("size", r.sizeBytes());
        m.put("hash", r.sha256() == null ? "" : "sha256:" + r.sha256());
        m.put("encoding", r.encoding());
        m.put("position", r.position());
        m.put("state", "active");
        m.put("created", time(r.createdAt()));
        m.put("last_modified", time(r.modifiedAt()));
        m.put("metadata_modified", time(r.modifiedAt()));
        m.put("quality_level", r.qualityLevel());
        m.put("downloads", r.downloadCount());
        if (!r.upload()) {
            m.put("harvest_status", r.harvestStatus());
            m.put("harvested", time(r.harvestedAt()));
        }
        if (r.qualityReport() != null) {
            m.put("validation_status", "bronze".equals(r.qualityLevel()) ? "failure" : "success");
        }
        return m;
    }

    public Map<String, Object> organization(Agency a, long packageCount, String site) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", Catalog.orgName(a));
        m.put("name", Catalog.orgName(a));
        m.put("title", a.name());
        m.put("display_name", a.name());
        m.put("title_en", a.nameEn());
        m.put("description", a.nameEn());
        m.put("type", "organization");
        m.put("is_organization", true);
        m.put("state", a.active() ? "active" : "deleted");
        m.put("approval_status", "approved");
        m.put("image_url", "");
        m.put("shizheng_agency_id", a.id());
        if (packageCount >= 0) {
            m.put("package_count", packageCount);
        }
        return m;
    }

    public Map<String, Object> group(DatasetStore.Group g, long packageCount) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.name());
        m.put("name", g.name());
        m.put("title", g.title());
        m.put("display_name", g.title());
        m.put("title_en", g.titleEn());
        m.put("description", g.description());
        m.put("type", "group");
        m.put("is_organization", false);
        m.put("state", "active");
        m.put("image_url", "");
        if (packageCount >= 0) {
            m.put("package_count", packageCount);
        }
        return m;
    }

    public JsonMapper json() {
        return json;
    }
}
