package io.shizheng.callcenter.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import io.shizheng.platform.CopyWriter;

/**
 * Streams validated records into a temporary staging table with PostgreSQL COPY (text format), then moves them
 * into {@code callcenter_call} with one INSERT … ON CONFLICT DO NOTHING, so a record already stored is never
 * stored twice. Lives inside the caller's transaction; the staging table goes with it.
 */
final class CallStaging implements AutoCloseable {

    private final Connection connection;
    private final CopyWriter copy;
    private long rows;
    private long minOffered = Long.MAX_VALUE;
    private long maxOffered = Long.MIN_VALUE;
    private boolean open = true;
    private final String table;
    private final CallCenterRules rules;
    /** Roll-up counts of the staged records per Taipei hour, queue and language, kept while they stream by. */
    private final Map<RollKey, long[]> rollup = new HashMap<>();
    private boolean rollupComplete = true;
    static final int MAX_ROLLUP_KEYS = 400_000;

    private record RollKey(long hour, String queue, String language) {
    }

    CallStaging(Connection connection, CallCenterRules rules) throws SQLException {
        this.connection = connection;
        this.rules = rules;
        // A temporary table: no WAL, private to this session, dropped at commit or rollback.
        this.table = "callcenter_stage";
        try (Statement st = connection.createStatement()) {
            st.execute("""
                    create temp table if not exists callcenter_stage (call_id text collate "C", queue text, language text,
                      offered bigint, answered bigint, abandoned bigint, wait int, handled int, agent text, survey smallint)
                    on commit drop""");
            st.execute("truncate callcenter_stage");
        }
        this.copy = CopyWriter.into(connection, table, null);
    }

    long rows() { return rows; }

    long minOffered() { return minOffered; }

    long maxOffered() { return maxOffered; }

    void add(CallRecord r) throws SQLException {
        copy.text(r.callId()).repeated(r.queue()).repeated(r.language()).number(r.offered());
        if (r.isAnswered()) {
            copy.number(r.answered()).nul();
        } else {
            copy.nul().number(r.abandoned());
        }
        copy.number(r.waitSeconds());
        if (r.handled() < 0) {
            copy.nul();
        } else {
            copy.number(r.handled());
        }
        copy.repeated(r.agent());
        if (r.survey() == 0) {
            copy.nul();
        } else {
            copy.number(r.survey());
        }
        copy.end();
        rows++;
        count(r);
        minOffered = Math.min(minOffered, r.offered());
        maxOffered = Math.max(maxOffered, r.offered());
    }

    /** Stops the copy; nothing staged is kept. */
    void cancel() throws SQLException {
        if (open) {
            open = false;
            copy.cancel();
        }
    }

    private void count(CallRecord r) {
        if (!rollupComplete) {
            return;
        }
        RollKey key = new RollKey(Math.floorDiv(r.offered() + TAIPEI_OFFSET, 3600), r.queue(), r.language());
        long[] c = rollup.get(key);
        if (c == null) {
            if (rollup.size() >= MAX_ROLLUP_KEYS) {
                // Too many periods to keep in memory: the roll-ups are then computed by the database instead.
                rollupComplete = false;
                rollup.clear();
                return;
            }
            c = new long[9];
            rollup.put(key, c);
        }
        c[0]++;
        if (r.isAnswered()) {
            c[3]++;
            if (r.waitSeconds() <= rules.answerSeconds()) {
                c[4]++;
            }
            c[5] += r.waitSeconds();
            c[6] += r.handled();
        } else if (r.waitSeconds() < rules.shortAbandonSeconds()) {
            c[1]++;
        } else {
            c[2]++;
        }
        if (r.survey() > 0) {
            c[7]++;
            if (r.survey() >= rules.satisfiedMinScore()) {
                c[8]++;
            }
        }
    }

    private static final long TAIPEI_OFFSET = 8 * 3600;

