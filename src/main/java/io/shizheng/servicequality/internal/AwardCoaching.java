package io.shizheng.servicequality.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.Role;
import io.shizheng.platform.ShizhengUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coaching for the Executive Yuan's Government Service Award (政府服務獎): candidate agencies per year and
 * category, an assigned coach (REVIEWER), coaching and benchmark-learning visits, the agency's
 * self-assessment against the award's dimensions, and the result.
 */
@Service
class AwardCoaching {

    static final Map<String, String> CATEGORIES = new LinkedHashMap<>();
    static final Map<String, String> DIMENSIONS = new LinkedHashMap<>();
    static final List<String> STATUSES = List.of("COACHING", "SUBMITTED", "AWARDED", "NOT_AWARDED");

    static {
        CATEGORIES.put("OVERALL", "整體服務類 / Overall service");
        CATEGORIES.put("PROJECT", "專案規劃類 / Project planning");
        DIMENSIONS.put("BASIC", "基本服務品質 / Basic service quality");
        DIMENSIONS.put("DELIVERY", "服務遞送 / Service delivery");
        DIMENSIONS.put("CAPACITY", "服務量能 / Service capacity");
        DIMENSIONS.put("INNOVATION", "開放創新 / Openness and innovation");
    }

    record Candidate(long id, int year, String category, long agencyId, String agencyName, String coach, String status,
                     String result, long visits, Integer selfScore, boolean demo) {
    }

    record Visit(long id, long candidateId, String kind, LocalDate visitedOn, String host, String notes, String recordedBy,
                 boolean demo) {
    }

    record Assessment(String dimension, String label, Integer score, String note) {
    }

    record CandidateInput(Integer year, String category, Long agencyId, String coach) {
    }

    record VisitInput(String kind, LocalDate visitedOn, String host, String notes) {
    }

    record ResultInput(String status, String result) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Access access;
    private final AgencyDirectory agencies;
    private final UserDetailsService users;

