package io.shizheng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the real-browser tests: one headless Chromium per test class against the application on its
 * random port (the subclass carries {@code @IntegrationTest}), and the steps every such test needs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTestSupport {

    @LocalServerPort
    protected int port;

    private HeadlessChromium chromium;

    /** Started before the first test and kept for the class; each test without Chromium shows as skipped. */
    @BeforeEach
    void startBrowser() throws IOException {
        if (chromium == null) {
            chromium = HeadlessChromium.start();
        }
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    protected WebDriver driver() {
        return chromium.driver();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void open(String path) {
        driver().get(url(path));
    }

    /** A wait that looks again when the page reloaded under an element it had found (a form posted, a redirect). */
    protected WebDriverWait waitUpTo(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver(), timeout);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** Signs in through the form at /login, as a person would, and waits to leave the sign-in page. */
    protected void signIn(String username, String password) {
        driver().manage().deleteAllCookies();
        open("/login");
        driver().findElement(By.id("username")).sendKeys(username);
        driver().findElement(By.id("password")).sendKeys(password);
        driver().findElement(By.cssSelector("main form button[type=submit]")).click();
        waitUpTo(Duration.ofSeconds(15)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        assertThat(driver().getCurrentUrl()).as("page after signing in as %s", username).doesNotContain("error");
    }

    /** A PNG of the page when -Dshizheng.screenshots=<dir> is set; nothing otherwise. */
    protected void screenshot(String name) throws IOException {
        Screenshots.save(driver(), name);
    }
}
