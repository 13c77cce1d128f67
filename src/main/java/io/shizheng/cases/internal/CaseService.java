package io.shizheng.cases.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.shizheng.org.AgencyScope;
import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.GeoLookup;
import io.shizheng.org.Place;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import io.shizheng.platform.Jurisdiction;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.Notifications;
import io.shizheng.platform.PersonalData;
import io.shizheng.platform.RocDate;
import io.shizheng.platform.Role;
import io.shizheng.platform.ShizhengUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Intake, dispatch, hand-overs, extension, closing, rating and reopening of cases; who may see and do what. */
@Service
class CaseService {

    static final int MAX_TEXT = 4000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SecureRandom random = new SecureRandom();

    private final CaseStore store;
    private final Catalogue catalogue;
    private final Deadlines deadlines;
    private final Dispatcher dispatcher;
    private final GeoLookup geo;
    private final AgencyDirectory agencies;
    private final AuditLog audit;
    private final Notifications notifications;
    private final Clock clock;
    private final Jurisdiction jurisdiction;
    private final int reopenDays;
    private final String publicBaseUrl;
    private Photos photos;
    private Open311Keys keys;

    @org.springframework.beans.factory.annotation.Autowired
    void setKeys(Open311Keys keys) {
        this.keys = keys;
    }

    @org.springframework.beans.factory.annotation.Autowired
    void setPhotos(Photos photos) {
        this.photos = photos;
    }

