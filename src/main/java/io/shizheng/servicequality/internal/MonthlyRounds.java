package io.shizheng.servicequality.internal;

import java.sql.Time;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.RocDate;
import io.shizheng.platform.WorkingDayCalendar;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans each month's phone-answering test round by itself, following {@link MonthlyRoundRules}: once across
 * instances (ShedLock), and once per month whatever runs it (a unique index on the month's automatic round). A month
 * RDEC already planned by hand is left as it is; RDEC can still add a round by hand beside the automatic one.
 */
@Component
class MonthlyRounds {

    private static final Logger log = LoggerFactory.getLogger(MonthlyRounds.class);

    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;
    private final MonthlyRoundRules rules;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    MonthlyRounds(JdbcClient jdbc, WorkingDayCalendar calendar, MonthlyRoundRules rules, AuditLog audit,
                  TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.rules = rules;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    MonthlyRoundRules rules() {
        return rules;
    }

    @Scheduled(cron = "${shizheng.servicequality.monthly-round.cron:0 30 6 * * *}", zone = "Asia/Taipei")
    @SchedulerLock(name = "servicequality.monthly-round", lockAtMostFor = "PT10M")
    public void planThisMonth() {
        if (!rules.enabled()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        plan(YearMonth.from(today), today).ifPresent(id -> log.info("Planned the phone-test round of {} (round {})",
                YearMonth.from(today), id));
    }

    /**
     * Plans {@code month} on its working days from {@code from} on, unless it has a round already; returns the new
     * round, or empty when the month was planned before, has no working day left or no phone line to test.
     */
    Optional<Long> plan(YearMonth month, LocalDate from) {
        return Optional.ofNullable(tx.execute(status -> {
            if (jdbc.sql("select count(*) from servicequality_round where year = ? and month = ?")
                    .params(month.getYear(), month.getMonthValue()).query(Long.class).single() > 0) {
                return null;
            }
            List<LocalDate> days = new ArrayList<>();
            for (LocalDate d = from.isAfter(month.atDay(1)) ? from : month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
                if (calendar.isWorkingDay(d)) {
                    days.add(d);
                }
            }
            List<MonthlyRoundRules.PlannedCall> calls = rules.plan(candidates(month), days,
                    month.getYear() * 100L + month.getMonthValue());
            if (calls.isEmpty()) {
                return null;
            }
            Long roundId = jdbc.sql("""
                    insert into servicequality_round (year, month, title, created_by, automatic, rules) values (?, ?, ?, 'system', true, ?)
                    on conflict (year, month) where automatic do nothing returning id""")
                    .params(month.getYear(), month.getMonthValue(),
                            new RocDate().month(month.getYear(), month.getMonthValue()) + " 電話禮貌測試（每月自動排定）",
                            rules.summary())
                    .query(Long.class).optional().orElse(null);
            if (roundId == null) {
                return null; // another instance planned it a moment ago
            }
            for (MonthlyRoundRules.PlannedCall c : calls) {
                jdbc.sql("insert into servicequality_call (round_id, line_id, agency_id, scheduled_on, scheduled_time) values (?, ?, ?, ?, ?)")
                        .params(roundId, c.lineId(), c.agencyId(), c.at().toLocalDate(), Time.valueOf(c.at().toLocalTime()))
                        .update();
            }
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("month", month.toString());
            after.put("calls", calls.size());
            after.put("workingDays", days.size());
            after.put("rules", rules.summary());
            audit.record("servicequality.round", roundId, AuditAction.CREATE, null, after);
            return roundId;
        }));
    }

    /** The active lines, each with its failed tests in the twelve months before the month. */
    private List<MonthlyRoundRules.Candidate> candidates(YearMonth month) {
        LocalDate start = month.atDay(1);
        Map<Long, Long> failures = new HashMap<>();
        jdbc.sql("""
                select line_id, count(*) from servicequality_call
                where total is not null and not passed and called_on >= ? and called_on < ? group by line_id""")
                .params(start.minusMonths(12), start)
                .query((rs, i) -> failures.put(rs.getLong(1), rs.getLong(2))).list();
        return jdbc.sql("select id, agency_id from servicequality_line where active order by agency_id, id")
                .query((rs, n) -> new MonthlyRoundRules.Candidate(rs.getLong(1), rs.getLong(2),
                        failures.getOrDefault(rs.getLong(1), 0L))).list();
    }

    /** The planned time of each call of a round that has times (automatic rounds). */
    Map<Long, LocalTime> times(long roundId) {
        Map<Long, LocalTime> times = new HashMap<>();
        jdbc.sql("select id, scheduled_time from servicequality_call where round_id = ? and scheduled_time is not null")
                .param(roundId).query((rs, n) -> times.put(rs.getLong(1), rs.getObject(2, LocalTime.class))).list();
        return times;
    }

    /** The rules an automatic round followed, or null for a round planned by hand. */
    String rulesOf(long roundId) {
        return jdbc.sql("select rules from servicequality_round where id = ? and automatic").param(roundId)
                .query(String.class).optional().orElse(null);
    }
}
