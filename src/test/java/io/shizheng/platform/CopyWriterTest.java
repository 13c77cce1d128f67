package io.shizheng.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.shizheng.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** COPY text format: what each kind of value becomes, and that PostgreSQL reads back exactly what was written. */
@IntegrationTest
class CopyWriterTest {

    @Autowired
    DataSource dataSource;

    private static String text(CopyWriter w) {
        return new String(w.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void escapesTabNewlineReturnAndBackslashAndWritesNullAsBackslashN() {
        CopyWriter w = CopyWriter.buffered();
        w.text("a\tb").text("line\nnext\r").text("C:\\tmp").text(null).nul().end();
        w.number(-42).number(0).value(7).bool(true).value(false).value(1.5).end();
        assertThat(text(w)).isEqualTo("a\\tb\tline\\nnext\\r\tC:\\\\tmp\t\\N\t\\N\n-42\t0\t7\tt\tf\t1.5\n");
        assertThat(w.rows()).isEqualTo(2);
    }

    @Test
    void nonAsciiIsUtf8AndRepeatedValuesAreTheSame() {
        CopyWriter w = CopyWriter.buffered();
        w.repeated("市政諮詢").repeated("市政諮詢").repeated("a\\b").repeated(null).text("😀").end();
        assertThat(text(w)).isEqualTo("市政諮詢\t市政諮詢\ta\\\\b\t\\N\t😀\n");
    }

    @Test
    void aNulCharacterIsRefused() {
        assertThatThrownBy(() -> CopyWriter.buffered().text("a\0b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL");
    }

    @Test
    void postgresqlReadsBackWhatWasWritten() throws Exception {
        List<String> values = List.of("tab\there", "new\nline", "cr\rhere", "back\\slash", "\\N", "臺灣 ✓ 😀", "");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create temp table copy_writer_test (n int, v text, b boolean)");
            try (CopyWriter w = CopyWriter.into(c, "copy_writer_test", "n, v, b")) {
                for (int i = 0; i < values.size(); i++) {
                    w.row(i, values.get(i), i % 2 == 0);
                }
                w.row(values.size(), null, null);
                assertThat(w.finish()).isEqualTo(values.size() + 1);
            }
            CopyWriter buffered = CopyWriter.buffered();
            buffered.row(100, "x\ty", true);
            assertThat(buffered.copy(c, "copy_writer_test", null)).isEqualTo(1);
            List<String> back = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select v, b from copy_writer_test where n < 100 order by n")) {
                while (r.next()) {
                    back.add(r.getString(1));
                }
            }
            List<String> expected = new ArrayList<>(values);
            expected.add(null);
            assertThat(back).isEqualTo(expected);
            try (ResultSet r = s.executeQuery("select v, b from copy_writer_test where n = 100")) {
                r.next();
                assertThat(r.getString(1)).isEqualTo("x\ty");
                assertThat(r.getBoolean(2)).isTrue();
            }
        }
    }
}
