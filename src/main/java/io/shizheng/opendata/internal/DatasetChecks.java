package io.shizheng.opendata.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.shizheng.opendata.internal.DatasetDraft.ResourceDraft;
import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import io.shizheng.opendata.internal.formats.Formats;

/** A dataset draft checked and resolved against the catalogue (names taken, agencies, groups, licences) before a write. */
@Component
class DatasetChecks {

    /** A description longer than this is a pasted document, not a description. */
    static final int NOTES_LIMIT = 20_000;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final DatasetStore store;
    private final AgencyDirectory agencies;
    private final JsonMapper json;

    DatasetChecks(DatasetStore store, AgencyDirectory agencies, JsonMapper json) {
        this.store = store;
        this.agencies = agencies;
        this.json = json;
    }

    static final class Resolved {
        String name;
        String title;
        String notes;
        String category;
        String fieldsDesc;
        Agency agency;
        String contactName;
        String contactEmail;
        String contactPhone;
        String frequency;
        String license;
        String charge;
        boolean isPrivate;
        String fieldSchema;
        Map<String, String> extras;
        List<String> tags;
        List<Long> groupIds;
        List<ResourceDraft> resources;
    }

    Resolved resolve(DatasetDraft d, Dataset existing, List<FieldProblem> problems) {
        Resolved r = new Resolved();
        r.name = d.name() == null ? (existing == null ? null : existing.name()) : d.name().strip();
        if (r.name != null && !r.name.isEmpty() && !Catalog.NAME.matcher(r.name).matches()) {
            problems.add(new FieldProblem("name", "名稱須為 2–100 個小寫英數字、- 或 _ / Must be 2-100 lowercase "
                    + "alphanumeric characters, - or _"));
        } else if (r.name != null && !r.name.isEmpty() && store.nameTaken(r.name, existing == null ? null : existing.id())) {
            problems.add(new FieldProblem("name", "此網址名稱已被使用 / That URL is already in use."));
        }
        r.title = blank(d.title()) ? r.name : d.title().strip();
        if (r.title != null && r.title.length() > 300) {
            problems.add(new FieldProblem("title", "資料集名稱不可超過 300 字 / Title is longer than 300 characters"));
        }
        r.notes = trim(d.notes());
        if (r.notes != null && r.notes.length() > NOTES_LIMIT) {
            problems.add(new FieldProblem("notes", "資料集說明不可超過 " + NOTES_LIMIT + " 字 / Description is longer than "
                    + NOTES_LIMIT + " characters"));
        }
        r.category = trim(d.category());
        r.fieldsDesc = trim(d.fieldsDesc());
        if (blank(d.ownerOrg())) {
            problems.add(new FieldProblem("owner_org", "必填：提供機關 / Missing value: an organization is required"));
        } else {
            r.agency = agency(d.ownerOrg().strip()).orElse(null);
            if (r.agency == null) {
                problems.add(new FieldProblem("owner_org", "找不到機關 " + d.ownerOrg() + " / Organization does not exist"));
            }
        }
        r.contactName = trim(d.contactName());
        r.contactEmail = trim(d.contactEmail());
        if (r.contactEmail != null && !EMAIL.matcher(r.contactEmail).matches()) {
            problems.add(new FieldProblem("maintainer_email", "電子郵件格式不正確 / Email address is not valid"));
        }
        r.contactPhone = trim(d.contactPhone());
        if (blank(d.updateFrequency())) {
            r.frequency = UpdateFrequency.irregular.name();
        } else {
            r.frequency = UpdateFrequency.parse(d.updateFrequency()).map(Enum::name).orElse(null);
            if (r.frequency == null) {
                problems.add(new FieldProblem("update_frequency", "更新頻率須為 即時/每日/每週/每月/每季/每半年/每年/不定期 "
                        + "/ Must be one of realtime, daily, weekly, monthly, quarterly, halfyearly, yearly, irregular"));
            }
        }
        r.license = blank(d.license()) ? Licenses.DEFAULT : d.license().strip();
        if (!Licenses.ALL.containsKey(r.license)) {
            problems.add(new FieldProblem("license_id", "授權方式須為 " + String.join(", ", Licenses.ALL.keySet())
                    + " / Unknown licence"));
        }
        r.charge = blank(d.charge()) ? "免費" : d.charge().strip();
        r.isPrivate = d.isPrivate() != null && d.isPrivate();
        r.fieldSchema = null;
        if (!blank(d.fieldSchema())) {
            try {
                r.fieldSchema = FieldSchema.parse(d.fieldSchema(), json).toJson(json);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("field_schema", e.getMessage()));
            }
        }
        r.extras = d.extras() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(d.extras());
        Set<String> tags = new LinkedHashSet<>();
        for (String t : d.tags() == null ? List.<String>of() : d.tags()) {
            String tag = t == null ? "" : t.strip();
            if (tag.isEmpty() || tag.length() > 100 || tag.contains(",") || tag.chars().anyMatch(Character::isISOControl)) {
                problems.add(new FieldProblem("tags", "標籤須為 1–100 字且不含逗號 / Tag \"" + tag + "\" must be 1-100 "
                        + "characters without commas"));
            } else {
                tags.add(tag);
            }
        }
        r.tags = List.copyOf(tags);
        r.groupIds = new ArrayList<>();
        for (String g : d.groups() == null ? List.<String>of() : d.groups()) {
            Optional<DatasetStore.Group> group = g == null ? Optional.empty() : store.group(g.strip());
            if (group.isEmpty()) {
                problems.add(new FieldProblem("groups", "找不到主題 " + g + " / Group does not exist"));
            } else {
                r.groupIds.add(group.get().id());
            }
        }
        r.resources = new ArrayList<>();
        List<ResourceDraft> rds = d.resources() == null ? List.of() : d.resources();
        for (int i = 0; i < rds.size(); i++) {
            ResourceDraft rd = checkResource(rds.get(i), i, problems, rds.get(i).id() == null);
            if (rd != null) {
                r.resources.add(rd);
            }
        }
        return r;
    }

    ResourceDraft checkResource(ResourceDraft rd, int i, List<FieldProblem> problems, boolean needsUrl) {
        String field = "resources[" + i + "]";
        if (rd == null) {
            problems.add(new FieldProblem(field, "資源不可為空 / Empty resource"));
            return null;
        }
        String url = trim(rd.url());
        if (needsUrl && (url == null || !(url.startsWith("http://") || url.startsWith("https://")))) {
            problems.add(new FieldProblem(field + ".url", "須為 http(s) 網址（上傳檔案請用 resource_create）/ Must be an "
                    + "http(s) URL; upload files with resource_create"));
            return null;
        }
        String format = blank(rd.format()) ? Formats.guessFromName(url).orElse(null) : rd.format().strip().toUpperCase();
        String name = blank(rd.name()) ? (url == null ? "資源" : url.substring(url.lastIndexOf('/') + 1)) : rd.name().strip();
        if (name.isBlank()) {
            name = "資源 " + (i + 1);
        }
        return new ResourceDraft(rd.id(), name, trim(rd.description()), url, format);
    }

    DatasetDraft merge(Dataset b, DatasetDraft p) {
        return new DatasetDraft(p.name() != null ? p.name() : b.name(), p.title() != null ? p.title() : b.title(),
                p.notes() != null ? p.notes() : b.notes(), p.category() != null ? p.category() : b.category(),
                p.fieldsDesc() != null ? p.fieldsDesc() : b.fieldsDesc(),
                p.ownerOrg() != null ? p.ownerOrg() : String.valueOf(b.agencyId()),
                p.contactName() != null ? p.contactName() : b.contactName(),
                p.contactEmail() != null ? p.contactEmail() : b.contactEmail(),
                p.contactPhone() != null ? p.contactPhone() : b.contactPhone(),
                p.updateFrequency() != null ? p.updateFrequency() : b.updateFrequency(),
                p.license() != null ? p.license() : b.license(), p.charge() != null ? p.charge() : b.charge(),
                p.state(), p.isPrivate() != null ? p.isPrivate() : b.isPrivate(),
                p.fieldSchema() != null ? p.fieldSchema() : b.fieldSchema(),
                p.extras() != null ? p.extras() : b.extras(), p.tags() != null ? p.tags() : b.tags(),
                p.groups() != null ? p.groups() : b.groups(), p.resources());
    }

    /** An organisation by CKAN name (agency code in lower case), agency id or full name. */
    Optional<Agency> agency(String key) {
        Optional<Agency> byCode = agencies.findByCode(key.toUpperCase());
        if (byCode.isPresent()) {
            return byCode;
        }
        if (key.matches("\\d{1,18}")) {
            Optional<Agency> byId = agencies.find(Long.parseLong(key));
            if (byId.isPresent()) {
                return byId;
            }
        }
        return agencies.all().stream().filter(a -> a.name().equals(key) || key.equalsIgnoreCase(a.nameEn())).findFirst();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.strip();
    }
}
