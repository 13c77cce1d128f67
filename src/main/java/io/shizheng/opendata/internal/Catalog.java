package io.shizheng.opendata.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.shizheng.opendata.internal.Dataset.Resource;
import io.shizheng.opendata.internal.Dataset.State;
import io.shizheng.opendata.internal.DatasetDraft.ResourceDraft;
import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.Role;
import io.shizheng.platform.ShizhengUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes to the catalogue: create, update, patch, the lifecycle (上架 publish / 下架 withdraw) and URL resources.
 * Each write validates first (nothing changes on bad input), checks the agency scope, snapshots a version and
 * is audited in the same transaction.
 */
@Service
public class Catalog {

    static final Pattern NAME = Pattern.compile("^[a-z0-9_-]{2,100}$");

    private final DatasetStore store;
    private final AgencyDirectory agencies;
    private final AuditLog audit;
    private final SearchIndex index;
    private final JsonMapper json;
    private final Clock clock;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final DatasetChecks checks;

    Catalog(DatasetStore store, AgencyDirectory agencies, AuditLog audit, SearchIndex index, JsonMapper json, Clock clock,
            org.springframework.jdbc.core.simple.JdbcClient jdbc, DatasetChecks checks) {
        this.jdbc = jdbc;
        this.checks = checks;
        this.store = store;
        this.agencies = agencies;
        this.audit = audit;
        this.index = index;
        this.json = json;
        this.clock = clock;
    }

    // ---- reading with visibility -------------------------------------------------------------------------

    /** Whether the user may see the dataset: anyone when published and public, else its agency and RDEC. */
    boolean maySee(Dataset d, ShizhengUser user) {
        if (d.state() == State.deleted) {
            return user != null && user.cityWide();
        }
        return d.publiclyVisible() || (user != null && agencies.covers(user, d.agencyId()));
    }

    boolean mayEdit(Dataset d, ShizhengUser user) {
        return user != null && mayWrite(user) && agencies.covers(user, d.agencyId());
    }

    static boolean mayWrite(ShizhengUser user) {
        return user.cityWide() || user.has(Role.AGENCY_OFFICER);
    }

    /** The dataset if the current user may see it; otherwise 404, as if it did not exist. */
    public Dataset visible(String key) {
        ShizhengUser me = CurrentUser.get().orElse(null);
        return store.findByNameOrId(key).filter(d -> maySee(d, me))
                .orElseThrow(() -> new NotFoundException("找不到資料集 " + key + " / Dataset not found"));
    }

    Dataset editable(String key) {
        ShizhengUser me = requireWriter();
        Dataset d = store.findByNameOrId(key).filter(x -> maySee(x, me))
                .orElseThrow(() -> new NotFoundException("找不到資料集 " + key + " / Dataset not found"));
        if (!agencies.covers(me, d.agencyId())) {
            throw new ForbiddenException("只能編輯本機關的資料集 / You may edit only your agency's datasets");
        }
        return d;
    }

    public static ShizhengUser requireWriter() {
        ShizhengUser me = CurrentUser.get().orElseThrow(() -> new ForbiddenException(
                "請以 API 權杖或登入後操作 / Sign in or send an API token to write"));
        if (!mayWrite(me)) {
            throw new ForbiddenException("需要機關承辦或研考會權限 / Only agency officers and RDEC staff may publish data");
        }
        return me;
    }

    // ---- writes ------------------------------------------------------------------------------------------

    @Transactional
    Dataset create(DatasetDraft draft) {
        return create(draft, null);
    }

