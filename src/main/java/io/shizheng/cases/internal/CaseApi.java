package io.shizheng.cases.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.ShizhengUser;
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
@RequestMapping("/api/cases")
@Tag(name = "Cases", description = "陳情與 1999 案件 / citizen cases from every channel")
class CaseApi {

    private final CaseSettings settings;
    private final CaseService cases;
    private final CaseAccess access;
    private final CaseHandling handling;
    private final CaseQueries queries;
    private final Catalogue catalogue;
    private final DuplicateFinder duplicates;
    private final KnowledgeBase kb;
    private final OverdueEscalation escalation;
    private final Photos photos;
    private final Open311Keys open311Keys;

    CaseApi(CaseSettings settings, CaseService cases, CaseAccess access, CaseHandling handling, CaseQueries queries, Catalogue catalogue, DuplicateFinder duplicates, KnowledgeBase kb,
            OverdueEscalation escalation, Photos photos, Open311Keys open311Keys) {
        this.open311Keys = open311Keys;
        this.photos = photos;
        this.settings = settings;
        this.cases = cases;
        this.access = access;
        this.handling = handling;
        this.queries = queries;
        this.catalogue = catalogue;
        this.duplicates = duplicates;
        this.kb = kb;
        this.escalation = escalation;
    }

    @GetMapping("/types")
    @Operation(summary = "Case types with their deadline rules")
    List<CaseType> types() {
        return catalogue.types();
    }

    /** The deadline rule of a case type; name, nameEn and sort are optional (null keeps them). */
    record TypeRule(Integer replyDays, Boolean fromNextDay, Integer reassignDays, String name, String nameEn, Integer sort) {
    }

    @PutMapping("/types/{code}")
    @Operation(summary = "Set a case type's deadline rule (RDEC): reply days, counted from the next working day, hand-over days; optionally its names and order")
    CaseType updateType(@PathVariable String code, @RequestBody TypeRule body) {
        if (body == null) {
            throw new InvalidInputException("body", "請提供內容 / the request has no content");
        }
        return settings.updateType(code, body.replyDays(), body.fromNextDay(), body.reassignDays(), body.name(), body.nameEn(), body.sort());
    }

    @GetMapping("/categories")
    @Operation(summary = "Case categories and their competent agencies")
    List<Category> categories() {
        return catalogue.categories();
    }

    @PostMapping
    @Operation(summary = "Take in a case (agents, officers, RDEC); dispatched at once unless linked as a duplicate")
    ResponseEntity<CaseView> create(@RequestBody IntakeForm form) {
        CaseRow row = cases.intake(form, null, false);
        return ResponseEntity.created(URI.create("/api/cases/" + row.caseNo())).body(access.view(row.caseNo()));
    }