    AwardCoaching(JdbcClient jdbc, AuditLog audit, Access access, AgencyDirectory agencies, UserDetailsService users) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.agencies = agencies;
        this.users = users;
    }

    private static final String SELECT = """
            select c.id, c.year, c.category, c.agency_id, c.coach, c.status, c.result,
                   (select count(*) from servicequality_award_visit v where v.candidate_id = c.id),
                   (select round(avg(score))::int from servicequality_award_assessment a where a.candidate_id = c.id),
                   c.demo
            from servicequality_award_candidate c""";

    private Candidate map(java.sql.ResultSet rs) throws java.sql.SQLException {
        long agency = rs.getLong(4);
        return new Candidate(rs.getLong(1), rs.getInt(2), rs.getString(3), agency,
                agencies.find(agency).map(Agency::name).orElse("#" + agency), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getLong(8), (Integer) rs.getObject(9), rs.getBoolean(10));
    }

    /** RDEC sees all; a coach the agencies they coach; an officer their own agency's candidacies. */
    List<Candidate> candidates(int year) {
        ShizhengUser me = access.me();
        return jdbc.sql(SELECT + " where c.year = ? order by c.category, c.id").param(year).query((rs, n) -> map(rs)).list()
                .stream().filter(c -> mayRead(me, c)).toList();
    }

    boolean mayRead(ShizhengUser me, Candidate c) {
        return me.cityWide() || me.getUsername().equals(c.coach()) || access.covers(me, c.agencyId());
    }

    Candidate candidate(long id) {
        Candidate c = jdbc.sql(SELECT + " where c.id = ?").param(id).query((rs, n) -> map(rs)).optional()
                .orElseThrow(() -> new NotFoundException("沒有候選機關 " + id + " / no candidate " + id));
        if (!mayRead(access.me(), c)) {
            throw new ForbiddenException("此候選機關不在您的範圍 / not in your scope");
        }
        return c;
    }

    @Transactional
    Candidate add(CandidateInput in) {
        access.requireRdec();
        List<FieldProblem> p = new ArrayList<>();
        if (in.year() == null || in.year() < 2000 || in.year() > 2100) {
            p.add(new FieldProblem("year", "年度請用西元年 / use the Gregorian year"));
        }
        if (in.category() == null || !CATEGORIES.containsKey(in.category())) {
            p.add(new FieldProblem("category", "類別須為 " + CATEGORIES.keySet() + " 之一 / unknown category"));
        }
        if (in.agencyId() == null || agencies.find(in.agencyId()).isEmpty()) {
            p.add(new FieldProblem("agencyId", "請選擇機關 / unknown agency"));
        }
        String coach = in.coach() == null || in.coach().isBlank() ? null : in.coach().trim();
        if (coach != null && !isReviewer(coach)) {
            p.add(new FieldProblem("coach", coach + " 不是審查委員帳號 / not a REVIEWER account"));
        }
        if (!p.isEmpty()) {
            throw new InvalidInputException(p);
        }
        if (jdbc.sql("select count(*) from servicequality_award_candidate where year = ? and category = ? and agency_id = ?")
                .params(in.year(), in.category(), in.agencyId()).query(Long.class).single() > 0) {
            throw new InvalidInputException("agencyId", "該機關已是本年度此類別候選機關 / already a candidate");
        }
        long id = jdbc.sql("insert into servicequality_award_candidate (year, category, agency_id, coach) values (?, ?, ?, ?) returning id")
                .params(in.year(), in.category(), in.agencyId(), coach).query(Long.class).single();
        Candidate c = candidate(id);
        audit.record("servicequality.award-candidate", id, AuditAction.CREATE, null, c);
        return c;
    }

    private boolean isReviewer(String username) {
        try {
            return users.loadUserByUsername(username) instanceof ShizhengUser u && u.has(Role.REVIEWER) && u.isEnabled();
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }

    List<Visit> visits(long candidateId) {
        candidate(candidateId);
        return jdbc.sql("""
                select id, candidate_id, kind, visited_on, host, notes, recorded_by, demo from servicequality_award_visit
                where candidate_id = ? order by visited_on, id""").param(candidateId)
                .query((rs, n) -> new Visit(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8))).list();
    }

    /** The assigned coach or RDEC records a coaching visit or a benchmark-learning visit. */
    @Transactional
    Visit addVisit(long candidateId, VisitInput in) {
        ShizhengUser me = access.me();
        Candidate c = candidate(candidateId);
        if (!me.cityWide() && !me.getUsername().equals(c.coach())) {
            throw new ForbiddenException("只有輔導委員或研考會可記錄訪視 / only the coach or RDEC may record visits");
        }
        List<FieldProblem> p = new ArrayList<>();
        if (!"COACHING".equals(in.kind()) && !"BENCHMARK".equals(in.kind())) {
            p.add(new FieldProblem("kind", "須為 COACHING（輔導訪視）或 BENCHMARK（標竿學習）/ must be COACHING or BENCHMARK"));
        }
        if (in.visitedOn() == null) {
            p.add(new FieldProblem("visitedOn", "請填訪視日期 / the date is required"));
        }
        if ("BENCHMARK".equals(in.kind()) && (in.host() == null || in.host().isBlank())) {
            p.add(new FieldProblem("host", "標竿學習請填參訪機關 / a benchmark visit needs the host"));
        }
        if (in.notes() == null || in.notes().isBlank()) {
            p.add(new FieldProblem("notes", "請填訪視紀要 / notes are required"));
        }
        if (!p.isEmpty()) {
            throw new InvalidInputException(p);
        }
        long id = jdbc.sql("""
                insert into servicequality_award_visit (candidate_id, kind, visited_on, host, notes, recorded_by)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(candidateId, in.kind(), in.visitedOn(), in.host() == null || in.host().isBlank() ? null : in.host().trim(),
                        in.notes().trim(), me.displayName()).query(Long.class).single();
        Visit v = visits(candidateId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        audit.record("servicequality.award-visit", id, AuditAction.CREATE, null, v);
        return v;
    }

    List<Assessment> assessment(long candidateId) {
        candidate(candidateId);
        Map<String, Assessment> out = new LinkedHashMap<>();
        DIMENSIONS.forEach((k, label) -> out.put(k, new Assessment(k, label, null, null)));
        jdbc.sql("select dimension, score, note from servicequality_award_assessment where candidate_id = ?").param(candidateId)
                .query((rs, n) -> out.put(rs.getString(1), new Assessment(rs.getString(1), DIMENSIONS.get(rs.getString(1)),
                        rs.getInt(2), rs.getString(3)))).list();
        return List.copyOf(out.values());
    }

    /** The candidate agency scores itself 0–100 on each dimension. */
    @Transactional
    List<Assessment> selfAssess(long candidateId, List<Assessment> in) {
        ShizhengUser me = access.me();
        Candidate c = candidate(candidateId);
        access.requireCovers(me, c.agencyId());
        List<FieldProblem> p = new ArrayList<>();
        for (Assessment a : in == null ? List.<Assessment>of() : in) {
            if (!DIMENSIONS.containsKey(a.dimension())) {
                p.add(new FieldProblem("dimension", "沒有此構面：" + a.dimension() + " / unknown dimension"));
            } else if (a.score() == null || a.score() < 0 || a.score() > 100) {
                p.add(new FieldProblem("score." + a.dimension(), "分數須為 0 至 100 / score must be 0 to 100"));
            }
        }
        if (in == null || in.isEmpty()) {
            p.add(new FieldProblem("dimensions", "請至少評一個構面 / score at least one dimension"));
        }
        if (!p.isEmpty()) {
            throw new InvalidInputException(p);
        }
        List<Assessment> before = assessment(candidateId);
        for (Assessment a : in) {
            jdbc.sql("""
                    insert into servicequality_award_assessment (candidate_id, dimension, score, note) values (?, ?, ?, ?)
                    on conflict (candidate_id, dimension) do update set score = excluded.score, note = excluded.note""")
                    .params(candidateId, a.dimension(), a.score(), a.note()).update();
        }
        List<Assessment> after = assessment(candidateId);
        audit.record("servicequality.award-assessment", candidateId, AuditAction.UPDATE, before, after);
        return after;
    }

    @Transactional
    Candidate setResult(long candidateId, ResultInput in) {
        access.requireRdec();
        Candidate before = candidate(candidateId);
        if (in.status() == null || !STATUSES.contains(in.status())) {
            throw new InvalidInputException("status", "狀態須為 " + STATUSES + " 之一 / unknown status");
        }
        jdbc.sql("update servicequality_award_candidate set status = ?, result = ? where id = ?")
                .params(in.status(), in.result() == null || in.result().isBlank() ? null : in.result().trim(), candidateId).update();
        Candidate after = candidate(candidateId);
        audit.record("servicequality.award-candidate", candidateId, AuditAction.UPDATE, before, after);
        return after;
    }
}
