package io.shizheng.servicequality.internal;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.shizheng.org.AgencyScope;
import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.AgencyKind;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.CsvException;
import io.shizheng.platform.CsvSource;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import io.shizheng.platform.Notifications;
import io.shizheng.platform.RocDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly statistics of agencies' and district offices' phones from the telephone system's CSV export:
 * imported whole or not at all, ranked by answer rate, with notices to those below the city's line.
 */
@Service
class PhoneStatistics {

    /** Columns the telephone system's export carries, with the Chinese headings it may use instead. */
    static final Map<String, String> HEADINGS = Map.ofEntries(
            Map.entry("year", "year"), Map.entry("年", "year"), Map.entry("month", "month"), Map.entry("月", "month"),
            Map.entry("agency_code", "agency_code"), Map.entry("機關代碼", "agency_code"),
            Map.entry("incoming", "incoming"), Map.entry("來話數", "incoming"),
            Map.entry("answered", "answered"), Map.entry("接聽數", "answered"),
            Map.entry("busy", "busy"), Map.entry("忙線數", "busy"),
            Map.entry("unanswered", "unanswered"), Map.entry("未接數", "unanswered"));
    static final List<String> REQUIRED = List.of("year", "month", "agency_code", "incoming", "answered", "busy", "unanswered");

    record Row(int year, int month, long agencyId, int incoming, int answered, int busy, int unanswered) {
    }

    record Ranked(int rank, long agencyId, String agencyCode, String agencyName, String kind, int incoming, int answered,
                  int busy, int unanswered, BigDecimal answerRate, BigDecimal busyRate, BigDecimal unansweredRate,
                  boolean below, boolean demo) {
    }

    record ImportResult(int rows, List<String> months, int notices) {
    }

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;
    private final AuditLog audit;
    private final Access access;
    private final Notifications mail;
    private final BigDecimal line;

