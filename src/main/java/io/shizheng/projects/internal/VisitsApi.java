package io.shizheng.projects.internal;

import java.util.List;

import io.shizheng.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Site verification", description = "實地查證 / site verification of controlled projects")
class VisitsApi {

    private final SiteVisitService visits;

    VisitsApi(SiteVisitService visits) {
        this.visits = visits;
    }

    record PublicVisit(String projectCode, String projectName, java.time.LocalDate visitedOn, Integer score, String findings,
                       List<String> improvements) {
    }

    @GetMapping("/api/public/visits")
    @Operation(summary = "Published site-verification results (public; no committee members' names)")
    List<PublicVisit> publicApi() {
        return visits.published().stream().map(v -> new PublicVisit(v.projectCode(), v.projectName(), v.visitedOn(), v.score(),
                v.findings(), visits.improvements(v.id()).stream().map(i -> i.text() + "（" + i.status() + "）").toList())).toList();
    }

    @GetMapping("/api/visits")
    @Operation(summary = "Site visits (agencies see their own)")
    List<SiteVisitService.Visit> api() {
        return visits.all(CurrentUser.require());
    }

    @PostMapping("/api/visits/plan")
    @Operation(summary = "Plan visits by rule: lights, minimum budget, control levels, how many (RDEC staff)")
    List<SiteVisitService.Visit> planApi(@RequestBody SiteVisitService.PlanRule rule) {
        return visits.plan(rule);
    }

    @GetMapping("/api/visits/{id}")
    @Operation(summary = "A visit with its committee, declarations and improvement items")
    SiteVisitService.Detail detailApi(@PathVariable long id) {
        return visits.detail(id);
    }

    record MemberInput(String username) {
    }

    @PostMapping("/api/visits/{id}/members")
    @Operation(summary = "Add a committee member (a REVIEWER account) (RDEC staff)")
    List<SiteVisitService.Member> memberApi(@PathVariable long id, @RequestBody MemberInput body) {
        return visits.addMember(id, body.username());
    }

    record Declaration(Boolean noConflict, String declaration) {
    }

    @PostMapping("/api/visits/{id}/declaration")
    @Operation(summary = "A committee member declares conflicts of interest")
    List<SiteVisitService.Member> declareApi(@PathVariable long id, @RequestBody Declaration body) {
        return visits.declare(id, body.noConflict(), body.declaration());
    }

    @PostMapping("/api/visits/{id}/findings")
    @Operation(summary = "Record findings, score and improvement items (RDEC or a cleared committee member)")
    SiteVisitService.Detail findingsApi(@PathVariable long id, @RequestBody SiteVisitService.Findings body) {
        return visits.record(id, body, List.of());
    }

    record Reply(String reply) {
    }

    @PostMapping("/api/improvements/{id}/reply")
    @Operation(summary = "The owner agency replies to an improvement item")
    SiteVisitService.Improvement replyApi(@PathVariable long id, @RequestBody Reply body) {
        return visits.reply(id, body.reply());
    }

    @PostMapping("/api/improvements/{id}/close")
    @Operation(summary = "Close an improvement item after the agency's reply (RDEC staff)")
    SiteVisitService.Improvement closeApi(@PathVariable long id) {
        return visits.close(id);
    }

    @PostMapping("/api/visits/{id}/publish")
    @Operation(summary = "Publish the results on the public page (RDEC staff)")
    SiteVisitService.Visit publishApi(@PathVariable long id) {
        return visits.publish(id);
    }
}