    /**
     * Ends the copy, moves new records into callcenter_call with one INSERT … ON CONFLICT DO NOTHING, and adds
     * exactly those records to the hourly and daily roll-ups (ON CONFLICT DO UPDATE adds to a period's counts
     * atomically, so imports may run side by side). When every staged record was new, the counts kept while
     * streaming are used; otherwise the database counts the records this import added. Returns how many were new.
     */
    long merge(long importId, boolean demo) throws SQLException {
        open = false;
        copy.finish();
        long added;
        try (var ps = connection.prepareStatement("""
                insert into callcenter_call (call_id, queue, language, offered_at, answered_at, abandoned_at,
                  wait_seconds, handled_seconds, agent, survey_score, import_id, demo)
                select call_id, queue, language, to_timestamp(offered), to_timestamp(answered), to_timestamp(abandoned),
                  wait, handled, agent, survey, ?, ?
                from callcenter_stage on conflict (call_id) do nothing""")) {
            ps.setLong(1, importId);
            ps.setBoolean(2, demo);
            added = ps.executeUpdate();
        }
        if (added == 0) {
            return 0;
        }
        try (Statement st = connection.createStatement()) {
            st.execute("""
                    create temp table if not exists callcenter_stage_rollup (hour timestamp, queue text, language text,
                      offered bigint, short_abandoned bigint, abandoned bigint, answered bigint, answered_in_sl bigint,
                      wait_answered_sum bigint, handled_sum bigint, survey_answers bigint, survey_satisfied bigint)
                    on commit drop""");
            st.execute("truncate callcenter_stage_rollup");
        }
        if (added == rows && rollupComplete) {
            copyRollup();
        } else {
            try (var ps = connection.prepareStatement("""
                    insert into callcenter_stage_rollup
                    select date_trunc('hour', offered_at at time zone 'Asia/Taipei'), queue, language, count(*),
                      count(*) filter (where abandoned_at is not null and wait_seconds < ?),
                      count(*) filter (where abandoned_at is not null and wait_seconds >= ?),
                      count(*) filter (where answered_at is not null),
                      count(*) filter (where answered_at is not null and wait_seconds <= ?),
                      coalesce(sum(wait_seconds) filter (where answered_at is not null), 0),
                      coalesce(sum(handled_seconds) filter (where answered_at is not null), 0),
                      count(survey_score), count(*) filter (where survey_score >= ?)
                    from callcenter_call where import_id = ? and offered_at between to_timestamp(?) and to_timestamp(?)
                    group by 1, 2, 3""")) {
                ps.setInt(1, rules.shortAbandonSeconds());
                ps.setInt(2, rules.shortAbandonSeconds());
                ps.setInt(3, rules.answerSeconds());
                ps.setInt(4, rules.satisfiedMinScore());
                ps.setLong(5, importId);
                ps.setLong(6, minOffered);
                ps.setLong(7, maxOffered);
                ps.executeUpdate();
            }
        }
        String sums = """
                offered = %1$s.offered + excluded.offered, short_abandoned = %1$s.short_abandoned + excluded.short_abandoned,
                abandoned = %1$s.abandoned + excluded.abandoned, answered = %1$s.answered + excluded.answered,
                answered_in_sl = %1$s.answered_in_sl + excluded.answered_in_sl,
                wait_answered_sum = %1$s.wait_answered_sum + excluded.wait_answered_sum,
                handled_sum = %1$s.handled_sum + excluded.handled_sum, survey_answers = %1$s.survey_answers + excluded.survey_answers,
                survey_satisfied = %1$s.survey_satisfied + excluded.survey_satisfied""";
        try (Statement st = connection.createStatement()) {
            st.execute("""
                    insert into callcenter_hourly (hour, day, queue, language, offered, short_abandoned, abandoned, answered,
                      answered_in_sl, wait_answered_sum, handled_sum, survey_answers, survey_satisfied)
                    select hour, hour::date, queue, language, offered, short_abandoned, abandoned, answered, answered_in_sl,
                      wait_answered_sum, handled_sum, survey_answers, survey_satisfied from callcenter_stage_rollup
                    on conflict (hour, queue, language) do update set""" + " " + sums.formatted("callcenter_hourly"));
            st.execute("""
                    insert into callcenter_daily (day, queue, language, offered, short_abandoned, abandoned, answered,
                      answered_in_sl, wait_answered_sum, handled_sum, survey_answers, survey_satisfied)
                    select hour::date, queue, language, sum(offered), sum(short_abandoned), sum(abandoned), sum(answered),
                      sum(answered_in_sl), sum(wait_answered_sum), sum(handled_sum), sum(survey_answers), sum(survey_satisfied)
                    from callcenter_stage_rollup group by 1, 2, 3
                    on conflict (day, queue, language) do update set""" + " " + sums.formatted("callcenter_daily"));
        }
        return added;
    }

    private void copyRollup() {
        try (CopyWriter in = CopyWriter.into(connection, "callcenter_stage_rollup", null)) {
            for (Map.Entry<RollKey, long[]> e : rollup.entrySet()) {
                in.text(java.time.LocalDateTime.ofEpochSecond(e.getKey().hour() * 3600, 0, java.time.ZoneOffset.UTC).toString())
                        .repeated(e.getKey().queue()).repeated(e.getKey().language());
                for (long v : e.getValue()) {
                    in.number(v);
                }
                in.end();
            }
            in.finish();
        }
    }

    @Override
    public void close() throws SQLException {
        cancel();
    }
}
