package io.shizheng.callcenter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.shizheng.callcenter.internal.CallCsvFormat.RowError;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A telephone system's call-record export, read as CSV (Commons CSV, the platform's reader underneath) and mapped by
 * the module's own entry points: {@link CallCsvFormat#fromHeader} and {@link CallCsvFormat#parse}, which the import
 * calls whatever CSV reader feeds it. The header may only be refused with an IllegalArgumentException (the import's
 * 422), a row only with its errors listed; a record it accepts must fit the call table (its checks and lengths), or
 * the whole import would fail with a 500 at the merge. Every build runs the corpus in
 * src/test/resources/…/CallCsvFuzzTestInputs; {@code JAZZER_FUZZ=1} fuzzes (bench/fuzz.sh).
 */
class CallCsvFuzzTest {

    private static final int MAX_ROWS = 2_000;

    @FuzzTest(maxDuration = "60s")
    void callRecords(byte[] data) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException notUtf8) {
            return; // the import's "must be UTF-8" refusal, before any row
        }
        try (CSVParser csv = CSVFormat.DEFAULT.parse(new StringReader(text))) {
            Iterator<CSVRecord> records = csv.iterator();
            if (!records.hasNext()) {
                return;
            }
            CallCsvFormat format;
            try {
                format = CallCsvFormat.fromHeader(records.next().toList());
            } catch (IllegalArgumentException refused) {
                assertThat(refused.getMessage()).isNotBlank();
                return;
            }
            List<RowError> errors = new ArrayList<>();
            for (int n = 0; n < MAX_ROWS && records.hasNext(); n++) {
                CSVRecord row = records.next();
                errors.clear();
                CallRecord r = format.parse(row.toList(), (int) row.getRecordNumber(), errors);
                if (r == null) {
                    assertThat(errors).as("a refused row says why").isNotEmpty();
                } else {
                    assertThat(errors).isEmpty();
                    fitsTheCallTable(r);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException malformedCsv) {
            // Commons CSV's refusal of a broken quote: the import reports the line
        }
    }

    private static void fitsTheCallTable(CallRecord r) {
        assertThat(r.callId()).isNotBlank().hasSizeLessThanOrEqualTo(64);
        assertThat(r.queue()).isNotBlank().hasSizeLessThanOrEqualTo(40);
        assertThat(r.language()).isNotBlank().hasSizeLessThanOrEqualTo(20);
        assertThat(r.agent() == null || r.agent().length() <= 40).isTrue();
        assertThat(r.waitSeconds()).isNotNegative();
        assertThat(r.handled()).isGreaterThanOrEqualTo(-1);
        assertThat(r.survey()).isBetween(0, 5);
        assertThat(r.answered() == CallTimes.INVALID).as("answered or abandoned, not both")
                .isNotEqualTo(r.abandoned() == CallTimes.INVALID);
        assertThat(r.offered()).isNotEqualTo(CallTimes.INVALID);
    }
}
