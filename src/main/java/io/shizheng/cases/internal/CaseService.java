package io.shizheng.cases.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.Place;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.Jurisdiction;
import io.shizheng.platform.Notifications;
import io.shizheng.platform.RocDate;
import io.shizheng.platform.ShizhengUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

import static io.shizheng.cases.internal.Inputs.isBlank;
import static io.shizheng.cases.internal.Inputs.trim;

/** Intake of a case from any channel: checked, dispatched to the competent agency, given its deadline, the citizen told. */
@Service
public class CaseService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SecureRandom random = new SecureRandom();

    private final CaseStore store;
    private final Deadlines deadlines;
    private final Dispatcher dispatcher;
    private final AgencyDirectory agencies;
    private final AuditLog audit;
    private final Notifications notifications;
    private final Clock clock;
    private final Jurisdiction jurisdiction;
    private final IntakeChecks checks;
    private final Photos photos;
    private final String publicBaseUrl;

    CaseService(CaseStore store, Deadlines deadlines, Dispatcher dispatcher, AgencyDirectory agencies,
                AuditLog audit, Notifications notifications, Clock clock, Jurisdiction jurisdiction,
                IntakeChecks checks, Photos photos,
                @Value("${shizheng.cases.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.store = store;
        this.deadlines = deadlines;
        this.dispatcher = dispatcher;
        this.agencies = agencies;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
        this.jurisdiction = jurisdiction;
        this.checks = checks;
        this.photos = photos;
        this.publicBaseUrl = publicBaseUrl;
    }

    @Transactional
    public CaseRow intake(IntakeForm f, Long apiKeyId, boolean demo) {
        ShizhengUser user = CurrentUser.get().orElse(null);
        if (user != null && !CaseAccess.mayTakeCases(user) && apiKeyId == null) {
            throw new ForbiddenException("只有話務人員與機關承辦可以受理案件 / only agents and officers take cases");
        }
        IntakeChecks.Validated v = checks.validate(f);
        Instant now = clock.instant();
        LocalDate receivedOn = LocalDate.ofInstant(now, RocDate.TAIPEI);
        Agency agency = dispatcher.competent(v.category(), v.place());
        LocalDate due = deadlines.replyDue(v.type(), receivedOn);
        String status = "OPEN";
        ClosingCategory closing = null;
        String reply = null;
        Instant closedAt = null;
        Long related = v.related() == null ? null : v.related().id();
        if (v.duplicateOf() != null) {
            status = "CLOSED";
            closing = ClosingCategory.DUPLICATE;
            reply = "本案與案號 " + v.duplicateOf().caseNo() + " 為同一事項，併案處理 / merged with case " + v.duplicateOf().caseNo();
            closedAt = now;
            related = v.duplicateOf().id();
            agency = agencies.find(v.duplicateOf().agencyId()).orElse(agency);
        } else if (!isBlank(f.reply())) {
            status = "CLOSED";
            closing = ClosingCategory.ANSWERED;
            reply = f.reply().strip();
            closedAt = now;
            if (user != null && user.agencyId() != null) {
                agency = agencies.find(user.agencyId()).orElse(agency);
            }
        }
        Long citizenId = v.citizen().isEmpty() ? null : apiKeyId != null ? store.insertCitizen(v.citizen(), false) : citizenId(v.citizen());
        long id = store.nextId();
        String caseNo = caseNo(receivedOn, id);
        CaseRow row = new CaseRow(id, caseNo, verifyCode(), v.type().code(), v.channel(), v.category().code(),
                f.description().strip(), v.lon(f), v.lat(f), trim(f.address()),
                v.place().map(Place::districtCode).orElse(null), v.place().map(Place::districtName).orElse(null),
                v.place().map(Place::villageCode).orElse(null), v.place().map(Place::villageName).orElse(null), citizenId,
                v.replyBy(), agency.id(), status, now, receivedOn, due, null, null, null, closedAt, reply, closing, null, null,
                0, related, token(), JSON.writeValueAsString(v.attributes()), trim(f.mediaUrl()), now, demo);
        store.insert(row, apiKeyId);
        String by = user == null ? "open311" : user.getUsername();
        store.hop(id, now, "INTAKE", null, null, v.channel().label(), by);
        store.hop(id, now, "DISPATCH", null, agency.id(), v.category().label(), by);
        if (v.located() != null) {
            store.hop(id, now, v.located().found() ? "GEOCODE" : "NO_POINT", null, null, v.located().note(), by);
        }
        if (v.duplicateOf() != null) {
            store.hop(id, now, "LINK", null, null, "併入 / merged into " + v.duplicateOf().caseNo(), by);
        }
        if (closedAt != null) {
            store.hop(id, now, "CLOSE", agency.id(), null, closing.label(), by);
        }
        audit.record("cases.case", caseNo, AuditAction.CREATE, null, summary(row));
        if (v.citizen().email() != null && v.replyBy() == ReplyBy.EMAIL) {
            notifications.email(v.citizen().email(), jurisdiction.government() + "已受理您的案件 " + caseNo,
                    "您的案件已受理，案號 " + caseNo + "，查詢碼 " + row.verifyCode() + "。\n處理機關：" + agency.name()
                            + "\n預定答復期限：" + new RocDate().date(due) + "\n查詢進度：" + publicBaseUrl + "/cases/status?no="
                            + caseNo + "\n\nYour case " + caseNo + " was received; verification code " + row.verifyCode() + ".",
                    "cases.case", caseNo);
        }
        return row;
    }

    /** Intake with an optional photo, in one transaction: a bad photo stores no case. */
    @Transactional
    CaseRow intakeWithPhoto(IntakeForm f, MultipartFile photo) {
        CaseRow row = intake(f, null, false);
        if (photo != null && !photo.isEmpty()) {
            photos.store(row.id(), photo);
        }
        return row;
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
}
