package io.shizheng.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The one CSV reader: what each importer relies on (lines, BOM, quotes, encodings, errors by line). */
class CsvSourceTest {

    private static List<String> read(CsvSource csv) {
        List<String> out = new ArrayList<>();
        for (CsvSource.Row r : csv) {
            out.add(r.toString());
        }
        return out;
    }

    @Test
    void quotedCommasAndNewlinesKeepLineNumbersTrue() {
        CsvSource csv = CsvSource.of(new StringReader("\uFEFFa,b\r\n\"x\ny\",\"z, \"\"q\"\"\"\r\n\r\nlast,row"));
        assertThat(read(csv)).containsExactly("1:[a, b]", "2:[x\ny, z, \"q\"]", "4:[]", "5:[last, row]");
    }

    @Test
    void blankLinesComeAsBlankRows() {
        CsvSource csv = CsvSource.of(new StringReader("a\n\n  \nb\n"));
        List<Boolean> blank = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        for (CsvSource.Row r : csv) {
            blank.add(r.blank());
            lines.add(r.line());
        }
        assertThat(blank).containsExactly(false, true, true, false);
        assertThat(lines).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void cellsByHeaderName() {
        CsvSource csv = CsvSource.utf8(new ByteArrayInputStream("\uFEFF 年 ,月\n2018,3\n2019".getBytes(StandardCharsets.UTF_8)));
        assertThat(csv.header().cells()).containsExactly(" 年 ", "月");
        CsvSource.Row r = csv.next();
        assertThat(r.get("年")).isEqualTo("2018");
        assertThat(r.get("月")).isEqualTo("3");
        assertThat(r.get("日")).isNull();
        assertThat(csv.next().get("月")).as("a short row").isNull();
        assertThat(csv.next()).isNull();
    }

    @Test
    void anUnterminatedQuoteNamesTheLineItBeganOn() {
        CsvSource csv = CsvSource.of(new StringReader("a,b\nc,d\n\"e,f\ng,h\n"));
        csv.next();
        csv.next();
        assertThatThrownBy(csv::next).isInstanceOf(CsvException.class)
                .hasMessage("第 3 行 / line 3: 引號未結束 / unterminated quoted field")
                .satisfies(e -> assertThat(((CsvException) e).line()).isEqualTo(3));
    }

    @Test
    void bytesThatAreNotUtf8AreAnErrorNotGarbage() {
        byte[] big5 = "名稱,值\n臺中,1\n".getBytes(CsvSource.BIG5);
        CsvSource csv = CsvSource.utf8(new ByteArrayInputStream(big5));
        assertThatThrownBy(csv::next).isInstanceOf(CsvException.class).hasMessageContaining("line 1")
                .hasMessageContaining("UTF-8");
    }

    @Test
    void big5IsDetectedAndUtf8Preferred() {
        byte[] big5 = "名稱,值\n臺中,1\n".getBytes(CsvSource.BIG5);
        CsvSource b = CsvSource.detecting(new ByteArrayInputStream(big5));
        assertThat(b.charset()).isEqualTo(CsvSource.BIG5);
        assertThat(read(b)).containsExactly("1:[名稱, 值]", "2:[臺中, 1]");
        CsvSource u = CsvSource.detecting(new ByteArrayInputStream("\uFEFF名稱,值\n臺中,1\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(u.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(read(u)).containsExactly("1:[名稱, 值]", "2:[臺中, 1]");
    }

    @Test
    void anEndlessRecordIsRefusedBeforeItFillsTheMemory() {
        StringBuilder s = new StringBuilder("a\n\"");
        s.append("x".repeat(CsvSource.MAX_RECORD_CHARS + 200_000));
        CsvSource csv = CsvSource.of(new StringReader(s.toString()));
        csv.next();
        assertThatThrownBy(csv::next).isInstanceOf(CsvException.class).hasMessageContaining("line 2")
                .hasMessageContaining("record longer than");
    }

    @Test
    void anotherDelimiter() {
        assertThat(read(CsvSource.of(new StringReader("a\tb,c\n"), '\t'))).containsExactly("1:[a, b,c]");
    }
}
