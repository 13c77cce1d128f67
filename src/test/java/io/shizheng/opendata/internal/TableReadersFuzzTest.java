package io.shizheng.opendata.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.shizheng.opendata.internal.formats.SpreadsheetRows;
import io.shizheng.opendata.internal.formats.StructuredReaders;

/**
 * The open-data readers of uploaded and harvested files (XLSX, ODS, JSON, XML) take any bytes: the only way they may
 * refuse is their documented one, an {@link IOException} with a message for the uploader (the conversion and the
 * quality check turn it into a 422). Anything else would be a 500 on a publisher's upload. Every build runs the
 * corpus in src/test/resources/…/TableReadersFuzzTestInputs; {@code JAZZER_FUZZ=1} fuzzes (bench/fuzz.sh).
 */
class TableReadersFuzzTest {

    /** Enough rows to walk a file far in, few enough that a fuzzing run keeps its pace. */
    private static final int MAX_ROWS = 10_000;

    @FuzzTest(maxDuration = "60s")
    void xlsx(byte[] data) {
        read(() -> SpreadsheetRows.xlsx(new ByteArrayInputStream(data)));
    }

    @FuzzTest(maxDuration = "60s")
    void ods(byte[] data) {
        read(() -> SpreadsheetRows.ods(new ByteArrayInputStream(data)));
    }

    @FuzzTest(maxDuration = "60s")
    void json(byte[] data) {
        read(() -> StructuredReaders.json(new InputStreamReader(new ByteArrayInputStream(data), StandardCharsets.UTF_8)));
    }

    @FuzzTest(maxDuration = "60s")
    void xml(byte[] data) {
        read(() -> StructuredReaders.xml(new InputStreamReader(new ByteArrayInputStream(data), StandardCharsets.UTF_8)));
    }

    private interface Opener {
        TableReader open() throws IOException;
    }

    private static void read(Opener opener) {
        try (TableReader reader = opener.open()) {
            for (int i = 0; i < MAX_ROWS && reader.next() != null; i++) {
                reader.line();
            }
        } catch (IOException refused) {
            // the documented refusal: the uploader is told what is wrong with the file
        }
    }
}
