package io.shizheng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The plan editor refuses a bad edit field by field and saves a good one; a value goes from agency to scorecard. */
@IntegrationTest
class PlanWorkflowBrowserTest extends BrowserTestSupport {

    private static final By FIRST_GOAL_WEIGHT = By.cssSelector("fieldset.goal .toolbar input[data-field=weight]");
    private static final By FIRST_INDICATOR_WEIGHT = By.cssSelector("fieldset.goal tr.ind input[data-field=weight]");

    private static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    @Test
    void rdecEditsThePlanAndSeesWhyABadEditIsRefused() {
        Http.as(port, "rdec").post("/api/plans", "{\"year\":2005,\"copyFrom\":2018}");
        signIn("rdec", "demo1234");
        open("/plan/editor?year=2005");

        type(driver().findElement(FIRST_INDICATOR_WEIGHT), "6");
        driver().findElement(By.cssSelector("#plan-editor button[type=submit]")).click();
        WebElement problem = waitUpTo(Duration.ofSeconds(10)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("fieldset.goal .toolbar .inline-error")));
        assertThat(problem.getText()).contains("權重");
        assertThat(driver().findElement(FIRST_GOAL_WEIGHT).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(Json.parse(Http.anonymous(port).get("/api/plans/2005").body())
                .get("goals").get(0).get("weight").decimalValue()).isEqualByComparingTo("18");

        type(driver().findElement(FIRST_GOAL_WEIGHT), "19");
        driver().findElement(By.cssSelector("#plan-editor button[type=submit]")).click();
        waitUpTo(Duration.ofSeconds(10)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#editor-result .alert-ok")));
        assertThat(Json.parse(Http.anonymous(port).get("/api/plans/2005").body())
                .get("goals").get(0).get("weight").decimalValue()).isEqualByComparingTo("19");
    }

    @Test
    void anAgencyEntersAValueAndRdecApprovesItIntoTheScorecard() {
        Http.as(port, "rdec").post("/api/plans", "{\"year\":2006,\"copyFrom\":2018}");
        signIn("officer.social", "demo1234");
        open("/plan/values?year=2006");
        WebElement bad = driver().findElement(By.id("ind-2.6"));
        bad.findElement(By.name("value")).sendKeys("-5");
        bad.findElement(By.cssSelector("button[type=submit]")).click();
        // The refusal comes back through the redirect, with the field named, and nothing is stored.
        assertThat(waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#ind-2\\.6 .field-error"))).getText()).contains("value").contains("負");

        WebElement card = driver().findElement(By.id("ind-2.6"));
        new Select(card.findElement(By.name("month"))).selectByValue("3");
        card.findElement(By.name("value")).sendKeys("8,800");
        card.findElement(By.name("evidenceNote")).sendKeys("推播平台三月報表");
        card.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(waitUpTo(Duration.ofSeconds(10)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-ok"))).getText()).contains("2.6");

        signIn("rdec", "demo1234");
        open("/plan/values?year=2006");
        WebElement row = driver().findElements(By.cssSelector("#pending tr[data-value-id]")).stream()
                .filter(r -> r.getText().contains("8,800") && r.getText().contains("2.6")).findFirst().orElseThrow();
        row.findElement(By.cssSelector("button[value=approve]")).click();
        waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-ok")));

        open("/?year=2006");
        String actual = driver().findElement(By.cssSelector("#scorecard tr[data-indicator='2.6'] td.actual")).getText();
        assertThat(actual).isEqualTo("8,800 人次");
    }
}