    /**
     * Creates a dataset; with an Idempotency-Key, a retry by the same user returns the dataset the first request
     * created (so a client that lost the answer does not create it twice).
     */
    @Transactional
    public Dataset create(DatasetDraft draft, String idempotencyKey) {
        ShizhengUser me = requireWriter();
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null) {
            if (key.length() > 200) {
                throw new InvalidInputException("Idempotency-Key", "Idempotency-Key 不可超過 200 字 / at most 200 characters");
            }
            jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(me.getUsername() + "|" + key).query().singleRow();
            java.util.List<Long> earlier = jdbc.sql("select dataset_id from opendata_idempotency where username = ? and key = ?")
                    .params(me.getUsername(), key).query(Long.class).list();
            if (!earlier.isEmpty()) {
                return store.find(earlier.get(0)).orElseThrow();
            }
        }
        Dataset created = createNew(draft, me);
        if (key != null) {
            jdbc.sql("insert into opendata_idempotency (username, key, dataset_id) values (?, ?, ?)")
                    .params(me.getUsername(), key, created.id()).update();
        }
        return created;
    }

    private Dataset createNew(DatasetDraft draft, ShizhengUser me) {
        List<FieldProblem> problems = new ArrayList<>();
        if (draft.name() == null || draft.name().isBlank()) {
            problems.add(new FieldProblem("name", "必填 / Missing value"));
        }
        DatasetChecks.Resolved r = checks.resolve(draft, null, problems);
        if (r.agency != null && !agencies.covers(me, r.agency.id())) {
            throw new ForbiddenException("只能為本機關建立資料集 / You may create datasets only for your agency");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        State state = "draft".equalsIgnoreCase(draft.state()) ? State.draft : State.published;
        Dataset d = new Dataset(0, null, r.name, r.title, r.notes, r.category, r.fieldsDesc, r.agency.id(),
                r.contactName, r.contactEmail, r.contactPhone, r.frequency, r.license, r.charge, state, r.isPrivate,
                r.fieldSchema, r.extras, state == State.published ? now : null, state == State.published ? now : null,
                null, now, now, now, null, null, 0, 1, false, r.tags, List.of(), List.of());
        long id = store.insert(d);
        store.setTags(id, r.tags);
        store.setGroups(id, r.groupIds);
        for (ResourceDraft rd : r.resources) {
            store.insertResource(id, rd.name(), rd.description(), "url", rd.url(), rd.format(), false);
        }
        store.addVersion(id, "create", me.getUsername());
        Dataset created = store.find(id).orElseThrow();
        audit.record("opendata.dataset", id, AuditAction.CREATE, null, summary(created));
        index.afterCommit(id);
        return created;
    }

    /** Full update (CKAN package_update) when {@code patch} is false, else a patch (package_patch). */
    @Transactional
    public Dataset update(String key, DatasetDraft draft, boolean patch) {
        ShizhengUser me = requireWriter();
        Dataset before = editable(key);
        DatasetDraft merged = patch ? checks.merge(before, draft) : draft;
        List<FieldProblem> problems = new ArrayList<>();
        DatasetChecks.Resolved r = checks.resolve(merged, before, problems);
        if (r.agency != null && !agencies.covers(me, r.agency.id())) {
            throw new ForbiddenException("不能把資料集移給他機關 / You may not move a dataset to another agency");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        State state = before.state();
        Instant firstPublished = before.firstPublishedAt();
        Instant published = before.publishedAt();
        Instant withdrawn = before.withdrawnAt();
        if (merged.state() != null) {
            if ("active".equalsIgnoreCase(merged.state()) || "published".equalsIgnoreCase(merged.state())) {
                if (state != State.published) {
                    state = State.published;
                    published = now;
                    firstPublished = firstPublished == null ? now : firstPublished;
                }
            } else if ("draft".equalsIgnoreCase(merged.state()) && state == State.published) {
                problems.add(new FieldProblem("state", "已上架的資料集不能改回草稿，請下架 / A published dataset cannot go back to draft; withdraw it"));
                throw new InvalidInputException(problems);
            }
        }
        Dataset after = new Dataset(before.id(), before.uuid(), r.name, r.title, r.notes, r.category, r.fieldsDesc,
                r.agency.id(), r.contactName, r.contactEmail, r.contactPhone, r.frequency, r.license, r.charge, state,
                r.isPrivate, r.fieldSchema, r.extras, firstPublished, published, withdrawn, before.createdAt(), now,
                before.dataUpdatedAt(), before.qualityLevel(), before.qualityCheckedAt(), before.downloadCount(),
                before.version(), before.demo(), r.tags, List.of(), List.of());
        store.update(after);
        store.setTags(before.id(), r.tags);
        store.setGroups(before.id(), r.groupIds);
        if (merged.resources() != null) {
            syncResources(before, merged.resources());
        }
        store.addVersion(before.id(), patch ? "patch" : "update", me.getUsername());
        Dataset saved = store.find(before.id()).orElseThrow();
        audit.record("opendata.dataset", before.id(), AuditAction.UPDATE, summary(before), summary(saved));
        index.afterCommit(before.id());
        return saved;
    }

    /** 上架: draft or withdrawn → published. The first publication date is kept for good. */
    @Transactional
    Dataset publish(String key) {
        return transition(key, State.published, "publish");
    }

    /** 下架: published → withdrawn; still listed for its agency, gone from public views. */
    @Transactional
    Dataset withdraw(String key) {
        return transition(key, State.withdrawn, "withdraw");
    }

    /**
     * CKAN package_delete: a published dataset is withdrawn (its history and first publication stay); a draft
     * that was never published is marked deleted and disappears from every list but RDEC's.
     */
    @Transactional
    public Dataset delete(String key) {
        Dataset d = editable(key);
        return d.state() == State.draft ? transition(key, State.deleted, "delete") : transition(key, State.withdrawn, "withdraw");
    }

    private Dataset transition(String key, State to, String change) {
        ShizhengUser me = requireWriter();
        Dataset before = editable(key);
        if (before.state() == to) {
            return before;
        }
        if (before.state() == State.deleted) {
            throw new InvalidInputException("state", "資料集已刪除 / The dataset was deleted");
        }
        if (to == State.withdrawn && before.state() == State.draft) {
            throw new InvalidInputException("state", "草稿尚未上架，無法下架 / A draft is not published, so it cannot be withdrawn");
        }
        Instant now = clock.instant();
        Dataset after = new Dataset(before.id(), before.uuid(), before.name(), before.title(), before.notes(),
                before.category(), before.fieldsDesc(), before.agencyId(), before.contactName(), before.contactEmail(),
                before.contactPhone(), before.updateFrequency(), before.license(), before.charge(), to,
                before.isPrivate(), before.fieldSchema(), before.extras(),
                to == State.published && before.firstPublishedAt() == null ? now : before.firstPublishedAt(),
                to == State.published ? now : before.publishedAt(), to == State.withdrawn ? now : before.withdrawnAt(),
                before.createdAt(), now, before.dataUpdatedAt(), before.qualityLevel(), before.qualityCheckedAt(),
                before.downloadCount(), before.version(), before.demo(), before.tags(), before.groups(), before.resources());
        store.update(after);
        store.addVersion(before.id(), change, me.getUsername());
        Dataset saved = store.find(before.id()).orElseThrow();
        audit.record("opendata.dataset", before.id(), AuditAction.UPDATE, Map.of("state", before.state().name()),
                Map.of("state", to.name(), "change", change));
        index.afterCommit(before.id());
        return saved;
    }

    @Transactional
    public Resource addUrlResource(String key, ResourceDraft draft) {
        ShizhengUser me = requireWriter();
        Dataset d = editable(key);
        List<FieldProblem> problems = new ArrayList<>();
        ResourceDraft rd = checks.checkResource(draft, 0, problems, true);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UUID id = store.insertResource(d.id(), rd.name(), rd.description(), "url", rd.url(), rd.format(), false);
        store.touch(d.id(), clock.instant(), false);
        store.addVersion(d.id(), "resource-add", me.getUsername());
        Resource r = store.resource(id).orElseThrow();
        audit.record("opendata.resource", id, AuditAction.CREATE, null, Map.of("dataset", d.name(), "url", rd.url()));
        index.afterCommit(d.id());
        return r;
    }

    private void syncResources(Dataset before, List<ResourceDraft> drafts) {
        Set<UUID> keep = new LinkedHashSet<>();
        for (ResourceDraft rd : drafts) {
            if (rd.id() != null) {
                UUID id;
                try {
                    id = UUID.fromString(rd.id());
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("resources.id", "資源代碼不正確 / Resource id is not valid: " + rd.id());
                }
                Resource existing = before.resources().stream().filter(x -> x.id().equals(id)).findFirst()
                        .orElseThrow(() -> new InvalidInputException("resources.id", "資源不屬於此資料集 / Resource "
                                + rd.id() + " is not part of this dataset"));
                store.updateResourceMeta(id, rd.name() == null ? existing.name() : rd.name(),
                        rd.description() == null ? existing.description() : rd.description(),
                        existing.upload() ? null : rd.url(), rd.format() == null ? existing.format() : rd.format());
                keep.add(id);
            } else {
                keep.add(store.insertResource(before.id(), rd.name(), rd.description(), "url", rd.url(), rd.format(), false));
            }
        }
        for (Resource r : before.resources()) {
            if (!keep.contains(r.id())) {
                store.deleteResource(r.id());
            }
        }
    }

    /** An organisation by CKAN name (agency code in lower case), agency id or full name. */
    public Optional<Agency> agency(String key) {
        return checks.agency(key);
    }

    public static String orgName(Agency a) {
        return a.code().toLowerCase();
    }

    Map<String, Object> summary(Dataset d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("title", d.title());
        m.put("state", d.state().name());
        m.put("agencyId", d.agencyId());
        m.put("private", d.isPrivate());
        m.put("tags", d.tags());
        m.put("resources", d.resources().size());
        return m;
    }

    JsonNode tree(String text) {
        return json.readTree(text);
    }
}
