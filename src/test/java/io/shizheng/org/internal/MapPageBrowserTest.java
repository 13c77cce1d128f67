package io.shizheng.org.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.shizheng.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The district map in a real (headless) Chromium: drawn, labelled, and answering clicks. Skipped without Chromium. */
@IntegrationTest
class MapPageBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");

    @LocalServerPort int port;
    WebDriver driver;
    Path profile;

    @BeforeEach
    void browser() throws Exception {
        assumeTrue(CHROMIUM.canExecute() && DRIVER.canExecute(), "Chromium and chromedriver are not installed");
        profile = Files.createTempDirectory("shizheng-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void theMapDrawsTheDistrictsAndSaysWhereAPointIs() throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.get("http://localhost:" + port + "/org/map");
        wait.until(d -> d.findElements(By.cssSelector(".org-map-label")).size() == 29);
        assertThat(driver.findElements(By.cssSelector(".org-map-label")).stream().map(WebElement::getText))
                .contains("西屯區", "和平區", "中區");
        screenshot("org-map-city.png");

        WebElement lon = driver.findElement(By.id("lookup-lon"));
        lon.clear();
        lon.sendKeys("120.6469");
        WebElement lat = driver.findElement(By.id("lookup-lat"));
        lat.clear();
        lat.sendKeys("24.1617");
        driver.findElement(By.cssSelector("#org-map-lookup button")).click();
        wait.until(d -> d.findElement(By.id("org-map-answer")).getText().contains("西屯區惠來里"));
        // Xitun's 39 villages are drawn on top of the 29 districts.
        wait.until(d -> d.findElements(By.cssSelector(".leaflet-overlay-pane path")).size() >= 29 + 39);

        driver.findElement(By.id("org-map")).click();
        wait.until(d -> d.findElement(By.id("org-map-answer")).getText().matches("此點(位於 .+區.+里.*|不在臺中市範圍內。)"));

        screenshot("org-map-click.png");
    }

    /** For a person to look at after the build; not compared with anything. */
    private void screenshot(String name) throws Exception {
        Files.write(Path.of("target", name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