    PhoneStatistics(JdbcClient jdbc, AgencyDirectory agencies, AuditLog audit, Access access, Notifications mail,
                    @Value("${shizheng.servicequality.answer-rate-line:80}") BigDecimal line) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.audit = audit;
        this.access = access;
        this.mail = mail;
        this.line = line;
    }

    BigDecimal line() {
        return line;
    }

    /** Every bad line is reported by its number; when any is bad nothing is stored. */
    static List<Row> parse(String csv, AgencyDirectory agencies) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        if (csv == null || csv.isBlank()) {
            throw new InvalidInputException("file", "檔案是空的 / the file is empty");
        }
        try (CsvSource in = CsvSource.of(new StringReader(csv))) {
            CsvSource.Row header = in.header();
            Map<String, Integer> col = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String key = HEADINGS.get(header.get(i).trim().toLowerCase(Locale.ROOT));
                if (key != null) {
                    col.put(key, i);
                }
            }
            List<String> missing = REQUIRED.stream().filter(r -> !col.containsKey(r)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException("line 1", "缺少欄位 " + missing + " / missing columns " + missing);
            }
            Set<String> seen = new LinkedHashSet<>();
            for (CsvSource.Row cells : in) {
                if (cells.blank()) {
                    continue;
                }
                String f = "line " + cells.line();
                if (cells.size() < header.size()) {
                    problems.add(new FieldProblem(f, "欄位數不足 / too few columns"));
                    continue;
                }
                List<String> bad = new ArrayList<>();
                Integer year = integer(cells.get(col.get("year")));
                Integer month = integer(cells.get(col.get("month")));
                Integer incoming = integer(cells.get(col.get("incoming")));
                Integer answered = integer(cells.get(col.get("answered")));
                Integer busy = integer(cells.get(col.get("busy")));
                Integer unanswered = integer(cells.get(col.get("unanswered")));
                String code = cells.get(col.get("agency_code")).trim();
                if (year != null && year < 1000) {
                    year = RocDate.isoYear(year);
                }
                if (year == null || year < 2000 || year > 2100) {
                    bad.add("年度不正確 / bad year");
                }
                if (month == null || month < 1 || month > 12) {
                    bad.add("月份須為 1 至 12 / month must be 1 to 12");
                }
                Agency agency = agencies.findByCode(code).orElse(null);
                if (agency == null) {
                    bad.add("機關代碼不存在：" + code + " / unknown agency code");
                }
                if (incoming == null || answered == null || busy == null || unanswered == null
                        || incoming < 0 || answered < 0 || busy < 0 || unanswered < 0) {
                    bad.add("通數須為非負整數 / counts must be whole numbers 0 or more");
                } else if (answered + busy + unanswered != incoming) {
                    bad.add("接聽 " + answered + " + 忙線 " + busy + " + 未接 " + unanswered + " ≠ 來話 " + incoming
                            + " / answered + busy + unanswered must equal incoming");
                }
                if (bad.isEmpty() && !seen.add(year + "-" + month + "-" + code)) {
                    bad.add("同一機關同月重複 / the agency appears twice for the month");
                }
                if (!bad.isEmpty()) {
                    problems.add(new FieldProblem(f, String.join("；", bad)));
                } else {
                    rows.add(new Row(year, month, agency.id(), incoming, answered, busy, unanswered));
                }
            }
        } catch (CsvException e) {
            problems.add(new FieldProblem("line " + e.line(), e.reason()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException("file", "檔案沒有資料列 / no data rows");
        }
        return rows;
    }

    private static Integer integer(String s) {
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Transactional
    ImportResult importCsv(String csv) {
        access.requireRdec();
        List<Row> rows = parse(csv, agencies);
        Set<String> months = new LinkedHashSet<>();
        for (Row r : rows) {
            jdbc.sql("""
                    insert into servicequality_phone_stat (year, month, agency_id, incoming, answered, busy, unanswered)
                    values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (year, month, agency_id) do update set incoming = excluded.incoming,
                      answered = excluded.answered, busy = excluded.busy, unanswered = excluded.unanswered,
                      imported_at = now(), demo = false""")
                    .params(r.year(), r.month(), r.agencyId(), r.incoming(), r.answered(), r.busy(), r.unanswered()).update();
            months.add(r.year() + "-" + r.month());
        }
        int notices = 0;
        for (String ym : months) {
            String[] p = ym.split("-");
            notices += noticeBelowLine(Integer.parseInt(p[0]), Integer.parseInt(p[1]), false);
        }
        ImportResult result = new ImportResult(rows.size(), List.copyOf(months), notices);
        audit.record("servicequality.phone-stats", String.join(",", months), AuditAction.CREATE, null, result);
        return result;
    }

    /** One notice per agency below the line in a month (not repeated on re-import). */
    int noticeBelowLine(int year, int month, boolean demo) {
        int raised = 0;
        for (Ranked r : ranking(year, month)) {
            if (!r.below()) {
                continue;
            }
            boolean exists = jdbc.sql("""
                    select count(*) from servicequality_notice where kind = 'PHONE_STATS' and agency_id = ? and year = ? and month = ?""")
                    .params(r.agencyId(), year, month).query(Long.class).single() > 0;
            if (exists) {
                continue;
            }
            String detail = new RocDate().month(year, month) + " 電話接聽率 " + r.answerRate() + "%，低於本府標準 " + line
                    + "%（來話 " + r.incoming() + " 通，忙線 " + r.busy() + "，未接 " + r.unanswered() + "），請檢討改善。";
            long id = jdbc.sql("""
                    insert into servicequality_notice (kind, agency_id, year, month, detail, demo)
                    values ('PHONE_STATS', ?, ?, ?, ?, ?) returning id""")
                    .params(r.agencyId(), year, month, detail, demo).query(Long.class).single();
            if (!demo) {
                audit.record("servicequality.notice", id, AuditAction.CREATE, null, Map.of("detail", detail));
                jdbc.sql("select contact_email from servicequality_line where agency_id = ? and contact_email is not null order by id limit 1")
                        .param(r.agencyId()).query(String.class).optional()
                        .ifPresent(to -> mail.email(to, "電話接聽率改善通知：" + r.agencyName(), detail, "servicequality.notice", id));
            }
            raised++;
        }
        return raised;
    }

    List<int[]> months() {
        return jdbc.sql("select distinct year, month from servicequality_phone_stat order by year desc, month desc")
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).list();
    }

    /** The city-wide ranking of a month, keeping the rows of the agencies in scope (their rank stays the city's). */
    List<Ranked> ranking(int year, int month, AgencyScope scope) {
        return ranking(year, month).stream().filter(r -> scope.covers(r.agencyId())).toList();
    }

    /** Agencies of a month ranked by answer rate, best first. */
    List<Ranked> ranking(int year, int month) {
        record Raw(long agencyId, int incoming, int answered, int busy, int unanswered, boolean demo) {
        }
        List<Raw> raw = jdbc.sql("select agency_id, incoming, answered, busy, unanswered, demo from servicequality_phone_stat"
                        + " where year = :year and month = :month")
                .param("year", year).param("month", month)
                .query((rs, n) -> new Raw(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getBoolean(6)))
                .list();
        List<Raw> sorted = new ArrayList<>(raw);
        sorted.sort((a, b) -> rate(b.answered(), b.incoming()).compareTo(rate(a.answered(), a.incoming())));
        List<Ranked> out = new ArrayList<>();
        Map<Long, Agency> byId = new HashMap<>();
        agencies.all().forEach(a -> byId.put(a.id(), a));
        for (int i = 0; i < sorted.size(); i++) {
            Raw r = sorted.get(i);
            Agency a = byId.get(r.agencyId());
            BigDecimal answerRate = rate(r.answered(), r.incoming());
            out.add(new Ranked(i + 1, r.agencyId(), a == null ? "" : a.code(), a == null ? "#" + r.agencyId() : a.name(),
                    a == null ? "" : a.kind().name(), r.incoming(), r.answered(),
                    r.busy(), r.unanswered(), answerRate, rate(r.busy(), r.incoming()), rate(r.unanswered(), r.incoming()),
                    r.incoming() > 0 && answerRate.compareTo(line) < 0, r.demo()));
        }
        return out;
    }

    static BigDecimal rate(int part, int whole) {
        return whole == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
