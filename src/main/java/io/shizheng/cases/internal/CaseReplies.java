package io.shizheng.cases.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import io.shizheng.platform.Jurisdiction;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.RocDate;
import io.shizheng.platform.ShizhengUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static io.shizheng.cases.internal.Inputs.isBlank;

/**
 * Replies that leave the system: a letter printed for the post (PDF or ODT, recorded as sent when it is printed) and
 * calls made to the citizen (who called, when, the number, what came of it). Both only for those who handle the case:
 * the letter carries the citizen's name and address. Templates read a case's replies as {@code @caseReplies.of(no)}.
 */
@Service("caseReplies")
public class CaseReplies {

    /** What came of a call. */
    public enum Outcome {
        REACHED("已聯繫答復", "reached"),
        NO_ANSWER("無人接聽", "no answer"),
        BUSY("忙線", "busy"),
        VOICEMAIL("留言於語音信箱", "left a voicemail"),
        WRONG_NUMBER("號碼錯誤", "wrong number"),
        REFUSED("民眾拒絕通話", "refused the call");

        final String zh;
        final String en;

        Outcome(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String label() { return zh + " / " + en; }
    }

    public enum Format {
        PDF("application/pdf", "pdf"),
        ODT("application/vnd.oasis.opendocument.text", "odt");

        final String contentType;
        final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }
    }

    /** A letter as it went out: its number, format, who printed it and when. */
    public record SentLetter(String letterNo, String format, String sentBy, Instant sentAt) {
    }

    /** A call to the citizen; the number is masked wherever it is shown. */
    public record PhoneCall(long id, Instant calledAt, String calledBy, String phone, String outcome, String outcomeName,
                            String note) {
    }

    /** A printed letter, ready to be sent to the browser. */
    record Printed(String fileName, String contentType, byte[] bytes, String letterNo) {
    }

    /** What the case page shows of the replies, for someone who handles the case (null fields for others). */
    public record Replies(boolean handles, String replyBy, boolean letterReady, String letterProblem,
                          List<SentLetter> letters, List<PhoneCall> calls, String citizenPhoneMasked, List<Outcome> outcomes) {
    }

    record CallInput(String phone, String outcome, String calledAt, String note) {
    }

    private final CaseStore store;
    private final CaseAccess access;
    private final LetterDocuments documents;
    private final Letterhead configured;
    private final Jurisdiction jurisdiction;
    private final AuditLog audit;
    private final Clock clock;
    private final JdbcClient jdbc;

