package io.shizheng.projects.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import io.shizheng.IntegrationTest;
import io.shizheng.browser.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * In a real browser: an agency officer files a monthly report and RDEC staff see the light change; then RDEC
 * runs a review meeting end to end and the agency answers the resolution. Skipped without Chromium.
 */
@IntegrationTest
class ProjectsBrowserTest extends BrowserTestSupport {

    @Autowired
    Clock clock;

    /** A wait that tolerates the page being replaced while it looks (forms post and redirect). */
    private org.openqa.selenium.support.ui.WebDriverWait patient(int seconds) {
        org.openqa.selenium.support.ui.WebDriverWait wait = waitUpTo(Duration.ofSeconds(seconds));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    private void set(String id, String value) {
        ((JavascriptExecutor) driver()).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    private void setIn(WebElement scope, String name, String value) {
        ((JavascriptExecutor) driver()).executeScript("arguments[0].querySelector('[name=' + arguments[1] + ']').value = arguments[2];",
                scope, name, value);
    }

    private String text(String css) {
        return driver().findElement(By.cssSelector(css)).getText();
    }

    @Test
    void anOfficerFilesAReportAndRdecSeesTheLightTurnRed() throws Exception {
        int y = LocalDate.now(clock).getYear();
        JsonNode p = ProjectFixture.create(port, "CONST", y, null);
        long id = p.get("id").asLong();

        signIn("officer", "demo1234");
        open("/projects/" + id);
        assertThat(driver().findElement(By.cssSelector("#project-light [data-light]")).getAttribute("data-light")).isEqualTo("NONE");
        set("report-month", y + "-10");
        driver().findElement(By.id("report-actual")).sendKeys("75");
        driver().findElement(By.id("report-spending")).sendKeys("10800");
        driver().findElement(By.name("problems")).sendKeys("管線遷移延宕");
        driver().findElement(By.id("report-submit")).click();
        patient(10).until(d -> !d.findElements(By.cssSelector(".alert-ok")).isEmpty()
                || !d.findElements(By.id("form-errors")).isEmpty());
        assertThat(driver().findElements(By.id("form-errors"))).as("no form errors").isEmpty();
        screenshot("projects-officer-report");

        signIn("rdec", "demo1234");
        open("/projects?year=" + y + "&light=RED");
        assertThat(driver().findElements(By.cssSelector("#project-list tr[data-project='" + p.get("code").asString() + "']")))
                .as("the project among the red ones on the dashboard").hasSize(1);
        patient(15).until(d -> !d.findElements(By.cssSelector("#projects-map path.leaflet-interactive")).isEmpty());
        screenshot("projects-dashboard");
        open("/projects/" + id);
        assertThat(driver().findElement(By.cssSelector("#project-light [data-light]")).getAttribute("data-light")).isEqualTo("RED");
        assertThat(text("#project-light")).contains("15");
        assertThat(text("#light-history")).contains("紅燈");
        patient(10).until(d -> d.findElement(By.id("chart-scurve")).getAttribute("data-drawn") != null);
        screenshot("projects-rdec-red");

        open("/projects/reviews");
        WebElement row = driver().findElement(By.xpath("//table[@id='review-queue']//tr[td/a[contains(., '" + p.get("code").asString() + "')]]"));
        row.findElement(By.cssSelector("button[value=accept]")).click();
        patient(10).until(d -> !d.findElements(By.cssSelector(".alert-ok")).isEmpty());
        open("/projects/" + id);
        assertThat(text("#reports")).contains("已核定");
    }

    @Test
    void rdecRunsAReviewMeetingAndTheAgencyAnswers() throws Exception {
        LocalDate today = LocalDate.now(clock);
        int y = today.getYear();
        JsonNode p = ProjectFixture.create(port, "CONST", y, null);
        long id = p.get("id").asLong();
        io.shizheng.support.Http.as(port, "officer").post("/api/projects/" + id + "/reports",
                "{\"month\":\"" + y + "-10\",\"actualPct\":78,\"spending\":10800}");

        signIn("rdec", "demo1234");
        open("/projects/meetings");
        driver().findElement(By.id("meeting-title")).sendKeys("瀏覽器測試檢討會議");
        set("meeting-date", today.toString());
        driver().findElement(By.id("meeting-chair")).sendKeys("市長");
        driver().findElement(By.id("meeting-create")).click();
        patient(15).until(d -> d.getCurrentUrl().matches(".*/projects/meetings/\\d+.*"));
        WebElement item = driver().findElement(By.id("item-" + id));
        assertThat(item.getAttribute("data-reason")).isEqualTo("RED");
        patient(10).until(d -> d.findElement(By.id("item-" + id))
                .findElement(By.cssSelector(".projects-scurve")).getAttribute("data-drawn") != null);
        item.findElement(By.name("text")).sendKeys("請一個月內提出趕工計畫");
        setIn(item, "dueDate", today.plusDays(30).toString());
        item.findElement(By.cssSelector(".resolution-form button")).click();
        patient(10).until(d -> !d.findElements(By.cssSelector("#item-" + id + " li[data-resolution]")).isEmpty());
        assertThat(text("#item-" + id + " .resolutions")).contains("請一個月內提出趕工計畫").contains("待辦");
        driver().findElement(By.name("minutes")).sendKeys("逐案檢討紅黃燈案件。");
        driver().findElement(By.id("meeting-held")).click();
        patient(10).until(d -> d.findElement(By.id("meeting-status")).getText().equals("已召開"));
        String meetingUrl = driver().getCurrentUrl();
        screenshot("projects-meeting");

        signIn("officer", "demo1234");
        open("/projects/resolutions");
        WebElement row = driver().findElement(By.xpath("//table[@id='resolution-list']//tr[td[contains(., '請一個月內提出趕工計畫')]]"));
        row.findElement(By.name("reply")).sendKeys("已提出趕工計畫，增派夜間班");
        row.findElement(By.cssSelector("button[value=DONE]")).click();
        patient(10).until(d -> !d.findElements(By.cssSelector(".alert-ok")).isEmpty());
        row = driver().findElement(By.xpath("//table[@id='resolution-list']//tr[td[contains(., '請一個月內提出趕工計畫')]]"));
        assertThat(row.getAttribute("data-status")).isEqualTo("DONE");

        signIn("rdec", "demo1234");
        open("/projects/resolutions");
        row = driver().findElement(By.xpath("//table[@id='resolution-list']//tr[td[contains(., '請一個月內提出趕工計畫')]]"));
        row.findElement(By.cssSelector("button[value=CLOSED]")).click();
        patient(10).until(d -> !d.findElements(By.cssSelector(".alert-ok")).isEmpty());
        driver().get(meetingUrl);
        assertThat(text("#item-" + id + " .resolutions")).contains("已結案");
    }
}
