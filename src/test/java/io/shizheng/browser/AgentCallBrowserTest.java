package io.shizheng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.shizheng.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A 1999 agent takes a call with the keyboard only: finds the answer in the knowledge base and records the case. */
@IntegrationTest
class AgentCallBrowserTest extends BrowserTestSupport {

    @Test
    void anAgentRecordsACallWithTheKeyboardOnly() throws Exception {
        signIn("agent", "demo1234");
        open("/cases/workspace");
        WebElement phone = driver().switchTo().activeElement();
        assertThat(phone.getAttribute("id")).as("the phone field has the focus").isEqualTo("phone");
        long started = System.nanoTime();
        phone.sendKeys("0955123456");
        phone.sendKeys(Keys.TAB, "黃雅婷");

        // the caller asks how the garbage trucks run: search the knowledge base and take its answer
        WebElement kb = driver().findElement(By.id("kb-q"));
        kb.sendKeys("垃圾車時間");
        kb.sendKeys(Keys.ENTER);
        waitUpTo(Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kb-results li[tabindex]")));
        WebElement answer = driver().findElement(By.cssSelector("#kb-results li[tabindex]"));
        answer.sendKeys(Keys.ENTER);
        WebElement reply = driver().findElement(By.id("reply"));
        assertThat(reply.getAttribute("value")).contains("垃圾車");
        assertThat(driver().switchTo().activeElement().getAttribute("id")).isEqualTo("reply");

        new Actions(driver()).keyDown(Keys.ALT).sendKeys("c").keyUp(Keys.ALT).perform();
        WebElement category = driver().switchTo().activeElement();
        assertThat(category.getAttribute("id")).as("Alt+C moves to the category").isEqualTo("category");
        for (int i = 0; i < 6; i++) {
            category.sendKeys(Keys.ARROW_DOWN);   // (choose), 路燈, 坑洞, 違停, 號誌, 噪音 → 環境髒亂
        }
        assertThat(new org.openqa.selenium.support.ui.Select(category).getFirstSelectedOption().getText()).startsWith("環境髒亂");
        driver().findElement(By.id("description")).sendKeys("民眾詢問西屯區垃圾車收運時間");
        new Actions(driver()).keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();

        try {
            waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("intake-done")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no confirmation; page says: " + driver().findElement(By.tagName("main")).getText(), e);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        screenshot("cases-agent-call");
        String caseNo = driver().findElement(By.id("done-case-no")).getText();
        assertThat(caseNo).matches("\\d{14}");
        assertThat(driver().findElement(By.id("done-code")).getText()).matches("\\d{6}");
        assertThat(driver().findElement(By.id("intake-done")).getText()).contains("已當場結案");
        assertThat(seconds).as("recorded well under a minute").isLessThan(60);

        // the caller calls again: the workspace shows the earlier case as the number is typed
        open("/cases/workspace");
        driver().findElement(By.id("phone")).sendKeys("0955123456");
        waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("caller-cases")).getText().contains(caseNo));
    }
}
