package io.shizheng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** An RDEC tester opens a month's test plan, picks an unscored call and records it on the scoring form. */
@IntegrationTest
class PhoneTestScoringBrowserTest extends BrowserTestSupport {

    @Test
    void aTesterScoresACallOnTheForm() throws Exception {
        var created = Http.as(port, "rdec").post("/api/servicequality/rounds",
                Json.write(Map.of("year", 2019, "month", 11, "calls", 3)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long round = Json.parse(created.body()).get("id").asLong();

        signIn("rdec", "demo1234");
        open("/servicequality/tests/rounds/" + round);
        assertThat(driver().findElements(By.cssSelector("#calls tr[data-call]"))).hasSize(3);
        WebElement first = driver().findElement(By.cssSelector("#calls tr[data-call] a.button"));
        assertThat(first.getText()).isEqualTo("評分");
        first.click();

        waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("score-form")));
        Map<String, String> points = Map.of("SPEED", "15", "GREETING", "12", "ATTITUDE", "22", "CORRECTNESS", "25",
                "TRANSFER", "8", "CLOSING", "6");
        points.forEach((code, value) -> driver().findElement(By.id("p-" + code)).sendKeys(value));
        driver().findElement(By.id("answerer")).sendKeys("李先生");
        driver().findElement(By.id("note")).sendKeys("報明單位清楚，轉接迅速");
        screenshot("servicequality-scoring-form");
        driver().findElement(By.id("submit-score")).click();

        waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("call-total")));
        screenshot("servicequality-scored-call");
        assertThat(driver().findElement(By.id("call-total")).getText()).isEqualTo("88");
        assertThat(driver().findElement(By.id("ok")).getText()).contains("88").contains("合格");
        assertThat(driver().findElement(By.id("result")).getText()).contains("李先生").contains("合格");
        assertThat(driver().findElements(By.id("score-form"))).as("a scored call offers no form again").isEmpty();

        open("/servicequality/tests/rounds/" + round);
        assertThat(driver().findElement(By.cssSelector("#calls tr[data-call]")).getText()).contains("88");
    }
}
