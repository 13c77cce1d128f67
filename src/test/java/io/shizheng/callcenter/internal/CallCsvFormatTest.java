package io.shizheng.callcenter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.shizheng.platform.CsvSource;
import org.junit.jupiter.api.Test;

/** The documented CSV layout: what a row must hold, and what is said about a bad one. */
class CallCsvFormatTest {

    private static List<Object> read(String csv) throws IOException {
        CsvSource records = CsvSource.of(new StringReader(csv));
        CallCsvFormat f = CallCsvFormat.fromHeader(records.next().cells());
        List<Object> out = new ArrayList<>();
        CsvSource.Row row;
        while ((row = records.next()) != null) {
            List<CallCsvFormat.RowError> errors = new ArrayList<>();
            CallRecord r = f.parse(row.cells(), (int) row.line(), errors);
            out.add(r != null ? r : errors.get(0));
        }
        return out;
    }

    @Test
    void readsAnsweredAndAbandonedCallsInTaipeiTime() throws IOException {
        List<Object> rows = read("\uFEFF" + CallCsvFormat.HEADER + "\r\n"
                + "C1,市政諮詢,國語,2018-03-05 08:00:00,2018-03-05 08:00:12,,185,A001,5\r\n"
                + "C2,\"陳情, 反映\",台語,2018-03-05T08:01:00+08:00,,2018-03-05T08:01:40+08:00,,,\r\n");
        CallRecord a = (CallRecord) rows.get(0);
        assertThat(Instant.ofEpochSecond(a.offered())).isEqualTo(Instant.parse("2018-03-05T00:00:00Z"));
        assertThat(a.waitSeconds()).isEqualTo(12);
        assertThat(a.handled()).isEqualTo(185);
        assertThat(a.survey()).isEqualTo(5);
        CallRecord b = (CallRecord) rows.get(1);
        assertThat(b.isAnswered()).isFalse();
        assertThat(b.queue()).isEqualTo("陳情, 反映");
        assertThat(b.waitSeconds()).isEqualTo(40);
        assertThat(b.agent()).isNull();
    }

    @Test
    void namesTheLineAndFieldOfEachBadRow() throws IOException {
        List<Object> rows = read(CallCsvFormat.HEADER + "\n"
                + "C1,市政諮詢,國語,2018-02-30 08:00:00,2018-03-05 08:00:12,,185,A001,5\n"
                + "C2,市政諮詢,國語,2018-03-05 08:00:00,2018-03-05 08:00:12,,185,A001,6\n"
                + "C3,市政諮詢,國語,2018-03-05 08:00:00,,,,,\n"
                + "C4,市政諮詢,國語,2018-03-05 08:00:00,2018-03-05 07:59:00,,185,A001,\n"
                + "C5,市政諮詢,國語,2018-03-05 08:00:00,2018-03-05 08:00:05,,,A001,\n"
                + "C6,市政諮詢,國語,2018-03-05 08:00:00\n"
                + ",市政諮詢,國語,2018-03-05 08:00:00,2018-03-05 08:00:05,,10,A001,\n"
                + "C8,市政諮詢,國語,2018-03-05 08:00:00,,2018-03-05 08:00:05,,,4\n");
        assertThat(rows).hasSize(8).allMatch(r -> r instanceof CallCsvFormat.RowError);
        List<String> where = rows.stream().map(r -> (CallCsvFormat.RowError) r)
                .map(e -> e.line() + ":" + e.field()).toList();
        assertThat(where).containsExactly("2:offered_at", "3:survey_score", "4:answered_at", "5:answered_at",
                "6:handled_seconds", "7:null", "8:call_id", "9:survey_score");
        assertThat(((CallCsvFormat.RowError) rows.get(2)).message()).contains("answered_at or abandoned_at is required");
    }

    @Test
    void aWrongHeaderSaysWhatIsMissing() {
        assertThatThrownBy(() -> CallCsvFormat.fromHeader(List.of("call_id", "queue", "colour")))
                .hasMessageContaining("unknown column 'colour'").hasMessageContaining("missing column offered_at");
    }

    @Test
    void quotedNewlinesKeepLineNumbersTrue() throws IOException {
        CsvSource r = CsvSource.of(new StringReader("a,b\n\"x\ny\",z\nlast,row\n"));
        r.next();
        assertThat(r.next().cells()).containsExactly("x\ny", "z");
        assertThat(r.line()).isEqualTo(2);
        assertThat(r.next().cells()).containsExactly("last", "row");
        assertThat(r.line()).isEqualTo(4);
    }

    @Test
    void timestampsWithAndWithoutOffset() {
        assertThat(CallTimes.parse("2018-01-01 08:00:00")).isEqualTo(Instant.parse("2018-01-01T00:00:00Z").getEpochSecond());
        assertThat(CallTimes.parse("2018/01/01 08:00:00.250")).isEqualTo(Instant.parse("2018-01-01T00:00:00Z").getEpochSecond());
        assertThat(CallTimes.parse("2018-01-01T00:00:00Z")).isEqualTo(Instant.parse("2018-01-01T00:00:00Z").getEpochSecond());
        assertThat(CallTimes.parse("2018-01-01T09:00:00+0900")).isEqualTo(Instant.parse("2018-01-01T00:00:00Z").getEpochSecond());
        assertThat(CallTimes.parse("2018-13-01 08:00:00")).isEqualTo(CallTimes.INVALID);
        assertThat(CallTimes.parse("107/01/01 08:00:00")).isEqualTo(CallTimes.INVALID);
        assertThat(CallTimes.parse("2018-01-01 08:00")).isEqualTo(CallTimes.INVALID);
    }
}
