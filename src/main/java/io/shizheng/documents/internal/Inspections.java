package io.shizheng.documents.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.org.AgencyScope;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.ShizhengUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 公文品質檢核: RDEC's inspection team visits an agency, samples its closed documents, scores each against the
 * checklist (format, wording, timeliness, classification; 25 points each by default), records findings, and the
 * agency answers each finding until RDEC closes it.
 */
@Service
class Inspections {

    record Summary(long id, long agencyId, String agencyName, LocalDate visitOn, String inspectors, int samples,
                   int scored, Double score, int openFindings, int findings, boolean demo) {
    }

    record Sample(long id, long documentId, String docNo, String unit, String subject, LocalDate closed,
                  Integer format, Integer wording, Integer timeliness, Integer classification, String note) {
        public Integer total() {
            if (format == null || wording == null || timeliness == null || classification == null) {
                return null;
            }
            return format + wording + timeliness + classification;
        }
    }

    record Finding(long id, Long sampleId, String category, String description, LocalDate dueOn, String status,
                   String response, String respondedBy, Instant respondedAt, String closedBy, Instant closedAt,
                   boolean demo) {
        public String categoryLabel() { return Checklist.valueOf(category).label(); }
    }

    record Detail(Summary summary, String note, List<Sample> samples, List<Finding> findings, int maxPerCategory) {
    }

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;
    private final AuditLog audit;
    private final Clock clock;
    private final int maxPerCategory;

