package io.shizheng.projects.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import io.shizheng.platform.InputRules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.ShizhengUser;
import io.shizheng.projects.Light;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress-review meetings: the agenda falls out of the lights (RED, then YELLOW), the chair's additions and
 * projects with overdue resolutions; minutes record resolutions assigned to agencies, tracked until RDEC closes them.
 */
@Service
class MeetingService {

    static final List<String> RESOLUTION_STATES = List.of("OPEN", "IN_PROGRESS", "DONE", "CLOSED");

    private final JdbcClient jdbc;
    private final ProjectStore store;
    private final Portfolio portfolio;
    private final AuditLog audit;
    private final AgencyDirectory agencies;
    private final Clock clock;
    private final InputRules inputRules;

    MeetingService(JdbcClient jdbc, ProjectStore store, Portfolio portfolio, AuditLog audit, AgencyDirectory agencies, Clock clock,
                   InputRules inputRules) {
        this.inputRules = inputRules;
        this.jdbc = jdbc;
        this.store = store;
        this.portfolio = portfolio;
        this.audit = audit;
        this.agencies = agencies;
        this.clock = clock;
    }

    record Meeting(long id, String title, LocalDate meetingDate, String chair, String status, String minutes, String createdBy,
                   boolean demo) {
    }

    record LatestReport(long id, LocalDate month, BigDecimal actualPct, String narrative, String problems, String helpNeeded,
                        String status, List<Long> photoIds) {
    }

    record AgendaItem(long id, String reason, int sort, Portfolio.Summary project, List<String> lightReasons, LatestReport latest) {
    }

    record Resolution(long id, long meetingId, String meetingTitle, Long projectId, String projectCode, String projectName,
                      String text, long agencyId, String agencyName, LocalDate dueDate, String status, String effectiveStatus,
                      String reply, Instant closedAt, String closedBy, boolean demo) {
    }

    record Detail(Meeting meeting, List<AgendaItem> agenda, List<Resolution> resolutions, List<Resolution> carriedOver) {
    }

    record NewMeeting(@NotBlank(message = "{projects.meeting.title.required}")
                      @Size(max = 200, message = "{projects.meeting.title.size}") String title,
                      @NotNull(message = "{projects.meeting.date.required}") LocalDate date,
                      @NotBlank(message = "{projects.meeting.chair.required}")
                      @Size(max = 100, message = "{projects.meeting.chair.size}") String chair,
                      List<Long> projectIds) {
    }

    record ResolutionInput(Long projectId, String text, String agency, LocalDate dueDate) {
    }

    record ResolutionUpdate(String status, String reply) {
    }

    static void requireRdec() {
        if (!CurrentUser.require().cityWide()) {
            throw new ForbiddenException("只有研考會可辦理檢討會議 / only RDEC staff run review meetings");
        }
    }

    List<Meeting> all() {
        return jdbc.sql("select id, title, meeting_date, chair, status, minutes, created_by, demo from projects_meeting order by meeting_date desc, id desc")
                .query(Meeting.class).list();
    }

    Meeting meeting(long id) {
        return jdbc.sql("select id, title, meeting_date, chair, status, minutes, created_by, demo from projects_meeting where id = ?")
                .param(id).query(Meeting.class).optional().orElseThrow(() -> new NotFoundException("沒有此會議 / no such meeting"));
    }

