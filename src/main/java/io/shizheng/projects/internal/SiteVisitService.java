package io.shizheng.projects.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import io.shizheng.platform.Role;
import io.shizheng.platform.ShizhengUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Site verification (實地查證): visits planned by rule (light, budget, control level) or by hand, a committee of
 * outside experts who each declare conflicts of interest, findings with a score, improvement items tracked to
 * closure with the agency's replies, and publication of the results.
 */
@Service
class SiteVisitService {

    private final JdbcClient jdbc;
    private final ProjectStore store;
    private final Portfolio portfolio;
    private final AgencyDirectory agencies;
    private final UserDetailsService users;
    private final AuditLog audit;
    private final Clock clock;

    SiteVisitService(JdbcClient jdbc, ProjectStore store, Portfolio portfolio, AgencyDirectory agencies, UserDetailsService users,
                     AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.portfolio = portfolio;
        this.agencies = agencies;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    record Visit(long id, long projectId, String projectCode, String projectName, long agencyId, String light, LocalDate plannedDate,
                 String selectedBy, String status, Integer score, String findings, LocalDate visitedOn, boolean demo) {
    }

    record Member(String username, Boolean noConflict, String declaration, Instant declaredAt) {
    }

    record Improvement(long id, String text, String status, String reply, Instant repliedAt, Instant closedAt) {
    }

    record Detail(Visit visit, List<Member> members, List<Improvement> improvements, List<Long> photoIds) {
    }

    record PlanRule(LocalDate date, Integer count, java.math.BigDecimal minBudget, List<String> lights, List<String> levels) {
    }

    record Findings(LocalDate visitedOn, Integer score, String findings, List<String> improvements) {
    }

    private static final String VISIT = """
            select v.id, v.project_id, p.code as project_code, p.name as project_name, p.agency_id, p.light, v.planned_date,
              v.selected_by, v.status, v.score, v.findings, v.visited_on, v.demo
            from projects_site_visit v join projects_project p on p.id = v.project_id""";

    List<Visit> all(ShizhengUser me) {
        List<Visit> all = jdbc.sql(VISIT + " order by v.planned_date desc, v.id desc").query(Visit.class).list();
        if (me.cityWide() || me.has(Role.REVIEWER)) {
            return all;
        }
        AgencyScope scope = agencies.scopeOf(me);
        return all.stream().filter(v -> scope.covers(v.agencyId())).toList();
    }

    List<Visit> published() {
        return jdbc.sql(VISIT + " where v.status = 'PUBLISHED' order by v.visited_on desc").query(Visit.class).list();
    }

    Visit visit(long id) {
        return jdbc.sql(VISIT + " where v.id = ?").param(id).query(Visit.class).optional()
                .orElseThrow(() -> new NotFoundException("沒有此查證 / no such site visit"));
    }

    Detail detail(long id) {
        ShizhengUser me = CurrentUser.require();
        Visit v = visit(id);
        if (!me.has(Role.REVIEWER) && !agencies.covers(me, v.agencyId())) {
            throw new NotFoundException("沒有此查證 / no such site visit");
        }
        return new Detail(v, members(id), improvements(id),
                jdbc.sql("select id from projects_visit_photo where visit_id = ? order by id").param(id).query(Long.class).list());
    }

    List<Member> members(long id) {
        return jdbc.sql("select username, no_conflict, declaration, declared_at from projects_visit_member where visit_id = ? order by username")
                .param(id).query(Member.class).list();
    }

    List<Improvement> improvements(long id) {
        return jdbc.sql("select id, text, status, reply, replied_at, closed_at from projects_improvement where visit_id = ? order by id")
                .param(id).query(Improvement.class).list();
    }

    /** Picks active projects by the rule: RED, then YELLOW, then higher control level, then larger budget. */
    @Transactional
    List<Visit> plan(PlanRule rule) {
        MeetingService.requireRdec();
        List<FieldProblem> problems = new ArrayList<>();
        if (rule.date() == null) {
            problems.add(new FieldProblem("date", "請填預定查證日期 / the visit date is required"));
        }
        if (rule.count() == null || rule.count() < 1 || rule.count() > 50) {
            problems.add(new FieldProblem("count", "查證件數須為 1 至 50 / count must be 1 to 50"));
        }
        List<String> lights = rule.lights() == null || rule.lights().isEmpty() ? List.of("RED", "YELLOW", "GREEN") : rule.lights();
        List<String> levels = rule.levels() == null || rule.levels().isEmpty() ? ProjectService.LEVELS : rule.levels();
        if (!List.of("RED", "YELLOW", "GREEN", "NONE").containsAll(lights)) {
            problems.add(new FieldProblem("lights", "燈號須為 RED、YELLOW、GREEN 或 NONE / unknown light"));
        }
        if (!ProjectService.LEVELS.containsAll(levels)) {
            problems.add(new FieldProblem("levels", "列管層級須為 " + ProjectService.LEVELS + " / unknown level"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Long> picked = jdbc.sql("""
                select id from projects_project p where status = 'ACTIVE' and light = any(?) and control_level = any(?)
                  and total_budget >= ? and not exists (select 1 from projects_site_visit v where v.project_id = p.id and v.status = 'PLANNED')
                order by case light when 'RED' then 0 when 'YELLOW' then 1 else 2 end,
                  case control_level when 'EXECUTIVE_YUAN' then 0 when 'MINISTRY' then 1 when 'CITY' then 2 else 3 end,
                  total_budget desc limit ?""")
                .params(lights.toArray(String[]::new), levels.toArray(String[]::new),
                        rule.minBudget() == null ? java.math.BigDecimal.ZERO : rule.minBudget(), rule.count())
                .query(Long.class).list();
        List<Visit> out = new ArrayList<>();
        for (Long p : picked) {
            out.add(insert(p, rule.date(), "RULE"));
        }
        return out;
    }

    @Transactional
    Visit planOne(long projectId, LocalDate date) {
        MeetingService.requireRdec();
        store.find(projectId).orElseThrow(() -> new InvalidInputException("projectId", "沒有此案件 / no such project"));
        if (date == null) {
            throw new InvalidInputException("date", "請填預定查證日期 / the visit date is required");
        }
        return insert(projectId, date, "HAND");
    }

    private Visit insert(long projectId, LocalDate date, String by) {
        long id = jdbc.sql("insert into projects_site_visit (project_id, planned_date, selected_by) values (?, ?, ?) returning id")
                .params(projectId, date, by).query(Long.class).single();
        Visit v = visit(id);
        audit.record("projects.site-visit", id, AuditAction.CREATE, null, v);
        return v;
    }

    @Transactional
    List<Member> addMember(long visitId, String username) {
        MeetingService.requireRdec();
        visit(visitId);
        ShizhengUser member;
        try {
            member = (ShizhengUser) users.loadUserByUsername(username == null ? "" : username.trim());
        } catch (UsernameNotFoundException | ClassCastException e) {
            throw new InvalidInputException("username", "沒有此帳號 / no such account");
        }
        if (!member.has(Role.REVIEWER)) {
            throw new InvalidInputException("username", "查證委員須為外聘委員（REVIEWER）/ committee members must have the REVIEWER role");
        }
        int added = jdbc.sql("insert into projects_visit_member (visit_id, username) values (?, ?) on conflict do nothing")
                .params(visitId, member.getUsername()).update();
        if (added == 0) {
            throw new InvalidInputException("username", "已是查證委員 / already on the committee");
        }
        audit.record("projects.site-visit", visitId, AuditAction.UPDATE, null, Map.of("member", member.getUsername()));
        return members(visitId);
    }

    /** A committee member declares, before the visit, whether they have a conflict of interest with the project. */
    @Transactional
    List<Member> declare(long visitId, Boolean noConflict, String declaration) {
        ShizhengUser me = CurrentUser.require();
        visit(visitId);
        if (members(visitId).stream().noneMatch(m -> m.username().equals(me.getUsername()))) {
            throw new ForbiddenException("只有本案查證委員可聲明 / only committee members of this visit declare");
        }
        if (noConflict == null) {
            throw new InvalidInputException("noConflict", "請勾選有無利益衝突 / state whether you have a conflict of interest");
        }
        if (!noConflict && ReportService.blank(declaration)) {
            throw new InvalidInputException("declaration", "有利益衝突時請說明 / describe the conflict");
        }
        jdbc.sql("update projects_visit_member set no_conflict = ?, declaration = ?, declared_at = ? where visit_id = ? and username = ?")
                .params(noConflict, ReportService.trim(declaration), java.sql.Timestamp.from(clock.instant()), visitId, me.getUsername())
                .update();
        audit.record("projects.site-visit", visitId, AuditAction.UPDATE, null,
                Map.of("declaration", me.getUsername(), "noConflict", noConflict));
        return members(visitId);
    }

    @Transactional
    Detail record(long visitId, Findings f, List<ReportService.NewPhoto> photos) {
        ShizhengUser me = CurrentUser.require();
        Visit v = visit(visitId);
        List<Member> members = members(visitId);
        boolean clearedMember = members.stream().anyMatch(m -> m.username().equals(me.getUsername()) && Boolean.TRUE.equals(m.noConflict()));
        if (!me.cityWide() && !clearedMember) {
            throw new ForbiddenException("只有研考會或已聲明無利益衝突的委員可登錄查證結果 / only RDEC or cleared committee members record findings");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (members.stream().noneMatch(m -> Boolean.TRUE.equals(m.noConflict()))) {
            problems.add(new FieldProblem("members", "至少須一位委員聲明無利益衝突 / at least one member must declare no conflict"));
        }
        if (f.visitedOn() == null) {
            problems.add(new FieldProblem("visitedOn", "請填查證日期 / the visit date is required"));
        } else if (f.visitedOn().isAfter(LocalDate.now(clock))) {
            problems.add(new FieldProblem("visitedOn", "查證日期不能在未來 / the visit date cannot be in the future"));
        }
        if (f.score() == null || f.score() < 0 || f.score() > 100) {
            problems.add(new FieldProblem("score", "分數須為 0 至 100 / score must be 0 to 100"));
        }
        if (ReportService.blank(f.findings())) {
            problems.add(new FieldProblem("findings", "請填查證意見 / findings are required"));
        }
        if ("PUBLISHED".equals(v.status())) {
            problems.add(new FieldProblem("status", "已公開的查證結果不能再改 / published results cannot change"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("update projects_site_visit set visited_on = ?, score = ?, findings = ?, status = 'DONE' where id = ?")
                .params(f.visitedOn(), f.score(), f.findings().trim(), visitId).update();
        if (f.improvements() != null) {
            for (String text : f.improvements()) {
                if (!ReportService.blank(text)) {
                    jdbc.sql("insert into projects_improvement (visit_id, text) values (?, ?)").params(visitId, text.trim()).update();
                }
            }
        }
        for (ReportService.NewPhoto p : photos) {
            jdbc.sql("insert into projects_visit_photo (visit_id, name, content_type, bytes) values (?, ?, ?, ?)")
                    .params(visitId, p.name(), p.contentType(), p.bytes()).update();
        }
        audit.record("projects.site-visit", visitId, AuditAction.UPDATE, v, visit(visitId));
        return detail(visitId);
    }

    @Transactional
    Improvement reply(long improvementId, String reply) {
        ShizhengUser me = CurrentUser.require();
        Improvement before = improvement(improvementId);
        Visit v = visitOf(improvementId);
        if (!agencies.covers(me, v.agencyId())) {
            throw new ForbiddenException("只有主辦機關可回覆改善事項 / only the owner agency replies");
        }
        if ("CLOSED".equals(before.status())) {
            throw new InvalidInputException("status", "改善事項已結案 / the item is closed");
        }
        if (ReportService.blank(reply)) {
            throw new InvalidInputException("reply", "請填改善情形 / describe the improvement");
        }
        jdbc.sql("update projects_improvement set reply = ?, status = 'REPLIED', replied_at = ? where id = ?")
                .params(reply.trim(), java.sql.Timestamp.from(clock.instant()), improvementId).update();
        Improvement after = improvement(improvementId);
        audit.record("projects.improvement", improvementId, AuditAction.UPDATE, before, after);
        return after;
    }

    @Transactional
    Improvement close(long improvementId) {
        MeetingService.requireRdec();
        Improvement before = improvement(improvementId);
        if (!"REPLIED".equals(before.status())) {
            throw new InvalidInputException("status", "須待機關回覆後才能結案 / close only after the agency replied");
        }
        jdbc.sql("update projects_improvement set status = 'CLOSED', closed_at = ? where id = ?")
                .params(java.sql.Timestamp.from(clock.instant()), improvementId).update();
        Improvement after = improvement(improvementId);
        audit.record("projects.improvement", improvementId, AuditAction.APPROVE, before, after);
        return after;
    }

    @Transactional
    Visit publish(long visitId) {
        MeetingService.requireRdec();
        Visit before = visit(visitId);
        if (!"DONE".equals(before.status())) {
            throw new InvalidInputException("status", "須先登錄查證結果 / record the findings first");
        }
        jdbc.sql("update projects_site_visit set status = 'PUBLISHED' where id = ?").param(visitId).update();
        Visit after = visit(visitId);
        audit.record("projects.site-visit", visitId, AuditAction.APPROVE, before, after);
        return after;
    }

    Improvement improvement(long id) {
        return jdbc.sql("select id, text, status, reply, replied_at, closed_at from projects_improvement where id = ?").param(id)
                .query(Improvement.class).optional().orElseThrow(() -> new NotFoundException("沒有此改善事項 / no such item"));
    }

    Visit visitOf(long improvementId) {
        long visitId = jdbc.sql("select visit_id from projects_improvement where id = ?").param(improvementId).query(Long.class).single();
        return visit(visitId);
    }

    record PhotoFile(String contentType, byte[] bytes) {
    }

    PhotoFile photo(long photoId, boolean publicOnly) {
        Map<String, Object> row = jdbc.sql("""
                select ph.bytes, ph.content_type, v.status, p.agency_id from projects_visit_photo ph join projects_site_visit v on v.id = ph.visit_id
                join projects_project p on p.id = v.project_id where ph.id = ?""").param(photoId).query().listOfRows().stream()
                .findFirst().orElseThrow(() -> new NotFoundException("沒有此照片 / no such photo"));
        if (publicOnly && !"PUBLISHED".equals(row.get("status"))) {
            throw new NotFoundException("沒有此照片 / no such photo");
        }
        if (!publicOnly) {
            ShizhengUser me = CurrentUser.require();
            if (!me.has(Role.REVIEWER) && !agencies.covers(me, ((Number) row.get("agency_id")).longValue())) {
                throw new NotFoundException("沒有此照片 / no such photo");
            }
        }
        return new PhotoFile((String) row.get("content_type"), (byte[]) row.get("bytes"));
    }

    List<Long> photoIds(long visitId) {
        return jdbc.sql("select id from projects_visit_photo where visit_id = ? order by id").param(visitId).query(Long.class).list();
    }

    Portfolio portfolio() {
        return portfolio;
    }
}
