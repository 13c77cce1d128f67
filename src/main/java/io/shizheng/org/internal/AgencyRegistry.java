package io.shizheng.org.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.AgencyKind;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and changes agencies: validated, serialised across instances, and audited. */
@Service
class AgencyRegistry {

    static final String EDITORS = "hasAnyRole('ADMIN','RDEC_STAFF')";
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,30}");

    private final JdbcClient jdbc;
    private final AgencyDirectory directory;
    private final AuditLog audit;
    private final MessageSource messages;

    AgencyRegistry(JdbcClient jdbc, AgencyDirectory directory, AuditLog audit, MessageSource messages) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
        this.messages = messages;
    }

    @Transactional
    @PreAuthorize(EDITORS)
    public Agency create(AgencyInput in) {
        lock();
        Agency created = insert(in);
        audit.record("org.agency", created.id(), AuditAction.CREATE, null, created);
        return created;
    }

    /** Validates and inserts one agency; the caller holds the transaction and the lock, and audits. */
    Agency insert(AgencyInput in) {
        Clean c = validate(null, in);
        long id;
        try {
            id = jdbc.sql("""
                    insert into org_agency (code, name, name_en, kind, parent_id, district_code, phone, active, sort)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(c.code(), c.name(), c.nameEn(), c.kind().name(), c.parentId(), c.districtCode(), c.phone(),
                            in.active() == null || in.active(), in.sort() == null ? 0 : in.sort())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw codeTaken(c.code());
        }
        return directory.find(id).orElseThrow();
    }

    @Transactional
    @PreAuthorize(EDITORS)
    public Agency update(long id, AgencyInput in) {
        lock();
        Agency before = directory.find(id).orElseThrow(() -> notFound(id));
        Clean c = validate(before, in);
        try {
            jdbc.sql("""
                    update org_agency set code = ?, name = ?, name_en = ?, kind = ?, parent_id = ?, district_code = ?,
                        phone = ?, active = ?, sort = ? where id = ?""")
                    .params(c.code(), c.name(), c.nameEn(), c.kind().name(), c.parentId(), c.districtCode(), c.phone(),
                            in.active() == null ? before.active() : in.active(),
                            in.sort() == null ? before.sort() : in.sort(), id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw codeTaken(c.code());
        }
        Agency after = directory.find(id).orElseThrow();
        audit.record("org.agency", id, AuditAction.UPDATE, before, after);
        return after;
    }

    static NotFoundException notFound(long id) {
        return new NotFoundException("沒有編號為 %d 的機關 / No agency with id %d".formatted(id, id));
    }

    /** One agency write at a time across all instances, so uniqueness and cycle checks stay true until commit. */
    void lock() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('org.agency'))").query().singleRow();
    }

    private record Clean(String code, String name, String nameEn, AgencyKind kind, Long parentId, String districtCode,
                         String phone) {
    }

    private Clean validate(Agency current, AgencyInput in) {
        Violations v = new Violations();
        String code = trim(in.code());
        if (code == null) {
            v.add("code", "org.agency.error.code.blank");
        } else if (!CODE.matcher(code).matches()) {
            v.add("code", "org.agency.error.code.pattern");
        } else if (jdbc.sql("select count(*) from org_agency where lower(code) = lower(?) and id <> ?")
                .params(code, current == null ? -1L : current.id()).query(Long.class).single() > 0) {
            v.add("code", "org.agency.error.code.taken", code);
        }
        String name = trim(in.name());
        if (name == null) {
            v.add("name", "org.agency.error.name.blank");
        } else if (name.length() > 100) {
            v.add("name", "org.agency.error.tooLong", 100);
        }
        String nameEn = trim(in.nameEn());
        if (nameEn != null && nameEn.length() > 150) {
            v.add("nameEn", "org.agency.error.tooLong", 150);
        }
        AgencyKind kind = null;
        try {
            kind = in.kind() == null ? null : AgencyKind.valueOf(in.kind().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // reported just below
        }
        if (kind == null) {
            v.add("kind", "org.agency.error.kind");
        }
        Long parentId = in.parentId();
        if (parentId == null) {
            if (kind != null && kind != AgencyKind.CITY) {
                v.add("parentId", "org.agency.error.parent.required");
            }
        } else if (kind == AgencyKind.CITY) {
            v.add("parentId", "org.agency.error.parent.city");
        } else if (directory.find(parentId).isEmpty()) {
            v.add("parentId", "org.agency.error.parent.missing", parentId);
        } else if (current != null && inSubtree(current.id(), parentId)) {
            v.add("parentId", "org.agency.error.parent.cycle");
        }
        String districtCode = trim(in.districtCode());
        if (districtCode != null && jdbc.sql("select count(*) from org_district where code = ?")
                .param(districtCode).query(Long.class).single() == 0) {
            v.add("districtCode", "org.agency.error.district", districtCode);
        }
        String phone = trim(in.phone());
        if (phone != null && phone.length() > 40) {
            v.add("phone", "org.agency.error.tooLong", 40);
        }
        v.throwIfAny(messages);
        return new Clean(code, name, nameEn, kind, parentId, districtCode, phone);
    }

    /** Whether candidate is the agency itself or lies under it: making it the parent would close a loop. */
    private boolean inSubtree(long agencyId, long candidate) {
        Set<Long> ids = new HashSet<>();
        directory.subtree(agencyId).forEach(a -> ids.add(a.id()));
        return ids.contains(candidate);
    }

    private Violations.Rejected codeTaken(String code) {
        return new Violations().add("code", "org.agency.error.code.taken", code).rejection(messages);
    }

    static String trim(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        return t.isEmpty() ? null : t;
    }

    Optional<Agency> find(long id) {
        return directory.find(id);
    }
}
