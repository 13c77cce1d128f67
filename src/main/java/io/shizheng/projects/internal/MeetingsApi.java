package io.shizheng.projects.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.List;

import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ExportFormat;
import io.shizheng.platform.TableExporter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Review meetings", description = "重大建設進度檢討會議與決議追蹤 / progress-review meetings and resolutions")
class MeetingsApi {

    private final MeetingService meetings;
    private final TableExporter exporter;

    MeetingsApi(MeetingService meetings, TableExporter exporter) {
        this.meetings = meetings;
        this.exporter = exporter;
    }

    @GetMapping("/api/meetings")
    @Operation(summary = "Review meetings, newest first (signed-in staff)")
    List<MeetingService.Meeting> list() {
        CurrentUser.require();
        return meetings.all();
    }

    @PostMapping("/api/meetings")
    @Operation(summary = "Create a meeting (RDEC staff); the agenda is generated from RED/YELLOW projects, the chair's picks and overdue resolutions")
    ResponseEntity<MeetingService.Detail> create(@RequestBody MeetingService.NewMeeting body) {
        MeetingService.Meeting m = meetings.create(body);
        return ResponseEntity.created(URI.create("/api/meetings/" + m.id())).body(meetings.detail(m.id()));
    }

    @GetMapping("/api/meetings/{id}")
    @Operation(summary = "A meeting with its agenda (figures, latest report, photos), resolutions and overdue resolutions carried over")
    MeetingService.Detail get(@PathVariable long id) {
        CurrentUser.require();
        return meetings.detail(id);
    }

    record AgendaAddition(@jakarta.validation.constraints.NotNull(message = "{projects.agenda.projectId.required}") Long projectId) {
    }

    @PostMapping("/api/meetings/{id}/agenda")
    @Operation(summary = "Add a project to the agenda at the chair's request (RDEC staff)")
    MeetingService.Detail addToAgenda(@PathVariable long id, @jakarta.validation.Valid @RequestBody AgendaAddition body) {
        meetings.addToAgenda(id, body.projectId());
        return meetings.detail(id);
    }

    record Minutes(@jakarta.validation.constraints.Size(max = 20_000, message = "{projects.meeting.minutes.size}") String minutes) {
    }

    @PostMapping("/api/meetings/{id}/held")
    @Operation(summary = "Mark the meeting held, with its minutes (RDEC staff)")
    MeetingService.Meeting held(@PathVariable long id, @jakarta.validation.Valid @RequestBody(required = false) Minutes body) {
        return meetings.hold(id, body == null ? null : body.minutes());
    }

    @PostMapping("/api/meetings/{id}/resolutions")
    @Operation(summary = "Record a resolution assigned to an agency with a due date (RDEC staff)")
    ResponseEntity<MeetingService.Resolution> resolve(@PathVariable long id, @RequestBody MeetingService.ResolutionInput body) {
        MeetingService.Resolution r = meetings.addResolution(id, body);
        return ResponseEntity.created(URI.create("/api/resolutions/" + r.id())).body(r);
    }

    @GetMapping("/api/resolutions")
    @Operation(summary = "Tracked resolutions (agencies see theirs); status OPEN, IN_PROGRESS, DONE, CLOSED or OVERDUE")
    List<MeetingService.Resolution> resolutions(@RequestParam(required = false) String status) {
        if (status != null && !status.isBlank() && !List.of("OPEN", "IN_PROGRESS", "DONE", "CLOSED", "OVERDUE").contains(status)) {
            throw new io.shizheng.platform.InvalidInputException("status", "狀態須為 OPEN、IN_PROGRESS、DONE、CLOSED 或 OVERDUE / unknown status");
        }
        return meetings.tracked(CurrentUser.require(), status);
    }

    @PatchMapping("/api/resolutions/{id}")
    @Operation(summary = "The assigned agency reports progress: IN_PROGRESS or DONE with a reply")
    MeetingService.Resolution update(@PathVariable long id, @RequestBody MeetingService.ResolutionUpdate body) {
        return meetings.update(id, body);
    }

    @PostMapping("/api/resolutions/{id}/close")
    @Operation(summary = "Close a resolution (RDEC staff)")
    MeetingService.Resolution close(@PathVariable long id) {
        return meetings.close(id);
    }

    @GetMapping("/api/meetings/{id}/pack")
    @Operation(summary = "The meeting pack as ODS, XLSX, CSV or PDF (PDF needs a CJK font on the server)")
    ResponseEntity<byte[]> pack(@PathVariable long id, @RequestParam(defaultValue = "ods") String format) throws IOException {
        CurrentUser.require();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportFormat f = ExportFormat.parse(format);
        io.shizheng.platform.Table table = meetings.pack(id);
        exporter.write(table, f, out);
        String ext = f.extension();
        String type = f.mediaType();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("meeting-" + id + "." + ext).build().toString())
                .contentType(MediaType.parseMediaType(type)).body(out.toByteArray());
    }
}
