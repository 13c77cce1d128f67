package io.shizheng.projects.internal;

import java.util.ArrayList;
import java.util.List;

import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.FormProblems;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.ShizhengUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The meeting list, the meeting workspace (agenda, resolutions, minutes) and resolution tracking. */
@Controller
class MeetingPages {

    private final MeetingService meetings;
    private final ProjectPages projectPages;
    private final ProjectStore store;
    private final io.shizheng.platform.TableExporter pdf;

    MeetingPages(MeetingService meetings, ProjectPages projectPages, ProjectStore store, io.shizheng.platform.TableExporter pdf) {
        this.meetings = meetings;
        this.projectPages = projectPages;
        this.store = store;
        this.pdf = pdf;
    }

    @GetMapping("/projects/meetings")
    String list(Model model) {
        CurrentUser.require();
        model.addAttribute("meetings", meetings.all());
        return "projects/meetings";
    }

    @PostMapping("/projects/meetings")
    String create(@RequestParam(required = false) String title, @RequestParam(required = false) String date,
                  @RequestParam(required = false) String chair, @RequestParam(required = false) String extra,
                  RedirectAttributes redirect) {
        try {
            List<Long> ids = new ArrayList<>();
            if (extra != null) {
                for (String code : extra.split("[,，\\s]+")) {
                    if (!code.isBlank()) {
                        ids.add(projectId(code.trim(), "projectIds"));
                    }
                }
            }
            MeetingService.Meeting m = meetings.create(new MeetingService.NewMeeting(title,
                    ProjectImport.date(date, "date", new ArrayList<>()), chair, ids));
            redirect.addFlashAttribute("ok", "已建立會議，議程已依燈號產生 / meeting created with its agenda");
            return "redirect:/projects/meetings/" + m.id();
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
            return "redirect:/projects/meetings";
        }
    }

    private long projectId(String codeOrId, String field) {
        Long id = codeOrId.matches("\\d+") ? Long.valueOf(codeOrId) : store.idByCode(codeOrId).orElse(null);
        if (id == null || store.find(id).isEmpty()) {
            throw new InvalidInputException(field, "沒有案件 " + codeOrId + " / no such project");
        }
        return id;
    }

    @GetMapping("/projects/meetings/{id}")
    String meeting(@PathVariable long id, Model model) {
        ShizhengUser me = CurrentUser.require();
        model.addAttribute("d", meetings.detail(id));
        model.addAttribute("mayRun", me.cityWide());
        model.addAttribute("agencies", projectPages.agencyNames());
        model.addAttribute("pdfAvailable", pdf.pdfAvailable());
        return "projects/meeting";
    }

    @PostMapping("/projects/meetings/{id}/agenda")
    String addToAgenda(@PathVariable long id, @RequestParam(required = false) String project, RedirectAttributes redirect) {
        try {
            if (project == null || project.isBlank()) {
                throw new InvalidInputException("projectId", "請填案件代碼 / give a project code");
            }
            meetings.addToAgenda(id, projectId(project.trim(), "projectId"));
            redirect.addFlashAttribute("ok", "已加入議程 / added to the agenda");
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/projects/meetings/" + id;
    }

    @PostMapping("/projects/meetings/{id}/resolutions")
    String resolve(@PathVariable long id, @RequestParam(required = false) Long projectId, @RequestParam(required = false) String text,
                   @RequestParam(required = false) String agency, @RequestParam(required = false) String dueDate,
                   RedirectAttributes redirect) {
        try {
            MeetingService.Resolution r = meetings.addResolution(id, new MeetingService.ResolutionInput(projectId, text, agency,
                    ProjectImport.date(dueDate, "dueDate", new ArrayList<>())));
            redirect.addFlashAttribute("ok", "已記錄決議事項 / resolution recorded: " + r.text());
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/projects/meetings/" + id + (projectId == null ? "" : "#item-" + projectId);
    }

    @PostMapping("/projects/meetings/{id}/held")
    String held(@PathVariable long id, @RequestParam(required = false) String minutes, RedirectAttributes redirect) {
        meetings.hold(id, minutes);
        redirect.addFlashAttribute("ok", "已記錄會議紀錄 / minutes saved");
        return "redirect:/projects/meetings/" + id;
    }

    @GetMapping("/projects/resolutions")
    String resolutions(@RequestParam(required = false) String status, Model model) {
        ShizhengUser me = CurrentUser.require();
        model.addAttribute("resolutions", meetings.tracked(me, status));
        model.addAttribute("status", status);
        model.addAttribute("mayClose", me.cityWide());
        return "projects/resolutions";
    }

    @PostMapping("/projects/resolutions/{id}")
    String update(@PathVariable long id, @RequestParam(required = false) String status, @RequestParam(required = false) String reply,
                  @RequestParam(required = false) String back, RedirectAttributes redirect) {
        try {
            if ("CLOSED".equals(status)) {
                meetings.close(id);
            } else {
                meetings.update(id, new MeetingService.ResolutionUpdate(status, reply));
            }
            redirect.addFlashAttribute("ok", "已更新決議事項 / resolution updated");
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:" + (back != null && back.matches("/projects[/a-z0-9]*") ? back : "/projects/resolutions");
    }
}
