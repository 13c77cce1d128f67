package io.shizheng.opendata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import io.shizheng.IntegrationTest;
import io.shizheng.browser.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The upload form in a real browser: progress bar to 100 %, the new resource, and a refused ragged file. */
@IntegrationTest
class UploadBrowserTest extends BrowserTestSupport {

    @Test
    void anOfficerUploadsAFileWithProgressAndSeesWhyABadOneIsRefused() throws Exception {
        String name = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        Ckan.token(port, Ckan.issueToken(port, "officer.trans")).post("package_create",
                "{\"name\":\"" + name + "\",\"title\":\"瀏覽器上傳測試\",\"owner_org\":\"trans\"}");
        signIn("officer.trans", "demo1234");
        open("/opendata/datasets/" + name);

        Path bad = Files.createTempFile("ragged", ".csv");
        Files.writeString(bad, "站名,車位\n市政,10\n文心\n", StandardCharsets.UTF_8);
        driver().findElement(By.id("upload-file")).sendKeys(bad.toString());
        driver().findElement(By.cssSelector("#upload-form button[type=submit]")).click();
        waitUpTo(Duration.ofSeconds(15)).until(d -> d.findElement(By.id("upload-result")).getText().contains("3"));
        assertThat(driver().findElement(By.id("upload-result")).getAttribute("class")).contains("alert-error");
        assertThat(driver().findElement(By.id("upload-result")).getText()).contains("欄位數");

        Path good = Files.createTempFile("parking", ".csv");
        Files.writeString(good, "站名,車位,統計日期\n市政,10,2018-01-02\n文心,20,107/01/03\n", StandardCharsets.UTF_8);
        driver().findElement(By.id("upload-file")).clear();
        driver().findElement(By.id("upload-file")).sendKeys(good.toString());
        driver().findElement(By.id("upload-title")).sendKeys("停車場車位");
        driver().findElement(By.cssSelector("#upload-form button[type=submit]")).click();
        waitUpTo(Duration.ofSeconds(15)).until(d -> d.findElement(By.id("upload-result")).getText().contains("已建立資源"));
        assertThat(driver().findElement(By.id("upload-progress")).getAttribute("value")).isEqualTo("100");
        waitUpTo(Duration.ofSeconds(15)).until(d -> d.getPageSource().contains("停車場車位") && d.getPageSource().contains("?format=JSON"));
        screenshot("opendata-dataset");
        Files.deleteIfExists(bad);
        Files.deleteIfExists(good);
    }
}
