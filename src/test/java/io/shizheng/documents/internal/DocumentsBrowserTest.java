package io.shizheng.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.shizheng.IntegrationTest;
import io.shizheng.browser.BrowserTestSupport;
import io.shizheng.support.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An officer opens the timeliness dashboard (trend chart drawn), then grants an extension on a document's page. */
@IntegrationTest
class DocumentsBrowserTest extends BrowserTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOfficerSeesTheTrendAndGrantsAnExtension() throws Exception {
        signIn("officer", "demo1234");
        driver().get(url("/documents?year=2018"));
        waitUpTo(Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#chart-trend canvas")).isEmpty());
        screenshot("documents-dashboard-officer");
        assertThat(driver().findElement(By.id("rates")).getText()).contains("業務一科");
        assertThat(driver().findElement(By.tagName("body")).getText()).doesNotContain("臺中市政府社會局");

        String p = DocumentImportTest.prefix();
        Http.as(port, "rdec").post("/api/documents/batch", """
                [{"docNo":"%s","agency":"CONST","unit":"工務科","type":"INCOMING","priority":"URGENT","received":"2018-02-14"}]""".formatted(p));
        long id = jdbc.sql("select id from documents_document where doc_no = ?").param(p).query(Long.class).single();
        driver().get(url("/documents/" + id));
        assertThat(driver().findElement(By.id("calculation")).getText()).contains("農曆除夕", "2018-02-23");
        driver().findElement(By.cssSelector("#extend-form input[name=days]")).sendKeys("5");
        driver().findElement(By.cssSelector("#extend-form input[name=reason]")).sendKeys("會辦單位多");
        driver().findElement(By.cssSelector("#extend-form button[type=submit]")).click();
        // The page reloads after the form posts: an element found just before the reload goes stale, so look again.
        waitUpTo(Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("deadline")).getText().contains("2018-03-01"));
        screenshot("documents-detail-extended");
        assertThat(driver().findElement(By.id("extensions")).getText()).contains("會辦單位多", "officer");
    }
}