    @GetMapping
    @Operation(summary = "Cases within your scope; open ones by deadline first")
    CaseQueries.Page list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "false") boolean overdue,
                          @RequestParam(required = false) Long agency, @RequestParam(required = false) String category,
                          @RequestParam(required = false) String district, @RequestParam(required = false) String q,
                          @RequestParam(required = false) Integer year, @RequestParam(required = false) String type,
                          @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 1 || page > 1_000_000 || size < 1 || size > 500) {
            throw new InvalidInputException("size", "page ≥ 1，size 1–500 / page from 1, size 1 to 500");
        }
        return queries.list(CurrentUser.require(), new CaseQueries.Filter(status, overdue, agency, category, district, q, year, type), page, size);
    }

    @GetMapping("/{caseNo}")
    @Operation(summary = "One case with its history; personal data masked unless you handle it")
    CaseView get(@PathVariable String caseNo) {
        return access.view(caseNo);
    }

    record HandOver(String kind, String toAgency, String reason) {
    }

    @PostMapping("/{caseNo}/handover")
    @Operation(summary = "Hand a case back (kind BACK) or on (kind ON, toAgency code) with a reason, within the reassignment deadline")
    CaseView handOver(@PathVariable String caseNo, @RequestBody HandOver body) {
        handling.handOver(caseNo, body.kind(), body.toAgency(), body.reason());
        return access.view(caseNo);
    }

    record Reason(String reason) {
    }

    @PostMapping("/{caseNo}/extension")
    @Operation(summary = "The one extension of the deadline, with a reason the citizen is told")
    CaseView extend(@PathVariable String caseNo, @RequestBody Reason body) {
        handling.extend(caseNo, body.reason());
        return access.view(caseNo);
    }

    record Closing(String reply, String closingCategory) {
    }

    @PostMapping("/{caseNo}/close")
    @Operation(summary = "Close with the reply to the citizen and a closing category")
    CaseView close(@PathVariable String caseNo, @RequestBody Closing body) {
        handling.close(caseNo, body.reply(), body.closingCategory());
        return access.view(caseNo);
    }

    record Reference(String earlierCaseNo) {
    }

    @PostMapping("/{caseNo}/close-by-reference")
    @Operation(summary = "Close a repeated petition by reference to the earlier reply")
    CaseView closeByReference(@PathVariable String caseNo, @RequestBody Reference body) {
        handling.closeByReference(caseNo, body.earlierCaseNo());
        return access.view(caseNo);
    }

    record Link(String relatedCaseNo) {
    }

    @PostMapping("/{caseNo}/link")
    @Operation(summary = "Link a case to a related or earlier one")
    CaseView link(@PathVariable String caseNo, @RequestBody Link body) {
        handling.link(caseNo, body.relatedCaseNo());
        return access.view(caseNo);
    }

    record Candidate(String caseNo, String category, String description, String agency, String status, Instant receivedAt,
                     Double metres, Float score, String why) {
    }

    record Duplicates(List<Candidate> nearby, List<Candidate> similar) {
    }

    @GetMapping("/duplicates")
    @Operation(summary = "Open cases likely the same: same category within 50 m and 14 days, and text-similar ones")
    Duplicates duplicates(@RequestParam(required = false) String category, @RequestParam(required = false) Double lon,
                          @RequestParam(required = false) Double lat, @RequestParam(required = false) String text) {
        ShizhengUser u = CurrentUser.require();
        Instant now = Instant.now();
        List<DuplicateFinder.Match> near = category != null && lon != null && lat != null
                ? duplicates.nearby(category, lon, lat, now) : List.of();
        List<DuplicateFinder.Match> similar = text == null ? List.of() : duplicates.similar(text, category, now, 5);
        java.util.Set<Long> seen = new java.util.HashSet<>();
        near.forEach(m -> seen.add(m.row().id()));
        return new Duplicates(near.stream().filter(m -> access.mayRead(u, m.row())).map(this::candidate).toList(),
                similar.stream().filter(m -> !seen.contains(m.row().id()) && access.mayRead(u, m.row())).map(this::candidate).toList());
    }

    private Candidate candidate(DuplicateFinder.Match m) {
        CaseRow r = m.row();
        return new Candidate(r.caseNo(), catalogue.known(r.categoryCode()).map(Category::name).orElse(r.categoryCode()),
                r.description().length() > 120 ? r.description().substring(0, 120) + "…" : r.description(),
                access.agencyName(r.agencyId()), r.status(), r.receivedAt(), m.metres() < 0 ? null : m.metres(),
                m.score() == 0 ? null : m.score(), m.why());
    }

    @GetMapping("/callers/{phone}")
    @Operation(summary = "A caller's earlier cases by phone number (agents, RDEC)")
    List<CaseView> caller(@PathVariable String phone) {
        ShizhengUser u = CurrentUser.require();
        if (!(u.cityWide() || access.isRdec(u))) {
            throw new ForbiddenException("只有 1999 話務人員與研考會可查來電者案件 / agents and RDEC only");
        }
        return queries.callerCases(phone).stream().map(r -> access.view(r, u, false)).toList();
    }

    @GetMapping("/faq")
    @Operation(summary = "Search the knowledge base (Chinese full text); without q, the agency's answers")
    List<KnowledgeBase.Faq> faq(@RequestParam(required = false) String q, @RequestParam(required = false) Long agency) {
        CurrentUser.require();
        return q == null || q.isBlank() ? kb.all(agency) : kb.search(q, 10);
    }

    record FaqInput(Long agencyId, String question, String answer, String keywords) {
    }

    @PostMapping("/faq")
    @Operation(summary = "Add an answer to the knowledge base (the agency's officers, RDEC)")
    ResponseEntity<KnowledgeBase.Faq> addFaq(@RequestBody FaqInput in) {
        KnowledgeBase.Faq f = kb.save(null, in.agencyId(), in.question(), in.answer(), in.keywords());
        return ResponseEntity.created(URI.create("/api/cases/faq/" + f.id())).body(f);
    }

    @PutMapping("/faq/{id}")
    @Operation(summary = "Change an answer of the knowledge base")
    KnowledgeBase.Faq updateFaq(@PathVariable long id, @RequestBody FaqInput in) {
        return kb.save(id, in.agencyId(), in.question(), in.answer(), in.keywords());
    }

    @GetMapping("/stats")
    @Operation(summary = "Open, overdue and on-time counts by agency, category or district")
    List<CaseQueries.Count> stats(@RequestParam(defaultValue = "agency") String by, @RequestParam(required = false) Integer year,
                                  @RequestParam(required = false) String category) {
        if (!List.of("agency", "category", "district").contains(by)) {
            throw new InvalidInputException("by", "by 須為 agency、category 或 district / by must be agency, category or district");
        }
        return queries.counts(CurrentUser.require(), new CaseQueries.Filter(null, false, null, category, null, null, year, null), by);
    }

    @GetMapping("/map")
    @Operation(summary = "Reports clustered on a grid (cell in degrees) for the dashboard map")
    List<CaseQueries.Cluster> map(@RequestParam(required = false) Integer year, @RequestParam(required = false) String category,
                                  @RequestParam(required = false) String status,
                                  @RequestParam(defaultValue = "0.02") double cell, @RequestParam(required = false) String bbox) {
        if (!(cell >= 0.0005 && cell <= 1)) {
            throw new InvalidInputException("cell", "cell 須在 0.0005 與 1 度之間 / cell must be between 0.0005 and 1 degree");
        }
        double[] box = null;
        if (bbox != null && !bbox.isBlank()) {
            String[] parts = bbox.split(",");
            if (parts.length != 4) {
                throw new InvalidInputException("bbox", "bbox 須為 minLon,minLat,maxLon,maxLat / bbox is minLon,minLat,maxLon,maxLat");
            }
            box = new double[4];
            for (int i = 0; i < 4; i++) {
                try {
                    box[i] = Double.parseDouble(parts[i].strip());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("bbox", "bbox 須為數字 / bbox must be numbers");
                }
            }
        }
        return queries.clusters(CurrentUser.require(), new CaseQueries.Filter(status, false, null, category, null, null, year, null), cell, box);
    }

    @PostMapping(value = "/{caseNo}/photos", consumes = "multipart/form-data")
    @Operation(summary = "Add a photo (JPEG, PNG, GIF or WebP, checked by content) to a case")
    ResponseEntity<Map<String, Object>> addPhoto(@PathVariable String caseNo,
                                                 @org.springframework.web.bind.annotation.RequestParam("photo") org.springframework.web.multipart.MultipartFile photo) {
        CaseRow c = access.readable(caseNo);
        if (!access.mayAct(CurrentUser.require(), c) && !access.handles(CurrentUser.require(), c)) {
            throw new ForbiddenException("只有承辦機關可以加照片 / only the handling agency adds photos");
        }
        handling.addPhoto(c, photo);
        List<Photos.Photo> all = photos.list(caseNo);
        return ResponseEntity.status(201).body(Map.of("photos", all.size(), "id", all.get(all.size() - 1).id()));
    }

    @GetMapping("/{caseNo}/photos/{id}")
    @Operation(summary = "A photo of a case")
    ResponseEntity<byte[]> photo(@PathVariable String caseNo, @PathVariable long id) {
        access.readable(caseNo);
        byte[] b = photos.bytes(caseNo, id);
        String type = Photos.sniff(b);
        return ResponseEntity.ok().header("Content-Type", type == null ? "application/octet-stream" : type)
                .header("X-Content-Type-Options", "nosniff").body(b);
    }

    record KeyRequest(String name) {
    }

    @GetMapping("/open311-keys")
    @Operation(summary = "Open311 client keys (administrators)")
    List<Open311Keys.KeyInfo> keys() {
        requireAdmin();
        return open311Keys.all();
    }

    @PostMapping("/open311-keys")
    @Operation(summary = "Issue an Open311 client key (administrators); the key is shown only in this answer")
    ResponseEntity<Map<String, Object>> issueKey(@RequestBody KeyRequest body) {
        requireAdmin();
        if (body.name() == null || body.name().isBlank() || body.name().length() > 100) {
            throw new InvalidInputException("name", "請填用戶端名稱（100 字內）/ name the client (up to 100 characters)");
        }
        String key = settings.issueKey(body.name().strip());
        return ResponseEntity.status(201).body(Map.of("name", body.name().strip(), "apiKey", key));
    }

    @PostMapping("/open311-keys/{id}/deactivation")
    @Operation(summary = "Switch an Open311 client key off (administrators)")
    ResponseEntity<Void> deactivate(@PathVariable long id) {
        requireAdmin();
        settings.deactivateKey(id);
        return ResponseEntity.noContent().build();
    }

    private static void requireAdmin() {
        if (!CurrentUser.require().has(io.shizheng.platform.Role.ADMIN)) {
            throw new ForbiddenException("只有系統管理者可以管理 API 金鑰 / administrators only");
        }
    }

    @PostMapping("/escalations")
    @Operation(summary = "Escalate overdue cases now (RDEC, administrators); normally runs every working morning")
    Map<String, Integer> escalate() {
        if (!CurrentUser.require().cityWide()) {
            throw new ForbiddenException("只有研考會可以執行 / RDEC only");
        }
        return Map.of("escalated", escalation.run());
    }
}