    Inspections(JdbcClient jdbc, AgencyDirectory agencies, AuditLog audit, Clock clock,
                @Value("${shizheng.documents.inspection.points-per-category:25}") int maxPerCategory) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.audit = audit;
        this.clock = clock;
        this.maxPerCategory = maxPerCategory;
    }

    int maxPerCategory() { return maxPerCategory; }

    private static final String SUMMARY = """
            select i.id, i.agency_id, null as agency_name, i.visit_on, i.inspectors,
              (select count(*) from documents_inspection_sample s where s.inspection_id = i.id),
              (select count(*) from documents_inspection_sample s where s.inspection_id = i.id and s.format_score is not null
                 and s.wording_score is not null and s.timeliness_score is not null and s.classification_score is not null),
              (select avg(s.format_score + s.wording_score + s.timeliness_score + s.classification_score)
                 from documents_inspection_sample s where s.inspection_id = i.id),
              (select count(*) from documents_finding f where f.inspection_id = i.id and f.status <> 'CLOSED'),
              (select count(*) from documents_finding f where f.inspection_id = i.id), i.demo
            from documents_inspection i""";

    private Summary summary(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        java.math.BigDecimal avg = rs.getBigDecimal(8);
        // The agency's name comes from the org module's API, not from its table.
        String agencyName = agencies.find(rs.getLong(2)).map(io.shizheng.org.Agency::name).orElse("");
        return new Summary(rs.getLong(1), rs.getLong(2), agencyName, rs.getObject(4, LocalDate.class),
                rs.getString(5), rs.getInt(6), rs.getInt(7), avg == null ? null : avg.setScale(1, java.math.RoundingMode.HALF_UP).doubleValue(),
                rs.getInt(9), rs.getInt(10), rs.getBoolean(11));
    }

    List<Summary> list(AgencyScope scope, Integer year) {
        List<Object> p = new ArrayList<>();
        String where = " where " + scope.sql("i.agency_id");
        if (year != null) {
            where += " and i.visit_on between ? and ?";
            p.add(LocalDate.of(year, 1, 1));
            p.add(LocalDate.of(year, 12, 31));
        }
        return jdbc.sql(SUMMARY + where + " order by i.visit_on desc, i.id desc").params(p).query(this::summary).list();
    }

    Detail get(long id) {
        Summary s = jdbc.sql(SUMMARY + " where i.id = ?").param(id).query(this::summary).optional()
                .orElseThrow(() -> new NotFoundException("查無檢核紀錄 / no such inspection " + id));
        Readers.require(CurrentUser.require());
        if (!agencies.covers(CurrentUser.require(), s.agencyId())) {
            throw new ForbiddenException("這是其他機關的檢核紀錄 / this inspection concerns another agency");
        }
        String note = jdbc.sql("select note from documents_inspection where id = ?").param(id).query(String.class).optional().orElse(null);
        List<Sample> samples = jdbc.sql("""
                select s.id, d.id, d.doc_no, d.unit, d.subject, d.closed_on, s.format_score, s.wording_score,
                  s.timeliness_score, s.classification_score, s.note
                from documents_inspection_sample s join documents_document d on d.id = s.document_id
                where s.inspection_id = ? order by s.id""").param(id)
                .query((rs, n) -> new Sample(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class), (Integer) rs.getObject(7),
                        (Integer) rs.getObject(8), (Integer) rs.getObject(9), (Integer) rs.getObject(10), rs.getString(11)))
                .list();
        return new Detail(s, note, samples, findings(id), maxPerCategory);
    }

    private List<Finding> findings(long inspectionId) {
        return jdbc.sql("""
                select id, sample_id, category, description, due_on, status, response, responded_by, responded_at,
                  closed_by, closed_at, demo from documents_finding where inspection_id = ? order by id""")
                .param(inspectionId).query((rs, n) -> new Finding(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7),
                        rs.getString(8), instant(rs.getTimestamp(9)), rs.getString(10), instant(rs.getTimestamp(11)),
                        rs.getBoolean(12))).list();
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static ShizhengUser team() {
        ShizhengUser me = CurrentUser.require();
        if (!me.cityWide()) {
            throw new ForbiddenException("公文品質檢核由研考會辦理 / inspections are recorded by RDEC staff");
        }
        return me;
    }

    @Transactional
    long create(Long agencyId, LocalDate visitOn, String inspectors, String note) {
        ShizhengUser me = team();
        List<FieldProblem> problems = new ArrayList<>();
        if (agencyId == null || agencies.find(agencyId).isEmpty()) {
            problems.add(new FieldProblem("agencyId", "請選擇受檢機關 / choose the inspected agency"));
        }
        if (visitOn == null) {
            problems.add(new FieldProblem("visitOn", "請填檢核日期 / the visit date is required"));
        }
        if (inspectors == null || inspectors.isBlank() || inspectors.length() > 300) {
            problems.add(new FieldProblem("inspectors", "請填檢核人員（上限 300 字）/ name the inspectors (at most 300 characters)"));
        }
        if (note != null && note.length() > 1000) {
            problems.add(new FieldProblem("note", "備註上限 1000 字 / at most 1000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = jdbc.sql("insert into documents_inspection (agency_id, visit_on, inspectors, note, created_by) values (?, ?, ?, ?, ?) returning id")
                .params(agencyId, visitOn, inspectors.trim(), blankToNull(note), me.getUsername()).query(Long.class).single();
        audit.record("documents.inspection", id, AuditAction.CREATE, null,
                Map.of("agencyId", agencyId, "visitOn", visitOn.toString(), "inspectors", inspectors.trim()));
        return id;
    }

    /** Draws documents closed in the three months before the visit, at random, not already sampled. */
    @Transactional
    int drawSample(long inspectionId, Integer count) {
        team();
        Detail d = get(inspectionId);
        if (count == null || count < 1 || count > 50) {
            throw new InvalidInputException("count", "抽檢件數須為 1 到 50 / sample between 1 and 50 documents");
        }
        AgencyScope inspected = agencies.subtreeScope(d.summary().agencyId());
        LocalDate to = d.summary().visitOn();
        int added = jdbc.sql("""
                insert into documents_inspection_sample (inspection_id, document_id)
                select ?, id from documents_document
                where closed_on between ? and ?""" + inspected.andSql("agency_id") + """

                  and id not in (select document_id from documents_inspection_sample where inspection_id = ?)
                order by random() limit ?""")
                .params(inspectionId, to.minusMonths(3), to, inspectionId, count).update();
        if (added == 0) {
            throw new InvalidInputException("count", "該機關於檢核日前三個月內沒有可抽檢的結案公文 / no closed documents to sample in the three months before the visit");
        }
        audit.record("documents.inspection", inspectionId, AuditAction.UPDATE, null, Map.of("sampled", added));
        return added;
    }

    @Transactional
    Sample score(long sampleId, Integer format, Integer wording, Integer timeliness, Integer classification, String note) {
        team();
        Long inspectionId = jdbc.sql("select inspection_id from documents_inspection_sample where id = ?").param(sampleId)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("查無抽檢公文 / no such sample " + sampleId));
        List<FieldProblem> problems = new ArrayList<>();
        check("format", format, problems);
        check("wording", wording, problems);
        check("timeliness", timeliness, problems);
        check("classification", classification, problems);
        if (note != null && note.length() > 500) {
            problems.add(new FieldProblem("note", "備註上限 500 字 / at most 500 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("""
                update documents_inspection_sample set format_score = ?, wording_score = ?, timeliness_score = ?,
                  classification_score = ?, note = ? where id = ?""")
                .params(format, wording, timeliness, classification, blankToNull(note), sampleId).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("sample", sampleId);
        after.put("format", format);
        after.put("wording", wording);
        after.put("timeliness", timeliness);
        after.put("classification", classification);
        audit.record("documents.inspection", inspectionId, AuditAction.UPDATE, null, after);
        return get(inspectionId).samples().stream().filter(s -> s.id() == sampleId).findFirst().orElseThrow();
    }

    private void check(String field, Integer v, List<FieldProblem> problems) {
        if (v == null || v < 0 || v > maxPerCategory) {
            problems.add(new FieldProblem(field, "分數須為 0 到 %d / score must be between 0 and %d".formatted(maxPerCategory, maxPerCategory)));
        }
    }

    @Transactional
    Finding addFinding(long inspectionId, Long sampleId, String category, String description, LocalDate dueOn) {
        team();
        get(inspectionId);
        List<FieldProblem> problems = new ArrayList<>();
        Checklist c = null;
        try {
            c = Checklist.parse(category);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("category", "檢核項目須為 FORMAT、WORDING、TIMELINESS 或 CLASSIFICATION / unknown checklist category"));
        }
        if (description == null || description.isBlank() || description.length() > 1000) {
            problems.add(new FieldProblem("description", "請描述缺失（上限 1000 字）/ describe the finding (at most 1000 characters)"));
        }
        if (dueOn == null) {
            problems.add(new FieldProblem("dueOn", "請訂改善期限 / the improvement due date is required"));
        }
        if (sampleId != null && jdbc.sql("select count(*) from documents_inspection_sample where id = ? and inspection_id = ?")
                .params(sampleId, inspectionId).query(Long.class).single() == 0) {
            problems.add(new FieldProblem("sampleId", "此抽檢公文不屬於本次檢核 / the sample is not part of this inspection"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = jdbc.sql("insert into documents_finding (inspection_id, sample_id, category, description, due_on) values (?, ?, ?, ?, ?) returning id")
                .params(inspectionId, sampleId, c.name(), description.trim(), dueOn).query(Long.class).single();
        audit.record("documents.finding", id, AuditAction.CREATE, null,
                Map.of("inspection", inspectionId, "category", c.name(), "dueOn", dueOn.toString()));
        return findings(inspectionId).stream().filter(f -> f.id() == id).findFirst().orElseThrow();
    }

    private record FindingRef(long inspectionId, long agencyId, String status) {
    }

    private FindingRef finding(long id) {
        return jdbc.sql("select f.inspection_id, i.agency_id, f.status from documents_finding f join documents_inspection i on i.id = f.inspection_id where f.id = ?")
                .param(id).query((rs, n) -> new FindingRef(rs.getLong(1), rs.getLong(2), rs.getString(3))).optional()
                .orElseThrow(() -> new NotFoundException("查無檢核缺失 / no such finding " + id));
    }

    /** The inspected agency answers a finding with what it improved. */
    @Transactional
    Finding respond(long findingId, String response) {
        ShizhengUser me = CurrentUser.require();
        Readers.require(me);
        FindingRef f = finding(findingId);
        if (!agencies.covers(me, f.agencyId())) {
            throw new ForbiddenException("只有受檢機關可以回復 / only the inspected agency may respond");
        }
        if ("CLOSED".equals(f.status())) {
            throw new InvalidInputException("status", "此缺失已結案 / this finding is already closed");
        }
        if (response == null || response.isBlank() || response.length() > 1000) {
            throw new InvalidInputException("response", "請說明改善情形（上限 1000 字）/ describe the improvement (at most 1000 characters)");
        }
        jdbc.sql("update documents_finding set status = 'RESPONDED', response = ?, responded_by = ?, responded_at = ? where id = ?")
                .params(response.trim(), me.getUsername(), java.sql.Timestamp.from(clock.instant()), findingId).update();
        audit.record("documents.finding", findingId, AuditAction.UPDATE, Map.of("status", f.status()),
                Map.of("status", "RESPONDED", "response", response.trim()));
        return findings(f.inspectionId()).stream().filter(x -> x.id() == findingId).findFirst().orElseThrow();
    }

    /** RDEC accepts the agency's answer and closes the finding. */
    @Transactional
    Finding close(long findingId) {
        ShizhengUser me = team();
        FindingRef f = finding(findingId);
        if (!"RESPONDED".equals(f.status())) {
            throw new InvalidInputException("status", "機關尚未回復改善情形，不能結案 / the agency has not responded yet");
        }
        jdbc.sql("update documents_finding set status = 'CLOSED', closed_by = ?, closed_at = ? where id = ?")
                .params(me.getUsername(), java.sql.Timestamp.from(clock.instant()), findingId).update();
        audit.record("documents.finding", findingId, AuditAction.APPROVE, Map.of("status", f.status()), Map.of("status", "CLOSED"));
        return findings(f.inspectionId()).stream().filter(x -> x.id() == findingId).findFirst().orElseThrow();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
