package io.shizheng.callcenter.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams validated records into a staging table with PostgreSQL COPY (text format), then moves them
 * into {@code callcenter_call} with one INSERT … ON CONFLICT DO NOTHING, so a record already stored is never
 * stored twice. Lives inside the caller's transaction; the staging table goes with it.
 */
final class CallStaging implements AutoCloseable {

    private static final byte[] NULL = "\\N".getBytes(StandardCharsets.US_ASCII);

    private final Connection connection;
    private final CopyIn copy;
    private final byte[] buf = new byte[1 << 18];
    private int pos;
    private final Map<String, byte[]> encoded = new HashMap<>();
    private long rows;
    private long minOffered = Long.MAX_VALUE;
    private long maxOffered = Long.MIN_VALUE;
    private boolean open = true;
    private final String table;

    CallStaging(Connection connection) throws SQLException {
        this.connection = connection;
        // An unlogged table (not a temporary one) so that a large file is staged in shared buffers rather than in
        // the session's small temp_buffers; named per transaction and dropped with it.
        try (Statement st = connection.createStatement();
             var rs = st.executeQuery("select 'callcenter_stage_' || txid_current()")) {
            rs.next();
            this.table = rs.getString(1);
        }
        try (Statement st = connection.createStatement()) {
            st.execute("create unlogged table " + table + " " + """
                     (call_id text collate "C", queue text, language text, offered bigint, answered bigint,
                      abandoned bigint, wait int, handled int, agent text, survey smallint)""");
        }
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin");
    }

    long rows() { return rows; }

    long minOffered() { return minOffered; }

    long maxOffered() { return maxOffered; }

    void add(CallRecord r) throws SQLException {
        if (pos + 1200 > buf.length) {
            flush();
        }
        text(r.callId());
        tab();
        cached(r.queue());
        tab();
        cached(r.language());
        tab();
        number(r.offered());
        tab();
        if (r.isAnswered()) {
            number(r.answered());
            tab();
            null_();
        } else {
            null_();
            tab();
            number(r.abandoned());
        }
        tab();
        number(r.waitSeconds());
        tab();
        if (r.handled() < 0) {
            null_();
        } else {
            number(r.handled());
        }
        tab();
        if (r.agent() == null) {
            null_();
        } else {
            cached(r.agent());
        }
        tab();
        if (r.survey() == 0) {
            null_();
        } else {
            number(r.survey());
        }
        buf[pos++] = '\n';
        rows++;
        minOffered = Math.min(minOffered, r.offered());
        maxOffered = Math.max(maxOffered, r.offered());
    }

    /** Stops the copy; nothing staged is kept. */
    void cancel() throws SQLException {
        if (open) {
            open = false;
            copy.cancelCopy();
        }
    }

