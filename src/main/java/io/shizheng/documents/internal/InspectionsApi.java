package io.shizheng.documents.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/documents/inspections")
@Tag(name = "Document quality inspection", description = "公文品質檢核：實地檢核、抽檢公文、檢核項目評分、缺失改善追蹤 / inspections, samples, scores, improvements")
class InspectionsApi {

    private final Inspections inspections;
    private final DocumentViews views;

    InspectionsApi(Inspections inspections, DocumentViews views) {
        this.inspections = inspections;
        this.views = views;
    }

    @GetMapping
    @Operation(summary = "Inspection visits in your scope, with sample counts, average score and open findings")
    List<Inspections.Summary> list(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long agency) {
        return inspections.list(views.scope(agency), year);
    }

    record NewInspection(Long agencyId, LocalDate visitOn, String inspectors, String note) {
    }

    @PostMapping
    @Operation(summary = "Record an inspection visit to an agency (RDEC staff)")
    ResponseEntity<Inspections.Detail> create(@RequestBody NewInspection body) {
        long id = inspections.create(body.agencyId(), body.visitOn(), body.inspectors(), body.note());
        return ResponseEntity.created(URI.create("/api/documents/inspections/" + id)).body(inspections.get(id));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One inspection: sampled documents with their checklist scores, and findings with their state")
    Inspections.Detail get(@PathVariable long id) {
        return inspections.get(id);
    }

    record SampleRequest(Integer count) {
    }

    @PostMapping("/{id}/samples")
    @Operation(summary = "Draw documents closed in the three months before the visit at random (RDEC staff)")
    Map<String, Object> sample(@PathVariable long id, @RequestBody SampleRequest body) {
        int added = inspections.drawSample(id, body.count());
        return Map.of("added", added, "inspection", inspections.get(id));
    }

    record ScoreRequest(Integer format, Integer wording, Integer timeliness, Integer classification, String note) {
    }

    @PutMapping("/samples/{sampleId}")
    @Operation(summary = "Score a sampled document against the checklist (each category 0..25 by default)")
    Inspections.Sample score(@PathVariable long sampleId, @RequestBody ScoreRequest body) {
        return inspections.score(sampleId, body.format(), body.wording(), body.timeliness(), body.classification(), body.note());
    }

    record FindingRequest(Long sampleId, String category, String description, LocalDate dueOn) {
    }

    @PostMapping("/{id}/findings")
    @Operation(summary = "Record a finding (FORMAT, WORDING, TIMELINESS, CLASSIFICATION) and the date its improvement is due")
    Inspections.Finding finding(@PathVariable long id, @RequestBody FindingRequest body) {
        return inspections.addFinding(id, body.sampleId(), body.category(), body.description(), body.dueOn());
    }

    record ResponseRequest(String response) {
    }

    @PostMapping("/findings/{findingId}/response")
    @Operation(summary = "The inspected agency reports its improvement")
    Inspections.Finding respond(@PathVariable long findingId, @RequestBody ResponseRequest body) {
        return inspections.respond(findingId, body.response());
    }

    @PostMapping("/findings/{findingId}/close")
    @Operation(summary = "RDEC accepts the improvement and closes the finding")
    Inspections.Finding close(@PathVariable long findingId) {
        return inspections.close(findingId);
    }
}