    @Transactional
    Meeting create(NewMeeting in) {
        requireRdec();
        ShizhengUser me = CurrentUser.require();
        List<FieldProblem> problems = new ArrayList<>(inputRules.problems(in));
        List<Long> extra = in.projectIds() == null ? List.of() : in.projectIds();
        for (Long id : extra) {
            if (id == null || store.find(id).isEmpty()) {
                problems.add(new FieldProblem("projectIds", "沒有案件 " + id + " / no such project"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = jdbc.sql("insert into projects_meeting (title, meeting_date, chair, created_by) values (?, ?, ?, ?) returning id")
                .params(in.title().trim(), in.date(), in.chair().trim(), me.getUsername()).query(Long.class).single();
        Set<Long> seen = new LinkedHashSet<>();
        int sort = 0;
        for (String light : List.of("RED", "YELLOW")) {
            for (Long p : jdbc.sql("select id from projects_project where status = 'ACTIVE' and light = ? order by total_budget desc")
                    .param(light).query(Long.class).list()) {
                if (seen.add(p)) {
                    addItem(id, p, light, sort++);
                }
            }
        }
        for (Long p : extra) {
            if (seen.add(p)) {
                addItem(id, p, "CHAIR", sort++);
            }
        }
        for (Long p : jdbc.sql("""
                select distinct project_id from projects_resolution where project_id is not null
                and status in ('OPEN', 'IN_PROGRESS') and due_date < ?""").param(in.date()).query(Long.class).list()) {
            if (seen.add(p)) {
                addItem(id, p, "OVERDUE_RESOLUTION", sort++);
            }
        }
        Meeting m = meeting(id);
        audit.record("projects.meeting", id, AuditAction.CREATE, null, Map.of("meeting", m, "agendaItems", seen.size()));
        return m;
    }

    private void addItem(long meetingId, long projectId, String reason, int sort) {
        jdbc.sql("insert into projects_agenda_item (meeting_id, project_id, reason, sort) values (?, ?, ?, ?)")
                .params(meetingId, projectId, reason, sort).update();
    }

    @Transactional
    void addToAgenda(long meetingId, long projectId) {
        requireRdec();
        Meeting m = meeting(meetingId);
        store.find(projectId).orElseThrow(() -> new InvalidInputException("projectId", "沒有此案件 / no such project"));
        if (jdbc.sql("select count(*) from projects_agenda_item where meeting_id = ? and project_id = ?").params(meetingId, projectId)
                .query(Long.class).single() > 0) {
            throw new InvalidInputException("projectId", "案件已在議程中 / the project is already on the agenda");
        }
        int sort = jdbc.sql("select coalesce(max(sort), -1) + 1 from projects_agenda_item where meeting_id = ?").param(meetingId)
                .query(Integer.class).single();
        addItem(meetingId, projectId, "CHAIR", sort);
        audit.record("projects.meeting", m.id(), AuditAction.UPDATE, null, Map.of("addedProject", projectId));
    }

    @Transactional
    Meeting hold(long meetingId, String minutes) {
        requireRdec();
        Meeting before = meeting(meetingId);
        jdbc.sql("update projects_meeting set status = 'HELD', minutes = ? where id = ?").params(ReportService.trim(minutes), meetingId).update();
        Meeting after = meeting(meetingId);
        audit.record("projects.meeting", meetingId, AuditAction.UPDATE, before, after);
        return after;
    }

    Detail detail(long meetingId) {
        Meeting m = meeting(meetingId);
        Map<Long, Agency> byId = portfolio.agencyMap();
        List<AgendaItem> agenda = new ArrayList<>();
        for (Map<String, Object> row : jdbc.sql("select id, project_id, reason, sort from projects_agenda_item where meeting_id = ? order by sort")
                .param(meetingId).query().listOfRows()) {
            long projectId = ((Number) row.get("project_id")).longValue();
            ProjectStore.Project p = store.find(projectId).orElseThrow();
            LatestReport latest = store.latestStanding(projectId).map(r -> new LatestReport(r.id(), r.month(), r.actualPct(),
                    r.narrative(), r.problems(), r.helpNeeded(), r.status(),
                    store.photos(r.id()).stream().map(ProjectStore.Photo::id).toList())).orElse(null);
            agenda.add(new AgendaItem(((Number) row.get("id")).longValue(), (String) row.get("reason"), (Integer) row.get("sort"),
                    portfolio.summary(p, byId), p.reasonList(), latest));
        }
        List<Resolution> resolutions = resolutions("r.meeting_id = ?", List.of(meetingId), byId);
        List<Resolution> carried = resolutions("r.meeting_id <> ? and r.status in ('OPEN', 'IN_PROGRESS') and r.due_date < ?",
                List.of(meetingId, m.meetingDate()), byId);
        return new Detail(m, agenda, resolutions, carried);
    }

    private record ResolutionRow(long id, long meetingId, String meetingTitle, Long projectId, String projectCode, String projectName,
                                 String text, long agencyId, LocalDate dueDate, String status, String reply, Instant closedAt,
                                 String closedBy, boolean demo) {
    }

    List<Resolution> resolutions(String where, List<Object> params, Map<Long, Agency> byId) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                select r.id, r.meeting_id, m.title as meeting_title, r.project_id, p.code as project_code, p.name as project_name,
                  r.text, r.agency_id, r.due_date, r.status, r.reply, r.closed_at, r.closed_by, r.demo
                from projects_resolution r join projects_meeting m on m.id = r.meeting_id
                left join projects_project p on p.id = r.project_id""" + " where " + where + " order by r.due_date, r.id")
                .params(params).query(ResolutionRow.class).list().stream()
                .map(r -> new Resolution(r.id(), r.meetingId(), r.meetingTitle(), r.projectId(), r.projectCode(), r.projectName(),
                        r.text(), r.agencyId(), byId.containsKey(r.agencyId()) ? byId.get(r.agencyId()).name() : "", r.dueDate(),
                        r.status(), effective(r.status(), r.dueDate(), today), r.reply(), r.closedAt(), r.closedBy(), r.demo()))
                .toList();
    }

    /** OVERDUE is not stored: an open or in-progress resolution past its due date. */
    static String effective(String status, LocalDate due, LocalDate today) {
        return ("OPEN".equals(status) || "IN_PROGRESS".equals(status)) && due.isBefore(today) ? "OVERDUE" : status;
    }

    /** Resolutions an agency must act on, or all for RDEC; filtered by effective status when given. */
    List<Resolution> tracked(ShizhengUser me, String status) {
        Map<Long, Agency> byId = portfolio.agencyMap();
        List<Resolution> all = resolutions(agencies.scopeOf(me).sql("r.agency_id"), List.of(), byId);
        return status == null || status.isBlank() ? all : all.stream().filter(r -> r.effectiveStatus().equals(status)).toList();
    }

    @Transactional
    Resolution addResolution(long meetingId, ResolutionInput in) {
        requireRdec();
        Meeting m = meeting(meetingId);
        List<FieldProblem> problems = new ArrayList<>();
        ProjectStore.Project p = null;
        if (in.projectId() != null) {
            p = store.find(in.projectId()).orElse(null);
            if (p == null) {
                problems.add(new FieldProblem("projectId", "沒有此案件 / no such project"));
            }
        }
        if (ReportService.blank(in.text())) {
            problems.add(new FieldProblem("text", "請填決議內容 / the resolution text is required"));
        }
        Long agencyId = null;
        if (!ReportService.blank(in.agency())) {
            Agency a = portfolio.agencyByCodeOrId(in.agency());
            if (a == null) {
                problems.add(new FieldProblem("agency", "未知的機關：" + in.agency() + " / unknown agency"));
            } else {
                agencyId = a.id();
            }
        } else if (p != null) {
            agencyId = p.agencyId();
        } else {
            problems.add(new FieldProblem("agency", "請指定辦理機關 / assign an agency"));
        }
        if (in.dueDate() == null) {
            problems.add(new FieldProblem("dueDate", "請填辦理期限 / due date is required"));
        } else if (in.dueDate().isBefore(m.meetingDate())) {
            problems.add(new FieldProblem("dueDate", "期限不能早於會議日 / the due date cannot be before the meeting"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = jdbc.sql("insert into projects_resolution (meeting_id, project_id, text, agency_id, due_date) values (?, ?, ?, ?, ?) returning id")
                .params(meetingId, in.projectId(), in.text().trim(), agencyId, in.dueDate()).query(Long.class).single();
        Resolution r = resolution(id);
        audit.record("projects.resolution", id, AuditAction.CREATE, null, r);
        return r;
    }

    Resolution resolution(long id) {
        return resolutions("r.id = ?", List.of(id), portfolio.agencyMap()).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("沒有此決議事項 / no such resolution"));
    }

    @Transactional
    Resolution update(long id, ResolutionUpdate in) {
        ShizhengUser me = CurrentUser.require();
        Resolution before = resolution(id);
        if (!agencies.covers(me, before.agencyId())) {
            throw new ForbiddenException("此決議事項由其他機關辦理 / the resolution belongs to another agency");
        }
        if ("CLOSED".equals(before.status())) {
            throw new InvalidInputException("status", "已結案的決議事項不能再改 / the resolution is closed");
        }
        if (in.status() == null || !List.of("IN_PROGRESS", "DONE").contains(in.status())) {
            throw new InvalidInputException("status", "狀態須為 IN_PROGRESS 或 DONE（結案由研考會辦理）/ status must be IN_PROGRESS or DONE");
        }
        if (ReportService.blank(in.reply())) {
            throw new InvalidInputException("reply", "請填辦理情形 / describe what was done");
        }
        jdbc.sql("update projects_resolution set status = ?, reply = ? where id = ?").params(in.status(), in.reply().trim(), id).update();
        Resolution after = resolution(id);
        audit.record("projects.resolution", id, AuditAction.UPDATE, before, after);
        return after;
    }

    @Transactional
    Resolution close(long id) {
        requireRdec();
        Resolution before = resolution(id);
        if ("CLOSED".equals(before.status())) {
            throw new InvalidInputException("status", "已結案 / already closed");
        }
        jdbc.sql("update projects_resolution set status = 'CLOSED', closed_at = ?, closed_by = ? where id = ?")
                .params(java.sql.Timestamp.from(clock.instant()), CurrentUser.require().getUsername(), id).update();
        Resolution after = resolution(id);
        audit.record("projects.resolution", id, AuditAction.APPROVE, before, after);
        return after;
    }

    /** The meeting pack: one row per agenda item with its figures, the latest report and this meeting's resolutions. */
    io.shizheng.platform.Table pack(long meetingId) {
        Detail d = detail(meetingId);
        List<List<Object>> rows = new ArrayList<>();
        int n = 1;
        for (AgendaItem item : d.agenda()) {
            Portfolio.Summary p = item.project();
            String res = String.join("\n", d.resolutions().stream().filter(r -> p.id() == (r.projectId() == null ? -1 : r.projectId()))
                    .map(r -> r.text() + "（" + r.agencyName() + "，" + r.dueDate() + "）").toList());
            List<Object> row = new ArrayList<>();
            row.add(n++);
            row.add(p.code());
            row.add(p.name());
            row.add(p.agency().name());
            row.add(reasonLabel(item.reason()));
            row.add(p.light().name());
            row.add(p.plannedProgress());
            row.add(p.actualProgress());
            row.add(p.executionRate());
            row.add(p.budget());
            row.add(p.dueDate());
            row.add(String.join("\n", item.lightReasons()));
            row.add(item.latest() == null ? null : item.latest().narrative());
            row.add(item.latest() == null ? null : item.latest().problems());
            row.add(item.latest() == null ? null : item.latest().helpNeeded());
            row.add(res);
            rows.add(row);
        }
        for (Resolution r : d.carriedOver()) {
            rows.add(new ArrayList<>(java.util.Arrays.asList("逾期", r.projectCode(), r.projectName(), r.agencyName(),
                    "前次會議決議逾期 / overdue from " + r.meetingTitle(), null, null, null, null, null, r.dueDate(), null, null,
                    null, null, r.text())));
        }
        return new io.shizheng.platform.Table(d.meeting().title(), List.of("序 No.", "代碼 Code", "案件 Project", "機關 Agency",
                "列入原因 Why", "燈號 Light", "預定進度% Planned", "實際進度% Actual", "經費執行率% Execution", "總經費（千元）Budget",
                "完工期限 Due", "預警原因 Warnings", "最新月報 Latest report", "問題 Problems", "需協助 Help needed", "決議事項 Resolutions"), rows);
    }

    static String reasonLabel(String reason) {
        return switch (reason) {
            case "RED" -> "紅燈 / red";
            case "YELLOW" -> "黃燈 / yellow";
            case "CHAIR" -> "主席指定 / added by the chair";
            default -> "決議逾期 / overdue resolution";
        };
    }

    static boolean isLight(String reason) {
        return reason.equals(Light.RED.name()) || reason.equals(Light.YELLOW.name());
    }
}
