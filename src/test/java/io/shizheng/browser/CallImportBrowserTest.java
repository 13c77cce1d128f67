package io.shizheng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.shizheng.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** RDEC staff upload call records on the import page: a bad file shows each bad row, a good one is imported. */
@IntegrationTest
class CallImportBrowserTest extends BrowserTestSupport {

    private static final String HEADER = "call_id,queue,language,offered_at,answered_at,abandoned_at,handled_seconds,agent,survey_score\n";

    private void upload(Path file) {
        driver().findElement(By.id("cc-file")).sendKeys(file.toAbsolutePath().toString());
        driver().findElement(By.cssSelector("#cc-import button[type=submit]")).click();
        waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.attributeContains(By.id("cc-result"), "class", "alert"));
    }

    @Test
    void rdecUploadsABadFileThenAGoodOne() throws Exception {
        signIn("rdec", "demo1234");
        open("/callcenter/import");
        Path bad = Files.createTempFile("calls-bad", ".csv");
        Files.writeString(bad, HEADER
                + "WEB-1,市政諮詢,國語,2033-02-01 09:00:00,2033-02-01 09:00:10,,100,A1,5\n"
                + "WEB-2,市政諮詢,國語,2033-02-01 09:01:00,2033-02-01 09:01:10,,100,A1,7\n", StandardCharsets.UTF_8);
        upload(bad);
        assertThat(driver().findElement(By.id("cc-result")).getAttribute("class")).contains("alert-error");
        List<WebElement> rows = driver().findElements(By.cssSelector("#cc-error-rows tr"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).startsWith("3").contains("survey_score");

        Path good = Files.createTempFile("calls-good", ".csv");
        Files.writeString(good, HEADER
                + "WEB-1,市政諮詢,國語,2033-02-01 09:00:00,2033-02-01 09:00:10,,100,A1,5\n"
                + "WEB-2,市政諮詢,國語,2033-02-01 09:01:00,,2033-02-01 09:01:30,,,\n", StandardCharsets.UTF_8);
        upload(good);
        assertThat(driver().findElement(By.id("cc-result")).getAttribute("class")).contains("alert-ok");
        assertThat(driver().findElement(By.id("cc-result")).getText()).contains("2");
        screenshot("callcenter-import");

        open("/callcenter?from=2033-02-01&to=2033-02-01");
        assertThat(driver().findElement(By.id("kpi-offered")).getText()).isEqualTo("2");
        assertThat(driver().findElement(By.id("kpi-sl")).getText()).isEqualTo("50%");
    }

    @Test
    void agentSeesTheDemoYearAndAStaffingDay() throws Exception {
        signIn("agent", "demo1234");
        open("/callcenter?from=2018-01-01&to=2018-12-31");
        waitUpTo(Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector("#chart-month canvas")).isEmpty());
        assertThat(driver().findElement(By.cssSelector("nav.cc-subnav .badge")).getText()).isEqualTo("示範資料");
        screenshot("callcenter-dashboard");
        open("/callcenter/staffing?date=2018-10-15");
        waitUpTo(Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector("#chart-staffing canvas")).isEmpty());
        assertThat(driver().findElements(By.cssSelector("#cc-staffing tbody tr"))).hasSize(48);
        screenshot("callcenter-staffing");
    }
}