    /**
     * Ends the copy, moves new records into callcenter_call and adds exactly those records to the hourly and daily
     * roll-ups, in one statement (ON CONFLICT DO UPDATE adds to a period's counts atomically, so imports may run
     * side by side). Returns how many records were new.
     */
    long merge(Long importId, boolean demo, CallCenterRules rules) throws SQLException {
        flush();
        open = false;
        copy.endCopy();
        String sums = """
                offered = %1$s.offered + excluded.offered, short_abandoned = %1$s.short_abandoned + excluded.short_abandoned,
                abandoned = %1$s.abandoned + excluded.abandoned, answered = %1$s.answered + excluded.answered,
                answered_in_sl = %1$s.answered_in_sl + excluded.answered_in_sl,
                wait_answered_sum = %1$s.wait_answered_sum + excluded.wait_answered_sum,
                handled_sum = %1$s.handled_sum + excluded.handled_sum, survey_answers = %1$s.survey_answers + excluded.survey_answers,
                survey_satisfied = %1$s.survey_satisfied + excluded.survey_satisfied""";
        try (var ps = connection.prepareStatement("""
                with ins as (
                  insert into callcenter_call (call_id, queue, language, offered_at, answered_at, abandoned_at,
                    wait_seconds, handled_seconds, agent, survey_score, import_id, demo)
                  select call_id, queue, language, to_timestamp(offered), to_timestamp(answered), to_timestamp(abandoned),
                    wait, handled, agent, survey, ?, ?
                  from """ + " " + table + " " + """
                   on conflict (call_id) do nothing
                  returning offered_at, queue, language, answered_at is not null answered, wait_seconds, handled_seconds, survey_score
                ), agg as (
                  select date_trunc('hour', offered_at at time zone 'Asia/Taipei') h, queue, language, count(*) offered,
                    count(*) filter (where not answered and wait_seconds < ?) short_abandoned,
                    count(*) filter (where not answered and wait_seconds >= ?) abandoned,
                    count(*) filter (where answered) answered,
                    count(*) filter (where answered and wait_seconds <= ?) answered_in_sl,
                    coalesce(sum(wait_seconds) filter (where answered), 0) wait_answered_sum,
                    coalesce(sum(handled_seconds) filter (where answered), 0) handled_sum,
                    count(survey_score) survey_answers, count(*) filter (where survey_score >= ?) survey_satisfied
                  from ins group by 1, 2, 3
                ), hourly as (
                  insert into callcenter_hourly (hour, day, queue, language, offered, short_abandoned, abandoned, answered,
                    answered_in_sl, wait_answered_sum, handled_sum, survey_answers, survey_satisfied)
                  select h, h::date, queue, language, offered, short_abandoned, abandoned, answered, answered_in_sl,
                    wait_answered_sum, handled_sum, survey_answers, survey_satisfied from agg
                  on conflict (hour, queue, language) do update set """ + " " + sums.formatted("callcenter_hourly") + """

                ), daily as (
                  insert into callcenter_daily (day, queue, language, offered, short_abandoned, abandoned, answered,
                    answered_in_sl, wait_answered_sum, handled_sum, survey_answers, survey_satisfied)
                  select h::date, queue, language, sum(offered), sum(short_abandoned), sum(abandoned), sum(answered),
                    sum(answered_in_sl), sum(wait_answered_sum), sum(handled_sum), sum(survey_answers), sum(survey_satisfied)
                  from agg group by 1, 2, 3
                  on conflict (day, queue, language) do update set """ + " " + sums.formatted("callcenter_daily") + """

                )
                select coalesce(sum(offered), 0) from agg""")) {
            if (importId == null) {
                ps.setNull(1, java.sql.Types.BIGINT);
            } else {
                ps.setLong(1, importId);
            }
            ps.setBoolean(2, demo);
            ps.setInt(3, rules.shortAbandonSeconds());
            ps.setInt(4, rules.shortAbandonSeconds());
            ps.setInt(5, rules.answerSeconds());
            ps.setInt(6, rules.satisfiedMinScore());
            long added;
            try (var rs = ps.executeQuery()) {
                rs.next();
                added = rs.getLong(1);
            }
            try (Statement st = connection.createStatement()) {
                st.execute("drop table " + table);
            }
            return added;
        }
    }

    @Override
    public void close() throws SQLException {
        cancel();
    }

    private void flush() throws SQLException {
        if (pos > 0) {
            copy.writeToCopy(buf, 0, pos);
            pos = 0;
        }
    }

    private void tab() { buf[pos++] = '\t'; }

    private void null_() {
        System.arraycopy(NULL, 0, buf, pos, NULL.length);
        pos += NULL.length;
    }

    private void number(long v) {
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        if (v == 0) {
            buf[pos++] = '0';
            return;
        }
        int start = pos;
        while (v > 0) {
            buf[pos++] = (byte) ('0' + v % 10);
            v /= 10;
        }
        for (int i = start, j = pos - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    /** Short repeated values (queue, language, agent) are encoded once. */
    private void cached(String s) {
        byte[] b = encoded.get(s);
        if (b == null) {
            b = escape(s).getBytes(StandardCharsets.UTF_8);
            if (encoded.size() < 10_000) {
                encoded.put(s, b);
            }
        }
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void text(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == '\\') {
                byte[] b = escape(s).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(b, 0, buf, pos, b.length);
                pos += b.length;
                return;
            }
        }
        for (int i = 0; i < s.length(); i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
    }

    /** Control characters are refused by validation; only the backslash needs escaping in COPY text. */
    private static String escape(String s) {
        return s.indexOf('\\') < 0 ? s : s.replace("\\", "\\\\");
    }
}