    CaseService(CaseStore store, Catalogue catalogue, Deadlines deadlines, Dispatcher dispatcher, GeoLookup geo,
                AgencyDirectory agencies, AuditLog audit, Notifications notifications, Clock clock,
                Jurisdiction jurisdiction, @Value("${shizheng.cases.reopen-days:7}") int reopenDays,
                @Value("${shizheng.cases.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.store = store;
        this.catalogue = catalogue;
        this.deadlines = deadlines;
        this.dispatcher = dispatcher;
        this.geo = geo;
        this.agencies = agencies;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
        this.jurisdiction = jurisdiction;
        this.reopenDays = reopenDays;
        this.publicBaseUrl = publicBaseUrl;
    }

    CaseStore store() { return store; }

    LocalDate today() { return LocalDate.now(clock.withZone(RocDate.TAIPEI)); }

    // ---------------------------------------------------------------- who may see and do what

    /** The handling agency (and the agencies above it), RDEC (including its 1999 agents) and administrators. */
    boolean handles(ShizhengUser u, CaseRow c) {
        return u != null && handlingScope(u).covers(c.agencyId());
    }

    /** The agencies whose cases the user handles: RDEC's own staff (its 1999 agents too) work city-wide. */
    AgencyScope handlingScope(ShizhengUser u) {
        return isRdec(u) ? AgencyScope.city() : agencies.scopeOf(u);
    }

    boolean isRdec(ShizhengUser u) {
        return u.agencyId() != null && dispatcher.rdec().map(a -> a.id() == u.agencyId()).orElse(false);
    }

    /** Read access: handlers; reviewers; agencies the case passed through; a village chief for cases in their district. */
    boolean mayRead(ShizhengUser u, CaseRow c) {
        if (u == null) {
            return false;
        }
        if (handles(u, c) || u.has(Role.REVIEWER)) {
            return true;
        }
        if (u.has(Role.VILLAGE_CHIEF) && u.agencyId() != null && c.districtCode() != null) {
            Optional<Agency> office = agencies.find(u.agencyId());
            if (office.isPresent() && c.districtCode().equals(office.get().districtCode())) {
                return true;
            }
        }
        return u.agencyId() != null && store.hops(c.id()).stream().anyMatch(h ->
                (h.fromAgencyId() != null && agencies.covers(u.agencyId(), h.fromAgencyId()))
                        || (h.toAgencyId() != null && agencies.covers(u.agencyId(), h.toAgencyId())));
    }

    /** Acting on a case (hand over, extend, close) is for the handling agency and city-wide staff. */
    boolean mayAct(ShizhengUser u, CaseRow c) {
        return u != null && agencies.covers(u, c.agencyId());
    }

    static boolean mayTakeCases(ShizhengUser u) {
        return u.cityWide() || u.has(Role.CALL_AGENT) || u.has(Role.AGENCY_OFFICER);
    }

    // ---------------------------------------------------------------- intake

    @Transactional
    CaseRow intake(IntakeForm f, Long apiKeyId, boolean demo) {
        ShizhengUser user = CurrentUser.get().orElse(null);
        if (user != null && !mayTakeCases(user) && apiKeyId == null) {
            throw new ForbiddenException("只有話務人員與機關承辦可以受理案件 / only agents and officers take cases");
        }
        Validated v = validate(f);
        Instant now = clock.instant();
        LocalDate receivedOn = LocalDate.ofInstant(now, RocDate.TAIPEI);
        Agency agency = dispatcher.competent(v.category, v.place);
        LocalDate due = deadlines.replyDue(v.type, receivedOn);
        String status = "OPEN";
        ClosingCategory closing = null;
        String reply = null;
        Instant closedAt = null;
        Long related = v.related == null ? null : v.related.id();
        if (v.duplicateOf != null) {
            status = "CLOSED";
            closing = ClosingCategory.DUPLICATE;
            reply = "本案與案號 " + v.duplicateOf.caseNo() + " 為同一事項，併案處理 / merged with case " + v.duplicateOf.caseNo();
            closedAt = now;
            related = v.duplicateOf.id();
            agency = agencies.find(v.duplicateOf.agencyId()).orElse(agency);
        } else if (!isBlank(f.reply())) {
            status = "CLOSED";
            closing = ClosingCategory.ANSWERED;
            reply = f.reply().strip();
            closedAt = now;
            if (user != null && user.agencyId() != null) {
                agency = agencies.find(user.agencyId()).orElse(agency);
            }
        }
        Long citizenId = v.citizen.isEmpty() ? null : apiKeyId != null ? store.insertCitizen(v.citizen, false) : citizenId(v.citizen);
        long id = store.nextId();
        String caseNo = caseNo(receivedOn, id);
        CaseRow row = new CaseRow(id, caseNo, verifyCode(), v.type.code(), v.channel, v.category.code(),
                f.description().strip(), f.lon(), f.lat(), trim(f.address()),
                v.place.map(Place::districtCode).orElse(null), v.place.map(Place::districtName).orElse(null),
                v.place.map(Place::villageCode).orElse(null), v.place.map(Place::villageName).orElse(null), citizenId,
                v.replyBy, agency.id(), status, now, receivedOn, due, null, null, null, closedAt, reply, closing, null, null,
                0, related, token(), JSON.writeValueAsString(v.attributes), trim(f.mediaUrl()), now, demo);
        store.insert(row, apiKeyId);
        String by = user == null ? "open311" : user.getUsername();
        store.hop(id, now, "INTAKE", null, null, v.channel.label(), by);
        store.hop(id, now, "DISPATCH", null, agency.id(), v.category.label(), by);
        if (v.duplicateOf != null) {
            store.hop(id, now, "LINK", null, null, "併入 / merged into " + v.duplicateOf.caseNo(), by);
        }
        if (closedAt != null) {
            store.hop(id, now, "CLOSE", agency.id(), null, closing.label(), by);
        }
        audit.record("cases.case", caseNo, AuditAction.CREATE, null, summary(row));
        if (v.citizen.email() != null && v.replyBy == ReplyBy.EMAIL) {
            notifications.email(v.citizen.email(), jurisdiction.government() + "已受理您的案件 " + caseNo,
                    "您的案件已受理，案號 " + caseNo + "，查詢碼 " + row.verifyCode() + "。\n處理機關：" + agency.name()
                            + "\n預定答復期限：" + new RocDate().date(due) + "\n查詢進度：" + publicBaseUrl + "/cases/status?no="
                            + caseNo + "\n\nYour case " + caseNo + " was received; verification code " + row.verifyCode() + ".",
                    "cases.case", caseNo);
        }
        return row;
    }

    /** Intake with an optional photo, in one transaction: a bad photo stores no case. */
    @Transactional
    CaseRow intakeWithPhoto(IntakeForm f, org.springframework.web.multipart.MultipartFile photo) {
        CaseRow row = intake(f, null, false);
        if (photo != null && !photo.isEmpty()) {
            photos.store(row.id(), photo);
        }
        return row;
    }

    /** RDEC sets the deadline rule of a case type (working days to reply, counting, days to hand over). */
    @Transactional
    CaseType updateType(String code, Integer replyDays, Boolean fromNextDay, Integer reassignDays) {
        if (!CurrentUser.require().cityWide()) {
            throw new ForbiddenException("只有研考會可以設定期限 / only RDEC sets deadlines");
        }
        CaseType before = catalogue.type(code).orElseThrow(() -> new NotFoundException("沒有這個案件類型 / no such case type"));
        List<FieldProblem> p = new ArrayList<>();
        if (replyDays == null || replyDays < 0 || replyDays > 60) {
            p.add(new FieldProblem("replyDays", "答復期限須為 0 到 60 個工作天 / 0 to 60 working days"));
        }
        if (reassignDays == null || reassignDays < 0 || reassignDays > 10) {
            p.add(new FieldProblem("reassignDays", "改派期限須為 0 到 10 個工作天 / 0 to 10 working days"));
        }
        if (!p.isEmpty()) {
            throw new InvalidInputException(p);
        }
        boolean next = fromNextDay == null ? before.fromNextDay() : fromNextDay;
        catalogue.updateType(code, replyDays, next, reassignDays);
        CaseType after = catalogue.type(code).orElseThrow();
        audit.record("cases.type", code, AuditAction.UPDATE,
                Map.of("replyDays", before.replyDays(), "fromNextDay", before.fromNextDay(), "reassignDays", before.reassignDays()),
                Map.of("replyDays", after.replyDays(), "fromNextDay", after.fromNextDay(), "reassignDays", after.reassignDays()));
        return after;
    }

    @Transactional
    String issueKey(String name) {
        String key = keys.issue(name);
        audit.record("cases.open311-key", name, AuditAction.CREATE, null, Map.of("name", name));
        return key;
    }

    @Transactional
    void deactivateKey(long id) {
        keys.deactivate(id);
        audit.record("cases.open311-key", id, AuditAction.UPDATE, Map.of("active", true), Map.of("active", false));
    }

    @Transactional
    void addPhoto(CaseRow c, org.springframework.web.multipart.MultipartFile photo) {
        photos.store(c.id(), photo);
        store.hop(c.id(), clock.instant(), "PHOTO", null, null, null, CurrentUser.require().getUsername());
        audit.record("cases.case", c.caseNo(), AuditAction.UPDATE, null, Map.of("photo", "added"));
    }

    private record Validated(CaseType type, Channel channel, Category category, Optional<Place> place, Citizen citizen,
                             ReplyBy replyBy, CaseRow related, CaseRow duplicateOf, Map<String, String> attributes) {
    }

    private Validated validate(IntakeForm f) {
        List<FieldProblem> p = new ArrayList<>();
        CaseType type = isBlank(f.type()) ? catalogue.type("PETITION").orElseThrow() : catalogue.type(f.type()).orElse(null);
        if (type == null) {
            p.add(new FieldProblem("type", "沒有這個案件類型 / unknown case type"));
        }
        Channel channel = parse(Channel.class, f.channel(), "channel", p);
        Category category = null;
        if (isBlank(f.category())) {
            p.add(new FieldProblem("category", "請選擇案件類別 / category is required"));
        } else {
            category = catalogue.category(f.category()).orElse(null);
            if (category == null) {
                p.add(new FieldProblem("category", "沒有這個案件類別 / unknown category"));
            }
        }
        if (isBlank(f.description())) {
            p.add(new FieldProblem("description", "請填寫案情 / description is required"));
        } else if (f.description().strip().length() > MAX_TEXT) {
            p.add(new FieldProblem("description", "案情不可超過 " + MAX_TEXT + " 字 / description is limited to " + MAX_TEXT + " characters"));
        }
        Optional<Place> place = Optional.empty();
        if ((f.lon() == null) != (f.lat() == null)) {
            p.add(new FieldProblem(f.lon() == null ? "lon" : "lat", "經緯度需成對填寫 / give both longitude and latitude"));
        } else if (f.lon() != null) {
            place = geo.locate(f.lon(), f.lat());
            if (place.isEmpty()) {
                p.add(new FieldProblem("lat", "地點不在" + jurisdiction.name() + "轄區內 / the location is outside "
                        + jurisdiction.nameEn()));
            }
        } else if (category != null && category.needsLocation() && isBlank(f.address()) && type != null
                && (type.code().equals("REPORT") || type.code().equals("NOTIFICATION"))) {
            p.add(new FieldProblem("address", "此類別需要地點（座標或地址）/ this category needs a location (point or address)"));
        }
        if (f.address() != null && f.address().length() > 300) {
            p.add(new FieldProblem("address", "地址過長 / address is too long (300)"));
        }
        Citizen citizen = new Citizen(null, trim(f.name()), trimUpper(f.idNumber()), digits(f.phone()), trim(f.email()),
                trim(f.citizenAddress()));
        if (citizen.email() != null && !EMAIL.matcher(citizen.email()).matches()) {
            p.add(new FieldProblem("email", "電子郵件格式不正確 / e-mail address is malformed"));
        }
        if (f.phone() != null && !f.phone().isBlank() && (citizen.phone() == null || citizen.phone().length() < 7
                || citizen.phone().length() > 15)) {
            p.add(new FieldProblem("phone", "電話號碼格式不正確 / phone number is malformed"));
        }
        if (citizen.idNumber() != null && !citizen.idNumber().matches("[A-Z][0-9A-Z][0-9]{8}")) {
            p.add(new FieldProblem("idNumber", "身分證字號格式不正確 / ID number is malformed"));
        }
        if (citizen.name() != null && citizen.name().length() > 100) {
            p.add(new FieldProblem("name", "姓名過長 / name is too long"));
        }
        ReplyBy replyBy = isBlank(f.replyBy()) ? (citizen.email() != null ? ReplyBy.EMAIL : citizen.phone() != null
                ? ReplyBy.PHONE : ReplyBy.NONE) : parse(ReplyBy.class, f.replyBy(), "replyBy", p);
        if (replyBy == ReplyBy.EMAIL && citizen.email() == null) {
            p.add(new FieldProblem("email", "以電子郵件回覆需填電子郵件 / an e-mail reply needs an e-mail address"));
        }
        if (replyBy == ReplyBy.PHONE && citizen.phone() == null) {
            p.add(new FieldProblem("phone", "以電話回覆需填電話 / a phone reply needs a phone number"));
        }
        if (replyBy == ReplyBy.LETTER && citizen.address() == null) {
            p.add(new FieldProblem("citizenAddress", "以書面回覆需填通訊地址 / a letter reply needs a postal address"));
        }
        CaseRow related = null;
        if (!isBlank(f.relatedCaseNo())) {
            related = store.byNo(f.relatedCaseNo().strip()).orElse(null);
            if (related == null) {
                p.add(new FieldProblem("relatedCaseNo", "沒有這個案號 / no such case"));
            }
        }
        CaseRow duplicateOf = null;
        if (!isBlank(f.duplicateOf())) {
            duplicateOf = store.byNo(f.duplicateOf().strip()).orElse(null);
            if (duplicateOf == null) {
                p.add(new FieldProblem("duplicateOf", "沒有這個案號 / no such case"));
            } else if (!duplicateOf.open()) {
                p.add(new FieldProblem("duplicateOf", "只能併入處理中的案件 / only an open case can take a duplicate"));
            }
        }
        if (!isBlank(f.reply()) && type != null && !type.code().equals("ENQUIRY")) {
            p.add(new FieldProblem("reply", "只有諮詢案件可當場答復結案 / only enquiries are closed at first contact"));
        }
        if (f.reply() != null && f.reply().length() > MAX_TEXT) {
            p.add(new FieldProblem("reply", "答復不可超過 " + MAX_TEXT + " 字 / reply is limited to " + MAX_TEXT + " characters"));
        }
        if (!isBlank(f.mediaUrl()) && (!f.mediaUrl().matches("(?i)https?://\\S+") || f.mediaUrl().length() > 500)) {
            p.add(new FieldProblem("mediaUrl", "照片網址需為 http(s) 網址 / media_url must be an http(s) URL"));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        if (category != null) {
            Map<String, String> given = f.attributes() == null ? Map.of() : f.attributes();
            for (Category.Attribute a : category.attributes()) {
                String value = trim(given.get(a.code()));
                if (value == null) {
                    if (a.required() && category.needsLocation() && channel == Channel.OPEN311) {
                        p.add(new FieldProblem("attribute[" + a.code() + "]", "必填 / required: " + a.description()));
                    }
                } else if (!a.allows(value)) {
                    p.add(new FieldProblem("attribute[" + a.code() + "]", "不是可選的值 / not one of the allowed values"));
                } else if (value.length() > 200) {
                    p.add(new FieldProblem("attribute[" + a.code() + "]", "過長 / too long"));
                } else {
                    attributes.put(a.code(), value);
                }
            }
            for (String key : given.keySet()) {
                if (category.attributes().stream().noneMatch(a -> a.code().equals(key))) {
                    p.add(new FieldProblem("attribute[" + key + "]", "此類別沒有這個屬性 / the service has no such attribute"));
                }
            }
        }
        if (!p.isEmpty()) {
            throw new InvalidInputException(p);
        }
        return new Validated(type, channel, category, place, citizen, replyBy, related, duplicateOf, attributes);
    }

    /**
     * A caller who calls again with the same phone and name is the same citizen: their data is stored once. Only for
     * staff's intake: an Open311 report is anonymous (issue #10), its contact is stored apart and never matched.
     */
    private long citizenId(Citizen c) {
        if (c.phone() != null) {
            Optional<Long> known = store.jdbc().sql("select id from cases_citizen where phone = ? and coalesce(name,'') = ? "
                            + "and coalesce(email,'') = ? and identified order by id limit 1")
                    .params(c.phone(), c.name() == null ? "" : c.name(), c.email() == null ? "" : c.email())
                    .query(Long.class).optional();
            if (known.isPresent()) {
                if (c.address() != null || c.idNumber() != null) {
                    store.jdbc().sql("update cases_citizen set address = coalesce(?, address), id_number = coalesce(?, id_number) where id = ?")
                            .params(c.address(), c.idNumber(), known.get()).update();
                }
                return known.get();
            }
        }
        return store.insertCitizen(c, true);
    }

    static String caseNo(LocalDate day, long id) {
        return "%03d%02d%02d%07d".formatted(RocDate.rocYear(day.getYear()), day.getMonthValue(), day.getDayOfMonth(), id % 10_000_000);
    }

    String verifyCode() {
        return "%06d".formatted(random.nextInt(1_000_000));
    }

    private String token() {
        return java.util.UUID.randomUUID().toString();
    }

    // ---------------------------------------------------------------- reading

    CaseRow readable(String caseNo) {
        ShizhengUser u = CurrentUser.require();
        CaseRow c = store.byNo(caseNo).orElseThrow(() -> new NotFoundException("沒有案號 " + caseNo + " / no such case"));
        if (!mayRead(u, c)) {
            throw new ForbiddenException("此案件不屬於您的機關 / this case is not your agency's");
        }
        return c;
    }

    CaseView view(String caseNo) {
        ShizhengUser u = CurrentUser.require();
        return view(readable(caseNo), u, true);
    }

    CaseView view(CaseRow c, ShizhengUser u, boolean withHops) {
        Map<String, Category> cats = catalogue.categoryMap();
        boolean full = handles(u, c);
        Optional<Citizen> stored = store.citizen(c.citizenId());
        Citizen citizen = stored.map(z -> full ? z : z.masked()).orElse(null);
        // what the citizen typed (and replies quoting them) is masked too for those who only read the case
        List<String> names = stored.map(Citizen::name).stream().toList();
        java.util.function.UnaryOperator<String> text = full ? s -> s : s -> PersonalData.mask(s, names);
        CaseType type = catalogue.type(c.type()).orElseThrow();
        LocalDate today = today();
        LocalDate reassignBy = null;
        boolean mayAct = mayAct(u, c);
        boolean mayReassign = false;
        List<CaseView.HopView> hops = List.of();
        if (withHops) {
            Instant arrived = store.arrivedAtAgency(c.id(), c.agencyId());
            if (arrived != null) {
                reassignBy = deadlines.reassignBy(type, LocalDate.ofInstant(arrived, RocDate.TAIPEI));
            }
            mayReassign = c.open() && mayAct && (u.cityWide() || (reassignBy != null && !today.isAfter(reassignBy)));
            hops = store.hops(c.id()).stream().map(h -> new CaseView.HopView(h.at(), h.kind(), agencyName(h.fromAgencyId()),
                    agencyName(h.toAgencyId()), text.apply(h.reason()), h.username())).toList();
        }
        Category cat = cats.get(c.categoryCode());
        String related = c.relatedCaseId() == null ? null : store.byId(c.relatedCaseId()).map(CaseRow::caseNo).orElse(null);
        return new CaseView(c.caseNo(), c.type(), type.label(), c.channel().name(), c.channel().label(), c.categoryCode(),
                cat == null ? c.categoryCode() : cat.label(), text.apply(c.description()), c.lon(), c.lat(), text.apply(c.address()),
                c.districtCode(), c.districtName(), c.villageName(), c.agencyId(), agencyName(c.agencyId()), c.status(),
                c.receivedAt(), c.dueOn(), c.extendedDueOn(), text.apply(c.extensionReason()), c.effectiveDue(), c.overdueOn(today),
                c.overdueOn(today) ? deadlines.daysOverdue(c.effectiveDue(), today) : 0, c.closedAt(), text.apply(c.reply()),
                c.closingCategory() == null ? null : c.closingCategory().name(),
                c.closingCategory() == null ? null : c.closingCategory().label(), c.rating(), c.reopenCount(), related,
                c.replyBy().name(), citizen, citizen != null && !full, full ? c.verifyCode() : null, reassignBy, mayAct && c.open(),
                mayReassign, mayAct && c.open() && c.extendedDueOn() == null, c.demo(), hops);
    }

    String agencyName(Long id) {
        return id == null ? null : agencies.find(id).map(Agency::name).orElse("#" + id);
    }

    // ---------------------------------------------------------------- acting on a case

    private CaseRow actable(String caseNo) {
        ShizhengUser u = CurrentUser.require();
        CaseRow c = store.lock(caseNo).orElseThrow(() -> new NotFoundException("沒有案號 " + caseNo + " / no such case"));
        if (!mayAct(u, c)) {
            throw new ForbiddenException("只有承辦機關可以處理此案件 / only the handling agency may act on this case");
        }
        if (!c.open()) {
            throw new InvalidInputException("status", "案件已結案 / the case is closed");
        }
        return c;
    }

    /**
     * Hands a case back to RDEC (who dispatched it) or on to another agency, with a reason, within the reassignment
     * deadline (one working day by default). City-wide staff may redispatch at any time.
     */
    @Transactional
    CaseRow handOver(String caseNo, String kind, String toAgencyCode, String reason) {
        ShizhengUser u = CurrentUser.require();
        CaseRow c = actable(caseNo);
        List<FieldProblem> p = new ArrayList<>();
        if (isBlank(reason)) {
            p.add(new FieldProblem("reason", "請說明改派理由 / give a reason"));
        } else if (reason.length() > 1000) {
            p.add(new FieldProblem("reason", "理由過長 / reason is too long (1000)"));
        }
        Agency to = null;
        boolean back = "BACK".equalsIgnoreCase(kind);
        if (!back && !"ON".equalsIgnoreCase(kind)) {
            p.add(new FieldProblem("kind", "請選擇退回或移轉 / kind must be BACK or ON"));
        } else if (back) {
            to = dispatcher.rdec().orElseThrow();
        } else if (isBlank(toAgencyCode)) {
            p.add(new FieldProblem("toAgency", "請選擇移轉機關 / choose the agency to hand on to"));
        } else {
            to = agencies.findByCode(toAgencyCode.strip()).filter(Agency::active).orElse(null);
            if (to == null) {
                p.add(new FieldProblem("toAgency", "沒有這個機關 / no such agency"));
            }
        }
        if (to != null && to.id() == c.agencyId()) {
            p.add(new FieldProblem("toAgency", "案件已在該機關 / the case is already there"));
        }
        CaseType type = catalogue.type(c.type()).orElseThrow();
        Instant arrived = store.arrivedAtAgency(c.id(), c.agencyId());
        LocalDate by = deadlines.reassignBy(type, LocalDate.ofInstant(arrived == null ? c.receivedAt() : arrived, RocDate.TAIPEI));
        if (!u.cityWide() && today().isAfter(by)) {
            p.add(new FieldProblem("kind", "已逾改派期限 " + new RocDate().date(by) + "，請自行辦理或洽研考會 / "
                    + "the hand-over deadline has passed; handle the case or ask RDEC"));
        }
        if (!p.isEmpty()) {
            throw new InvalidInputException(p);
        }
        Instant now = clock.instant();
        store.update(c.id(), "agency_id = :a", Map.of("a", to.id()));
        store.hop(c.id(), now, back ? "HAND_BACK" : "HAND_ON", c.agencyId(), to.id(), reason.strip(), u.getUsername());
        audit.record("cases.case", caseNo, AuditAction.UPDATE, Map.of("agencyId", c.agencyId()),
                Map.of("agencyId", to.id(), "hop", back ? "HAND_BACK" : "HAND_ON", "reason", reason.strip()));
        return store.byId(c.id()).orElseThrow();
    }

    /** The one extension a case may get, with a reason the citizen is told. */
    @Transactional
    CaseRow extend(String caseNo, String reason) {
        ShizhengUser u = CurrentUser.require();
        CaseRow c = actable(caseNo);
        if (isBlank(reason)) {
            throw new InvalidInputException("reason", "請說明展延理由（將告知民眾）/ give the reason (the citizen is told)");
        }
        if (reason.length() > 500) {
            throw new InvalidInputException("reason", "理由過長 / reason is too long (500)");
        }
        if (c.extendedDueOn() != null) {
            throw new InvalidInputException("reason", "案件已展延過一次 / the case was already extended once");
        }
        LocalDate newDue = deadlines.extended(c.dueOn());
        store.update(c.id(), "extended_due_on = :d, extension_reason = :r, escalated_at = null",
                Map.of("d", newDue, "r", reason.strip()));
        store.hop(c.id(), clock.instant(), "EXTEND", c.agencyId(), null, reason.strip(), u.getUsername());
        audit.record("cases.case", caseNo, AuditAction.UPDATE, Map.of("dueOn", c.dueOn().toString()),
                Map.of("extendedDueOn", newDue.toString(), "reason", reason.strip()));
        tellCitizen(c, "您的案件 " + caseNo + " 延長處理期限",
                "您的案件 " + caseNo + " 處理期限延長至 " + new RocDate().date(newDue) + "。\n理由：" + reason.strip()
                        + "\n\nThe deadline of your case " + caseNo + " was extended to " + newDue + ". Reason: " + reason.strip());
        return store.byId(c.id()).orElseThrow();
    }

    /** Closes with a reply to the citizen by their channel and a closing category. */
    @Transactional
    CaseRow close(String caseNo, String reply, String closingCategory) {
        ShizhengUser u = CurrentUser.require();
        CaseRow c = actable(caseNo);
        List<FieldProblem> p = new ArrayList<>();
        if (isBlank(reply)) {
            p.add(new FieldProblem("reply", "請填寫答復內容 / the reply is required"));
        } else if (reply.length() > MAX_TEXT) {
            p.add(new FieldProblem("reply", "答復不可超過 " + MAX_TEXT + " 字 / reply is limited to " + MAX_TEXT + " characters"));
        }
        ClosingCategory cc = parse(ClosingCategory.class, closingCategory, "closingCategory", p);
        if (cc == ClosingCategory.DUPLICATE || cc == ClosingCategory.REFERENCE) {
            p.add(new FieldProblem("closingCategory", "併案或引用前案請用連結功能 / use link or close by reference"));
        }
        if (!p.isEmpty()) {
            throw new InvalidInputException(p);
        }
        return finish(c, u, reply.strip(), cc, null);
    }

    /** A repeated petition on a matter already answered: closed by reference to the earlier reply. */
    @Transactional
    CaseRow closeByReference(String caseNo, String earlierCaseNo) {
        ShizhengUser u = CurrentUser.require();
        CaseRow c = actable(caseNo);
        CaseRow earlier = isBlank(earlierCaseNo) ? null : store.byNo(earlierCaseNo.strip()).orElse(null);
        if (earlier == null) {
            throw new InvalidInputException("earlierCaseNo", "沒有這個案號 / no such case");
        }
        if (earlier.open() || earlier.reply() == null || earlier.id() == c.id()) {
            throw new InvalidInputException("earlierCaseNo", "前案須已答復 / the earlier case must have been answered");
        }
        String reply = "本案與 " + new RocDate().dateTime(earlier.closedAt()) + " 答復之案號 " + earlier.caseNo()
                + " 為同一事項，答復內容如下 / the same matter was answered in case " + earlier.caseNo() + ":\n" + earlier.reply();
        return finish(c, u, reply.length() > MAX_TEXT ? reply.substring(0, MAX_TEXT) : reply, ClosingCategory.REFERENCE, earlier.id());
    }

    private CaseRow finish(CaseRow c, ShizhengUser u, String reply, ClosingCategory cc, Long relatedId) {
        Instant now = clock.instant();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("reply", reply);
        params.put("cc", cc.name());
        params.put("at", java.sql.Timestamp.from(now));
        String set = "status = 'CLOSED', reply = :reply, closing_category = :cc, closed_at = :at, rating = null, rated_at = null";
        if (relatedId != null) {
            set += ", related_case_id = :rel";
            params.put("rel", relatedId);
        }
        store.update(c.id(), set, params);
        store.hop(c.id(), now, "CLOSE", c.agencyId(), null, cc.label() + " · " + c.replyBy().label(), u.getUsername());
        audit.record("cases.case", c.caseNo(), AuditAction.UPDATE, Map.of("status", "OPEN"),
                Map.of("status", "CLOSED", "closingCategory", cc.name()));
        tellCitizen(c, jurisdiction.government() + "答復您的案件 " + c.caseNo(), reply + "\n\n如對答復不滿意，可於 " + reopenDays
                + " 日內至 " + publicBaseUrl + "/cases/status?no=" + c.caseNo() + " 評分或要求重新處理。");
        return store.byId(c.id()).orElseThrow();
    }

    /** Links a case to a related (earlier or repeated) one. */
    @Transactional
    CaseRow link(String caseNo, String relatedCaseNo) {
        ShizhengUser u = CurrentUser.require();
        CaseRow c = store.lock(caseNo).orElseThrow(() -> new NotFoundException("沒有案號 " + caseNo + " / no such case"));
        if (!mayAct(u, c)) {
            throw new ForbiddenException("只有承辦機關可以處理此案件 / only the handling agency may act on this case");
        }
        CaseRow other = isBlank(relatedCaseNo) ? null : store.byNo(relatedCaseNo.strip()).orElse(null);
        if (other == null || other.id() == c.id()) {
            throw new InvalidInputException("relatedCaseNo", "沒有這個案號 / no such case");
        }
        store.update(c.id(), "related_case_id = :r", Map.of("r", other.id()));
        store.hop(c.id(), clock.instant(), "LINK", null, null, "關聯 / linked to " + other.caseNo(), u.getUsername());
        audit.record("cases.case", caseNo, AuditAction.UPDATE, null, Map.of("relatedCaseNo", other.caseNo()));
        return store.byId(c.id()).orElseThrow();
    }

    private void tellCitizen(CaseRow c, String subject, String body) {
        if (c.replyBy() != ReplyBy.EMAIL) {
            return;
        }
        store.citizen(c.citizenId()).map(Citizen::email).filter(e -> !e.isBlank())
                .ifPresent(e -> notifications.email(e, subject, body, "cases.case", c.caseNo()));
    }

    // ---------------------------------------------------------------- the citizen, by case number and code

    /** The case when number and verification code match; one answer for both kinds of miss. */
    CaseRow byCode(String caseNo, String code) {
        if (isBlank(caseNo) || isBlank(code)) {
            throw new NotFoundException("案號或查詢碼不正確 / case number or verification code is wrong");
        }
        return store.byNo(caseNo.strip()).filter(c -> java.security.MessageDigest.isEqual(
                        c.verifyCode().getBytes(), code.strip().getBytes()))
                .orElseThrow(() -> new NotFoundException("案號或查詢碼不正確 / case number or verification code is wrong"));
    }

    @Transactional
    CaseRow rate(String caseNo, String code, Integer rating) {
        CaseRow c = byCode(caseNo, code);
        if (c.open()) {
            throw new InvalidInputException("rating", "結案後才能評分 / you can rate once the case is answered");
        }
        if (rating == null || rating < 1 || rating > 5) {
            throw new InvalidInputException("rating", "請給 1 到 5 分 / rate from 1 to 5");
        }
        if (c.rating() != null) {
            throw new InvalidInputException("rating", "此答復已評分 / this reply was already rated");
        }
        store.update(c.id(), "rating = :r, rated_at = now()", Map.of("r", rating));
        store.hop(c.id(), clock.instant(), "RATE", null, null, rating + " / 5", "citizen");
        audit.record("cases.case", caseNo, AuditAction.UPDATE, null, Map.of("rating", rating));
        return store.byId(c.id()).orElseThrow();
    }

    boolean mayReopen(CaseRow c) {
        return !c.open() && c.closedAt() != null && c.closingCategory() != ClosingCategory.DUPLICATE
                && !clock.instant().isAfter(c.closedAt().plus(java.time.Duration.ofDays(reopenDays)));
    }

    /** Within the reopen window (7 days by default) the citizen may ask for the case to be handled again. */
    @Transactional
    CaseRow reopen(String caseNo, String code, String reason) {
        CaseRow c = byCode(caseNo, code);
        if (isBlank(reason) || reason.length() > 1000) {
            throw new InvalidInputException("reason", "請說明不滿意的原因（1000 字內）/ say why (up to 1000 characters)");
        }
        if (!mayReopen(c)) {
            throw new InvalidInputException("reason", "已超過 " + reopenDays + " 日或案件未結案，無法重新處理 / "
                    + "a case can be reopened within " + reopenDays + " days of its reply");
        }
        CaseType type = catalogue.type(c.type()).orElseThrow();
        LocalDate due = deadlines.replyDue(type, today());
        store.update(c.id(), "status = 'OPEN', reopen_count = reopen_count + 1, due_on = :due, extended_due_on = null, "
                + "extension_reason = null, escalated_at = null, closed_at = null", Map.of("due", due));
        store.hop(c.id(), clock.instant(), "REOPEN", null, c.agencyId(), reason.strip(), "citizen");
        audit.record("cases.case", caseNo, AuditAction.UPDATE, Map.of("status", "CLOSED"), Map.of("status", "OPEN", "reopened", true));
        return store.byId(c.id()).orElseThrow();
    }

    // ---------------------------------------------------------------- helpers

    static Map<String, Object> summary(CaseRow c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseNo", c.caseNo());
        m.put("type", c.type());
        m.put("channel", c.channel().name());
        m.put("category", c.categoryCode());
        m.put("agencyId", c.agencyId());
        m.put("status", c.status());
        m.put("dueOn", c.dueOn().toString());
        m.put("citizen", c.citizenId() == null ? "anonymous" : "stored (id " + c.citizenId() + ")");
        return m;
    }

    static boolean isBlank(String s) { return s == null || s.isBlank(); }

    static String trim(String s) { return isBlank(s) ? null : s.strip(); }

    private static String trimUpper(String s) { return isBlank(s) ? null : s.strip().toUpperCase(); }

    static String digits(String s) {
        if (isBlank(s)) {
            return null;
        }
        String d = s.replaceAll("[^0-9]", "");
        return d.isEmpty() ? "" : d;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<FieldProblem> p) {
        if (isBlank(value)) {
            p.add(new FieldProblem(field, "必填 / required"));
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            p.add(new FieldProblem(field, "不是可選的值 / not one of the allowed values"));
            return null;
        }
    }
}
