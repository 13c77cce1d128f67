package io.shizheng.callcenter.internal;

import java.time.LocalDate;

import io.shizheng.platform.RocDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hourly and daily roll-ups of call records, from which every service-level figure and both metrics are
 * read (a month is ~30 rows per queue and language instead of ~64,000 calls). Imports add their new records to
 * them as they merge (see CallStaging); here they are rebuilt from the records at start when the configured
 * thresholds differ from those the roll-ups were made with.
 */
@Component
@Order(31)
class CallRollups implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CallRollups.class);

    private final JdbcClient jdbc;
    private final CallCenterRules rules;
    private final TransactionTemplate tx;

    CallRollups(JdbcClient jdbc, CallCenterRules rules, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('callcenter.rollup'))").query().singleRow();
            var current = jdbc.sql("select answer_seconds, short_abandon_seconds, satisfied_min_score from callcenter_rollup_rule")
                    .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)}).optional();
            boolean same = current.isPresent() && current.get()[0] == rules.answerSeconds()
                    && current.get()[1] == rules.shortAbandonSeconds() && current.get()[2] == rules.satisfiedMinScore();
            if (!same) {
                rebuildAll();
            }
        });
    }

    /** Records the thresholds the roll-ups follow, when none are recorded yet; in the caller's transaction. */
    void recordRule() {
        jdbc.sql("""
                insert into callcenter_rollup_rule (id, answer_seconds, short_abandon_seconds, satisfied_min_score)
                values (1, ?, ?, ?) on conflict (id) do nothing""")
                .params(rules.answerSeconds(), rules.shortAbandonSeconds(), rules.satisfiedMinScore()).update();
    }

    /** Recomputes everything; in the caller's transaction. */
    void rebuildAll() {
        jdbc.sql("""
                insert into callcenter_rollup_rule (id, answer_seconds, short_abandon_seconds, satisfied_min_score)
                values (1, ?, ?, ?) on conflict (id) do update set answer_seconds = excluded.answer_seconds,
                  short_abandon_seconds = excluded.short_abandon_seconds, satisfied_min_score = excluded.satisfied_min_score""")
                .params(rules.answerSeconds(), rules.shortAbandonSeconds(), rules.satisfiedMinScore()).update();
        var range = jdbc.sql("select min(offered_at), max(offered_at) from callcenter_call")
                .query((rs, n) -> new java.sql.Timestamp[] {rs.getTimestamp(1), rs.getTimestamp(2)}).single();
        jdbc.sql("delete from callcenter_hourly").update();
        jdbc.sql("delete from callcenter_daily").update();
        if (range[0] != null) {
            refresh(range[0].toInstant().atZone(RocDate.TAIPEI).toLocalDate(),
                    range[1].toInstant().atZone(RocDate.TAIPEI).toLocalDate());
            log.info("Call-centre roll-ups rebuilt with answer {} s, short abandon {} s, satisfied from {}",
                    rules.answerSeconds(), rules.shortAbandonSeconds(), rules.satisfiedMinScore());
        }
    }

    /** Recomputes the days [from, to] (Taipei dates) from the call records; in the caller's transaction. */
    void refresh(LocalDate from, LocalDate to) {
        // Imports running side by side rebuild the same days one after the other, each seeing the other's calls.
        jdbc.sql("select pg_advisory_xact_lock(hashtext('callcenter.rollup'))").query().singleRow();
        jdbc.sql("delete from callcenter_hourly where day between ? and ?").params(from, to).update();
        jdbc.sql("delete from callcenter_daily where day between ? and ?").params(from, to).update();
        jdbc.sql("""
                insert into callcenter_hourly (hour, day, queue, language, offered, short_abandoned, abandoned, answered,
                  answered_in_sl, wait_answered_sum, handled_sum, survey_answers, survey_satisfied)
                select h, h::date, queue, language, count(*),
                  count(*) filter (where abandoned_at is not null and wait_seconds < :short),
                  count(*) filter (where abandoned_at is not null and wait_seconds >= :short),
                  count(*) filter (where answered_at is not null),
                  count(*) filter (where answered_at is not null and wait_seconds <= :answer),
                  coalesce(sum(wait_seconds) filter (where answered_at is not null), 0),
                  coalesce(sum(handled_seconds) filter (where answered_at is not null), 0),
                  count(survey_score), count(*) filter (where survey_score >= :satisfied)
                from (select date_trunc('hour', offered_at at time zone 'Asia/Taipei') h, c.* from callcenter_call c
                      where offered_at >= (cast(:from as date))::timestamp at time zone 'Asia/Taipei'
                        and offered_at < (cast(:to as date) + 1)::timestamp at time zone 'Asia/Taipei') x
                group by h, queue, language""")
                .param("short", rules.shortAbandonSeconds()).param("answer", rules.answerSeconds())
                .param("satisfied", rules.satisfiedMinScore()).param("from", from).param("to", to).update();
        jdbc.sql("""
                insert into callcenter_daily (day, queue, language, offered, short_abandoned, abandoned, answered,
                  answered_in_sl, wait_answered_sum, handled_sum, survey_answers, survey_satisfied)
                select day, queue, language, sum(offered), sum(short_abandoned), sum(abandoned), sum(answered),
                  sum(answered_in_sl), sum(wait_answered_sum), sum(handled_sum), sum(survey_answers), sum(survey_satisfied)
                from callcenter_hourly where day between ? and ? group by day, queue, language""")
                .params(from, to).update();
    }
}