    CaseReplies(CaseStore store, CaseAccess access, LetterDocuments documents, Letterhead configured,
                Jurisdiction jurisdiction, AuditLog audit, Clock clock, JdbcClient jdbc) {
        this.store = store;
        this.access = access;
        this.documents = documents;
        this.configured = configured;
        this.jurisdiction = jurisdiction;
        this.audit = audit;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** The letterhead in force: each setting, else (demo jurisdiction) the demo's, else the government's name. */
    Letterhead letterhead() {
        Properties demo = new Properties();
        if (jurisdiction.hasDemoData()) {
            try (InputStream in = getClass().getResourceAsStream("/demo/letterhead.properties")) {
                if (in != null) {
                    demo.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Letterhead(or(configured.office(), demo.getProperty("office"), jurisdiction.government()),
                or(configured.address(), demo.getProperty("address"), ""),
                or(configured.phone(), demo.getProperty("phone"), ""),
                or(configured.numberPrefix(), demo.getProperty("number-prefix"), "字"));
    }

    private static String or(String value, String demo, String fallback) {
        return !isBlank(value) ? value.strip() : !isBlank(demo) ? demo.strip() : fallback;
    }

    /** The case, for someone who handles it (the handling agency, RDEC): the letter and the calls carry personal data. */
    private CaseRow handled(String caseNo) {
        ShizhengUser u = CurrentUser.require();
        CaseRow c = store.byNo(caseNo).orElseThrow(() -> new NotFoundException("沒有案號 " + caseNo + " / no such case"));
        if (!access.handles(u, c)) {
            throw new ForbiddenException("只有承辦機關與研考會可以取得答復函與通話紀錄 / only those who handle the case may");
        }
        return c;
    }

    public Replies of(String caseNo) {
        ShizhengUser u = CurrentUser.require();
        CaseRow c = store.byNo(caseNo).orElse(null);
        if (c == null || !access.handles(u, c)) {
            return new Replies(false, null, false, null, List.of(), List.of(), null, List.of());
        }
        String problem = letterProblem(c, store.citizen(c.citizenId()).orElse(null));
        String phone = store.citizen(c.citizenId()).map(Citizen::phone).filter(p -> !isBlank(p))
                .map(p -> Citizen.maskMiddle(p, 4, 3)).orElse(null);
        return new Replies(true, c.replyBy().name(), problem == null, problem, letters(c.id()), calls(c.id()), phone,
                Arrays.asList(Outcome.values()));
    }

    private static String letterProblem(CaseRow c, Citizen z) {
        if (c.replyBy() != ReplyBy.LETTER) {
            return "民眾未要求書面回覆 / the citizen did not ask for a reply by letter";
        }
        if (c.reply() == null || c.reply().isBlank()) {
            return "請先填寫答復並結案 / write the reply and close the case first";
        }
        if (z == null || isBlank(z.address())) {
            return "民眾未留通訊地址 / the citizen left no postal address";
        }
        return null;
    }

    List<SentLetter> letters(String caseNo) {
        return letters(handled(caseNo).id());
    }

    private List<SentLetter> letters(long caseId) {
        return jdbc.sql("select letter_no, format, sent_by, sent_at from cases_letter where case_id = ? order by sent_at, id")
                .param(caseId).query((rs, n) -> new SentLetter(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).list();
    }

    /** The reply letter of a closed case, printed now: recorded as sent (who, when), on the case's history and audited. */
    @Transactional
    Printed print(String caseNo, String format) {
        ShizhengUser u = CurrentUser.require();
        CaseRow c = handled(caseNo);
        Format f = null;
        if (format != null) {
            f = Arrays.stream(Format.values()).filter(x -> x.name().equalsIgnoreCase(format.strip())).findFirst().orElse(null);
        }
        if (f == null) {
            throw new InvalidInputException("format", "格式須為 PDF 或 ODT / format must be PDF or ODT");
        }
        Citizen z = store.citizen(c.citizenId()).orElse(null);
        String problem = letterProblem(c, z);
        if (problem != null) {
            throw new InvalidInputException("letter", problem);
        }
        // one document number per case: a reprint is the same letter sent again
        String letterNo = jdbc.sql("select letter_no from cases_letter where case_id = ? order by id limit 1").param(c.id())
                .query(String.class).optional().orElse(null);
        Letterhead head = letterhead();
        if (letterNo == null) {
            long serial = jdbc.sql("select nextval('cases_letter_id_seq')").query(Long.class).single();
            letterNo = head.numberPrefix() + "第" + RocDate.rocYear(access.today().getYear()) + "%07d".formatted(serial) + "號";
        }
        Letter letter = new Letter(letterNo, head.office(), head.address(), head.phone(), z.name(), z.address().strip(),
                c.caseNo(), access.today(), "有關台端陳情案件（案號 " + c.caseNo() + "）之答復，詳如說明，請查照。",
                c.reply().strip() + (isBlank(head.phone()) ? "" : "\n如有疑問，請洽 " + head.phone() + "。"), c.demo());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (f == Format.PDF) {
                documents.pdf(letter, out);
            } else {
                documents.odt(letter, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant now = clock.instant();
        jdbc.sql("insert into cases_letter (case_id, letter_no, format, sent_by, sent_at) values (?, ?, ?, ?, ?)")
                .params(c.id(), letterNo, f.name(), u.getUsername(), Timestamp.from(now)).update();
        store.hop(c.id(), now, "LETTER", null, null, letterNo + " · " + f.name(), u.getUsername());
        audit.record("cases.letter", c.caseNo(), AuditAction.CREATE, null, Map.of("letterNo", letterNo, "format", f.name(),
                "sentBy", u.getUsername()));
        return new Printed("letter-" + c.caseNo() + "." + f.extension, f.contentType, out.toByteArray(), letterNo);
    }

    List<PhoneCall> calls(String caseNo) {
        return calls(handled(caseNo).id());
    }

    private List<PhoneCall> calls(long caseId) {
        return jdbc.sql("select id, called_at, called_by, phone, outcome, note from cases_phone_reply where case_id = ? "
                        + "order by called_at, id").param(caseId)
                .query((rs, n) -> {
                    Outcome o = Outcome.valueOf(rs.getString(5));
                    return new PhoneCall(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            Citizen.maskMiddle(rs.getString(4), 4, 3), o.name(), o.label(), rs.getString(6));
                }).list();
    }

    /**
     * Records a call to the citizen: the number (the citizen's own when none is given), the outcome, when (now when
     * not given; not in the future, not before the case came in) and a note.
     */
    @Transactional
    PhoneCall recordCall(String caseNo, CallInput in) {
        ShizhengUser u = CurrentUser.require();
        CaseRow c = handled(caseNo);
        List<FieldProblem> p = new ArrayList<>();
        String phone = in == null || isBlank(in.phone())
                ? store.citizen(c.citizenId()).map(Citizen::phone).filter(x -> !isBlank(x)).orElse(null) : in.phone().strip();
        if (phone == null) {
            p.add(new FieldProblem("phone", "請填撥打的電話號碼 / give the number called"));
        } else if (!phone.matches("[0-9+()#\\-\\s轉分機extEXT.]{6,30}") || phone.chars().filter(Character::isDigit).count() < 6) {
            p.add(new FieldProblem("phone", "電話號碼格式不正確 / not a phone number"));
        }
        Outcome outcome = null;
        if (in == null || isBlank(in.outcome())) {
            p.add(new FieldProblem("outcome", "請選擇通話結果 / choose the outcome"));
        } else {
            outcome = Arrays.stream(Outcome.values()).filter(o -> o.name().equalsIgnoreCase(in.outcome().strip())).findFirst()
                    .orElse(null);
            if (outcome == null) {
                p.add(new FieldProblem("outcome", "通話結果須為 " + Arrays.toString(Outcome.values()) + " 之一 / unknown outcome"));
            }
        }
        Instant now = clock.instant();
        Instant at = now;
        if (in != null && !isBlank(in.calledAt())) {
            try {
                at = LocalDateTime.parse(in.calledAt().strip()).atZone(RocDate.TAIPEI).toInstant();
                if (at.isAfter(now.plus(Duration.ofMinutes(5)))) {
                    p.add(new FieldProblem("calledAt", "通話時間不可在未來 / the call cannot be in the future"));
                } else if (at.isBefore(c.receivedAt())) {
                    p.add(new FieldProblem("calledAt", "通話時間早於受理時間 / the call is before the case came in"));
                }
            } catch (DateTimeParseException e) {
                p.add(new FieldProblem("calledAt", "時間格式須為 yyyy-MM-ddTHH:mm / malformed time"));
            }
        }
        String note = in == null || isBlank(in.note()) ? null : in.note().strip();
        if (note != null && note.length() > 500) {
            p.add(new FieldProblem("note", "備註不可超過 500 字 / note is limited to 500 characters"));
        }
        if (!p.isEmpty()) {
            throw new InvalidInputException(p);
        }
        long id = jdbc.sql("""
                insert into cases_phone_reply (case_id, called_at, called_by, phone, outcome, note, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(c.id(), Timestamp.from(at), u.getUsername(), phone, outcome.name(), note, Timestamp.from(now))
                .query(Long.class).single();
        String masked = Citizen.maskMiddle(phone, 4, 3);
        store.hop(c.id(), at, "PHONE_REPLY", null, null, outcome.label() + " · " + masked, u.getUsername());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("calledAt", at.toString());
        after.put("phone", masked);
        after.put("outcome", outcome.name());
        after.put("note", note);
        audit.record("cases.phone-reply", id, AuditAction.CREATE, null, after);
        return calls(c.id()).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }
}
