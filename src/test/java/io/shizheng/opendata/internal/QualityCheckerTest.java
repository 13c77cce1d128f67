package io.shizheng.opendata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.shizheng.opendata.internal.QualityReport.Check;
import io.shizheng.opendata.internal.QualityReport.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import io.shizheng.opendata.internal.formats.FileSniffer;

class QualityCheckerTest {

    static final Instant NOW = Instant.parse("2018-06-30T04:00:00Z");
    final QualityChecker checker = new QualityChecker(Clock.fixed(NOW, ZoneOffset.UTC));
    @TempDir Path dir;

    private QualityReport check(String csv, String declared, FieldSchema schema) throws IOException {
        Path f = dir.resolve("f" + System.nanoTime() + ".csv");
        Files.writeString(f, csv, StandardCharsets.UTF_8);
        return checker.check(f, declared, FileSniffer.format(f).orElse("TXT"), "UTF-8", schema);
    }

    private static Check check(QualityReport r, String code) {
        return r.checks().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void aCleanFileIsGold() throws IOException {
        QualityReport r = check("站點代碼,站點名稱,設置日期,車柱數\r\n001,市政府,2018-01-02,20\r\n002,\"文心, 森林公園\",107/02/03,18\r\n",
                "CSV", null);
        assertThat(r.level()).isEqualTo("gold");
        assertThat(r.rows()).isEqualTo(2);
        assertThat(r.columns()).isEqualTo(4);
        assertThat(r.blocking()).isEmpty();
    }

    @Test
    void raggedRowsBlockAndNameTheirLinesCountingQuotedNewlines() throws IOException {
        QualityReport r = check("a,b,c\n1,\"two\nlines\",3\n4,5\n6,7,8,9\n", "CSV", null);
        Check c = check(r, "column_count");
        assertThat(c.status()).isEqualTo(Status.fail);
        assertThat(c.blocking()).isTrue();
        assertThat(c.lines()).containsExactly(4L, 5L);
        assertThat(r.level()).isEqualTo("bronze");
    }

    @Test
    void aFirstRowOfDataIsNotAHeader() throws IOException {
        QualityReport r = check("1,2,3\n4,5,6\n", "CSV", null);
        assertThat(check(r, "header").status()).isEqualTo(Status.warn);
        assertThat(r.level()).isEqualTo("silver");
    }

    @Test
    void datesMustBeIsoOrRoc() throws IOException {
        QualityReport ok = check("統計日期,件數\n2018-01-31,3\n107/02/28,4\n民國107年3月1日,5\n1070401,6\n", "CSV", null);
        assertThat(check(ok, "dates").status()).isEqualTo(Status.pass);
        QualityReport slashed = check("統計日期,件數\n2018-01-31,3\n2018/2/28,4\n", "CSV", null);
        Check c = check(slashed, "dates");
        assertThat(c.status()).isEqualTo(Status.warn);
        assertThat(c.lines()).containsExactly(3L);
    }

    @Test
    void aMostlyNumericColumnWithTextIsFlagged() throws IOException {
        QualityReport r = check("區,件數\n中區,1\n東區,2\n南區,3\n西區,4\n北區,五\n", "CSV", null);
        Check c = check(r, "column_types");
        assertThat(c.status()).isEqualTo(Status.warn);
        assertThat(c.lines()).containsExactly(6L);
    }

    @Test
    void aDeclaredSchemaChecksTypesRequiredFieldsAndKeys() throws IOException {
        FieldSchema schema = FieldSchema.parse("""
                {"fields":[{"name":"代碼","type":"string","required":true},{"name":"人數","type":"integer"}],
                 "primaryKey":["代碼"]}""", JsonMapper.builder().build());
        QualityReport r = check("代碼,人數\nA1,3\n,4\nA1,x\n", "CSV", schema);
        assertThat(check(r, "required_fields").status()).isEqualTo(Status.fail);
        assertThat(check(r, "required_fields").lines()).containsExactly(3L);
        assertThat(check(r, "duplicate_keys").lines()).containsExactly(4L);
        assertThat(check(r, "column_types").status()).isEqualTo(Status.fail);
        assertThat(check(r, "column_types").lines()).containsExactly(4L);
        assertThat(r.blocking()).as("schema problems lower the level but do not refuse the file").isEmpty();
    }

    @Test
    void aPdfCalledCsvIsRefused() throws IOException {
        Path f = dir.resolve("fake.csv");
        Files.write(f, "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1));
        QualityReport r = checker.check(f, "CSV", FileSniffer.format(f).orElseThrow(), null, null);
        Check c = check(r, "format_match");
        assertThat(c.status()).isEqualTo(Status.fail);
        assertThat(c.blocking()).isTrue();
        assertThat(c.message()).contains("PDF");
        QualityReport pdf = checker.check(f, "PDF", "PDF", null, null);
        assertThat(check(pdf, "machine_readable").status()).isEqualTo(Status.fail);
        assertThat(pdf.blocking()).as("a PDF may be published, at bronze").isEmpty();
    }

    @Test
    void big5IsDetectedConvertedAndWarned() throws IOException {
        Charset big5 = FileSniffer.BIG5;
        Path f = dir.resolve("big5.csv");
        Files.write(f, "站名,地址\n臺中車站,臺灣大道一段1號\n".getBytes(big5));
        assertThat(FileSniffer.textEncoding(f)).contains(big5);
        Path utf8 = dir.resolve("utf8.csv");
        FileSniffer.transcode(f, big5, utf8);
        assertThat(Files.readString(utf8, StandardCharsets.UTF_8)).isEqualTo("站名,地址\n臺中車站,臺灣大道一段1號\n");
        QualityReport r = checker.check(utf8, "CSV", "TXT", "Big5", null);
        assertThat(check(r, "utf8").status()).isEqualTo(Status.warn);
        assertThat(r.level()).isEqualTo("silver");
        Path bom = dir.resolve("bom.csv");
        Files.write(bom, "\uFEFF站名\n臺中\n".getBytes(StandardCharsets.UTF_8));
        assertThat(FileSniffer.textEncoding(bom)).contains(StandardCharsets.UTF_8);
        assertThat(check(checker.check(bom, "CSV", "TXT", "UTF-8", null), "header").message()).contains("站名").doesNotContain("\uFEFF");
    }

    @Test
    void freshnessFollowsTheDeclaredFrequency() {
        assertThat(checker.freshness("monthly", NOW.minus(Duration.ofDays(20))).status()).isEqualTo(Status.pass);
        assertThat(checker.freshness("monthly", NOW.minus(Duration.ofDays(90))).status()).isEqualTo(Status.warn);
        assertThat(checker.freshness("irregular", NOW.minus(Duration.ofDays(900))).status()).isEqualTo(Status.na);
        assertThat(checker.freshness("daily", null).status()).isEqualTo(Status.warn);
    }

    @Test
    void jsonAndXmlAreCheckedAsTables() throws IOException {
        Path json = dir.resolve("a.json");
        Files.writeString(json, "[{\"站名\":\"臺中\",\"人數\":\"3\"},{\"站名\":\"豐原\",\"人數\":\"4\"}]");
        QualityReport j = checker.check(json, "JSON", "JSON", "UTF-8", null);
        assertThat(j.rows()).isEqualTo(2);
        assertThat(j.level()).isEqualTo("gold");
        Path xml = dir.resolve("a.xml");
        Files.writeString(xml, "<?xml version=\"1.0\"?><rows><row><站名>臺中</站名><人數>3</人數></row></rows>");
        assertThat(checker.check(xml, "XML", "XML", "UTF-8", null).rows()).isEqualTo(1);
    }
}
