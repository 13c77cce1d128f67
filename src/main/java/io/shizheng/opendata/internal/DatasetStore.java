package io.shizheng.opendata.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.shizheng.opendata.internal.Dataset.Resource;
import io.shizheng.opendata.internal.Dataset.State;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The catalogue's tables: datasets with tags and groups, resources, versions and groups. */
@Repository
public class DatasetStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DatasetStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public record Group(long id, String name, String title, String titleEn, String description, boolean demo) {
    }

    record Version(long id, int version, String state, String change, String snapshot, String changedBy,
                   Instant changedAt) {
    }

    public Optional<Dataset> find(long id) {
        return load("where d.id = ?", id).stream().findFirst();
    }

    /** By name or by id (uuid), as CKAN clients refer to a dataset. */
    Optional<Dataset> findByNameOrId(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        Optional<Dataset> byName = load("where d.name = ?", key.strip()).stream().findFirst();
        if (byName.isPresent()) {
            return byName;
        }
        try {
            return load("where d.uuid = ?", UUID.fromString(key.strip())).stream().findFirst();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    List<Dataset> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Dataset> list = load("where d.id in (:ids)", ids);
        Map<Long, Dataset> byId = new HashMap<>();
        list.forEach(d -> byId.put(d.id(), d));
        List<Dataset> ordered = new ArrayList<>();
        for (Long id : ids) {
            if (byId.containsKey(id)) {
                ordered.add(byId.get(id));
            }
        }
        return ordered;
    }

    /** Datasets changed since an instant (for the search index of every instance). */
    List<Dataset> modifiedSince(Instant since) {
        return load("where d.modified_at >= ?", Timestamp.from(since));
    }

    List<Dataset> all() {
        return load("", null);
    }

    private List<Dataset> load(String where, Object param) {
        String sql = "select d.* from opendata_dataset d " + where + " order by d.id";
        JdbcClient.StatementSpec spec = jdbc.sql(sql);
        if (param instanceof Collection<?> c) {
            spec = spec.param("ids", c);
        } else if (param != null) {
            spec = spec.param(param);
        }
        List<Dataset> datasets = spec.query((rs, n) -> row(rs)).list();
        if (datasets.isEmpty()) {
            return datasets;
        }
        List<Long> ids = datasets.stream().map(Dataset::id).toList();
        Map<Long, List<String>> tags = new HashMap<>();
        Map<Long, List<String>> groups = new HashMap<>();
        Map<Long, List<Resource>> resources = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 5000) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 5000));
            jdbc.sql("select dataset_id, tag from opendata_dataset_tag where dataset_id in (:ids) order by tag")
                    .param("ids", chunk)
                    .query(rs -> { tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)); });
            jdbc.sql("""
                    select dg.dataset_id, g.name from opendata_dataset_group dg join opendata_group g on g.id = dg.group_id
                    where dg.dataset_id in (:ids) order by g.name""").param("ids", chunk)
                    .query(rs -> { groups.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)); });
            jdbc.sql("select * from opendata_resource where dataset_id in (:ids) order by position, created_at")
                    .param("ids", chunk).query((rs, n) -> resource(rs)).list()
                    .forEach(r -> resources.computeIfAbsent(r.datasetId(), k -> new ArrayList<>()).add(r));
        }
        List<Dataset> result = new ArrayList<>(datasets.size());
        for (Dataset d : datasets) {
            result.add(new Dataset(d.id(), d.uuid(), d.name(), d.title(), d.notes(), d.category(), d.fieldsDesc(),
                    d.agencyId(), d.contactName(), d.contactEmail(), d.contactPhone(), d.updateFrequency(), d.license(),
                    d.charge(), d.state(), d.isPrivate(), d.fieldSchema(), d.extras(), d.firstPublishedAt(),
                    d.publishedAt(), d.withdrawnAt(), d.createdAt(), d.modifiedAt(), d.dataUpdatedAt(), d.qualityLevel(),
                    d.qualityCheckedAt(), d.downloadCount(), d.version(), d.demo(),
                    List.copyOf(tags.getOrDefault(d.id(), List.of())), List.copyOf(groups.getOrDefault(d.id(), List.of())),
                    List.copyOf(resources.getOrDefault(d.id(), List.of()))));
        }
        return result;
    }

    private Dataset row(ResultSet rs) throws SQLException {
        Map<String, String> extras = new LinkedHashMap<>();
        String ex = rs.getString("extras");
        if (ex != null) {
            extras.putAll(json.readValue(ex, new TypeReference<LinkedHashMap<String, String>>() { }));
        }
        return new Dataset(rs.getLong("id"), rs.getObject("uuid", UUID.class), rs.getString("name"),
                rs.getString("title"), rs.getString("notes"), rs.getString("category"), rs.getString("fields_desc"),
                rs.getLong("agency_id"), rs.getString("contact_name"), rs.getString("contact_email"),
                rs.getString("contact_phone"), rs.getString("update_frequency"), rs.getString("license"),
                rs.getString("charge"), State.valueOf(rs.getString("state")), rs.getBoolean("private"),
                rs.getString("field_schema"), extras, instant(rs, "first_published_at"), instant(rs, "published_at"),
                instant(rs, "withdrawn_at"), instant(rs, "created_at"), instant(rs, "modified_at"),
                instant(rs, "data_updated_at"), rs.getString("quality_level"), instant(rs, "quality_checked_at"),
                rs.getLong("download_count"), rs.getInt("version"), rs.getBoolean("demo"), List.of(), List.of(), List.of());
    }

    static Resource resource(ResultSet rs) throws SQLException {
        long size = rs.getLong("size_bytes");
        return new Resource(rs.getObject("id", UUID.class), rs.getLong("dataset_id"), rs.getString("name"),
                rs.getString("description"), rs.getString("kind"), rs.getString("url"), rs.getString("format"),
                rs.getString("encoding"), rs.wasNull() ? null : size, rs.getString("sha256"), rs.getInt("position"),
                instant(rs, "created_at"), instant(rs, "modified_at"), rs.getString("quality_level"),
                rs.getString("quality_report"), rs.getString("harvest_status"), rs.getString("harvest_message"),
                instant(rs, "harvested_at"), rs.getLong("download_count"), rs.getBoolean("demo"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    boolean nameTaken(String name, Long exceptId) {
        return jdbc.sql("select count(*) from opendata_dataset where name = ? and id <> ?")
                .params(name, exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    long insert(Dataset d) {
        return jdbc.sql("""
                insert into opendata_dataset (name, title, notes, category, fields_desc, agency_id, contact_name,
                  contact_email, contact_phone, update_frequency, license, charge, state, private, field_schema, extras,
                  first_published_at, published_at, created_at, modified_at, data_updated_at, demo, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?, ?, ?, 1)
                returning id""")
                .params(d.name(), d.title(), d.notes(), d.category(), d.fieldsDesc(), d.agencyId(), d.contactName(),
                        d.contactEmail(), d.contactPhone(), d.updateFrequency(), d.license(), d.charge(),
                        d.state().name(), d.isPrivate(), d.fieldSchema(), json.writeValueAsString(d.extras()),
                        ts(d.firstPublishedAt()), ts(d.publishedAt()), ts(d.createdAt()), ts(d.modifiedAt()),
                        ts(d.dataUpdatedAt()), d.demo())
                .query(Long.class).single();
    }

    /** Writes metadata and lifecycle fields and bumps the version; the caller snapshots it. */
    void update(Dataset d) {
        jdbc.sql("""
                update opendata_dataset set name = ?, title = ?, notes = ?, category = ?, fields_desc = ?, agency_id = ?,
                  contact_name = ?, contact_email = ?, contact_phone = ?, update_frequency = ?, license = ?, charge = ?,
                  state = ?, private = ?, field_schema = cast(? as jsonb), extras = cast(? as jsonb),
                  first_published_at = ?, published_at = ?, withdrawn_at = ?, modified_at = ?, version = version + 1
                where id = ?""")
                .params(d.name(), d.title(), d.notes(), d.category(), d.fieldsDesc(), d.agencyId(), d.contactName(),
                        d.contactEmail(), d.contactPhone(), d.updateFrequency(), d.license(), d.charge(),
                        d.state().name(), d.isPrivate(), d.fieldSchema(), json.writeValueAsString(d.extras()),
                        ts(d.firstPublishedAt()), ts(d.publishedAt()), ts(d.withdrawnAt()), ts(d.modifiedAt()), d.id())
                .update();
    }

    void touch(long datasetId, Instant at, boolean dataChanged) {
        jdbc.sql("update opendata_dataset set modified_at = ?" + (dataChanged ? ", data_updated_at = ?" : "")
                        + ", version = version + 1 where id = ?")
                .params(dataChanged ? new Object[] {ts(at), ts(at), datasetId} : new Object[] {ts(at), datasetId}).update();
    }

    void setQuality(long datasetId, String level, Instant at) {
        jdbc.sql("update opendata_dataset set quality_level = ?, quality_checked_at = ?, modified_at = greatest(modified_at, ?) where id = ?")
                .params(level, ts(at), ts(at), datasetId).update();
    }

    void setTags(long datasetId, List<String> tags) {
        jdbc.sql("delete from opendata_dataset_tag where dataset_id = ?").param(datasetId).update();
        for (String t : tags) {
            jdbc.sql("insert into opendata_dataset_tag (dataset_id, tag) values (?, ?) on conflict do nothing")
                    .params(datasetId, t).update();
        }
    }

    void setGroups(long datasetId, List<Long> groupIds) {
        jdbc.sql("delete from opendata_dataset_group where dataset_id = ?").param(datasetId).update();
        for (Long g : groupIds) {
            jdbc.sql("insert into opendata_dataset_group (dataset_id, group_id) values (?, ?) on conflict do nothing")
                    .params(datasetId, g).update();
        }
    }

    void addVersion(long datasetId, String change, String changedBy) {
        jdbc.sql("""
                insert into opendata_dataset_version (dataset_id, version, state, change, snapshot, changed_by, changed_at)
                select d.id, d.version, d.state, ?, to_jsonb(d) - 'download_count'
                  || jsonb_build_object('tags', coalesce((select jsonb_agg(tag order by tag) from opendata_dataset_tag t where t.dataset_id = d.id), '[]'::jsonb),
                       'resources', coalesce((select jsonb_agg(jsonb_build_object('id', r.id, 'name', r.name, 'format', r.format,
                          'url', r.url, 'sha256', r.sha256, 'size', r.size_bytes) order by r.position) from opendata_resource r where r.dataset_id = d.id), '[]'::jsonb)),
                  ?, now()
                from opendata_dataset d where d.id = ?
                on conflict (dataset_id, version) do nothing""").params(change, changedBy, datasetId).update();
    }

    List<Version> versions(long datasetId) {
        return jdbc.sql("select * from opendata_dataset_version where dataset_id = ? order by version desc")
                .param(datasetId)
                .query((rs, n) -> new Version(rs.getLong("id"), rs.getInt("version"), rs.getString("state"),
                        rs.getString("change"), rs.getString("snapshot"), rs.getString("changed_by"),
                        instant(rs, "changed_at"))).list();
    }

    public List<Group> groups() {
        return jdbc.sql("select * from opendata_group order by name").query((rs, n) -> group(rs)).list();
    }

    public Optional<Group> group(String nameOrId) {
        return jdbc.sql("select * from opendata_group where name = ? or cast(id as text) = ?").params(nameOrId, nameOrId)
                .query((rs, n) -> group(rs)).optional();
    }

    private static Group group(ResultSet rs) throws SQLException {
        return new Group(rs.getLong("id"), rs.getString("name"), rs.getString("title"), rs.getString("title_en"),
                rs.getString("description"), rs.getBoolean("demo"));
    }

    public Optional<Resource> resource(UUID id) {
        return jdbc.sql("select * from opendata_resource where id = ?").param(id).query((rs, n) -> resource(rs)).optional();
    }

    UUID insertResource(long datasetId, String name, String description, String kind, String url, String format,
                        boolean demo) {
        return jdbc.sql("""
                insert into opendata_resource (dataset_id, name, description, kind, url, format, position, demo)
                values (?, ?, ?, ?, ?, ?, (select coalesce(max(position) + 1, 0) from opendata_resource where dataset_id = ?), ?)
                returning id""").params(datasetId, name, description, kind, url, format, datasetId, demo)
                .query(UUID.class).single();
    }

    void updateResourceMeta(UUID id, String name, String description, String url, String format) {
        jdbc.sql("update opendata_resource set name = ?, description = ?, url = coalesce(?, url), format = ?, modified_at = now() where id = ?")
                .params(name, description, url, format, id).update();
    }

    void deleteResource(UUID id) {
        jdbc.sql("delete from opendata_resource where id = ?").param(id).update();
    }

    void countDownload(long datasetId, UUID resourceId, java.time.LocalDate day) {
        jdbc.sql("update opendata_resource set download_count = download_count + 1 where id = ?").param(resourceId).update();
        jdbc.sql("update opendata_dataset set download_count = download_count + 1 where id = ?").param(datasetId).update();
        jdbc.sql("""
                insert into opendata_download (dataset_id, day, count) values (?, ?, 1)
                on conflict (dataset_id, day) do update set count = opendata_download.count + 1""")
                .params(datasetId, day).update();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
