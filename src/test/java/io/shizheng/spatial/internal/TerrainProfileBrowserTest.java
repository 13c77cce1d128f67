package io.shizheng.spatial.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.shizheng.IntegrationTest;
import io.shizheng.browser.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** A planner draws a line with two clicks on the terrain map and sees its profile as a chart and a table. */
@IntegrationTest
class TerrainProfileBrowserTest extends BrowserTestSupport {

    @Test
    void aPlannerDrawsAProfileOnTheMap() throws Exception {
        signIn("rdec", "demo1234");
        open("/spatial/terrain");
        WebElement map = waitUpTo(Duration.ofSeconds(15)).until(d -> {
            var panes = d.findElements(By.cssSelector("#spatial-map .leaflet-overlay-pane path"));
            return panes.size() > 1 ? d.findElement(By.id("spatial-map")) : null;
        });
        // the map fits the districts, which the demo DEM covers: two points left and right of the centre are on it
        new Actions(driver()).moveToElement(map, -60, 0).click().perform();
        new Actions(driver()).moveToElement(map, 60, 10).click().perform();
        WebElement line = driver().findElement(By.id("spatial-line"));
        assertThat(line.getDomProperty("value")).startsWith("LINESTRING (").contains(", ");
        WebElement step = driver().findElement(By.id("spatial-step"));
        step.clear();
        step.sendKeys("500");
        driver().findElement(By.cssSelector("#spatial-profile-form button[type=submit]")).click();
        waitUpTo(Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector("#spatial-table tbody tr")).isEmpty());
        screenshot("spatial-terrain-profile");
        assertThat(driver().findElement(By.id("spatial-table")).isDisplayed()).isTrue();
        var rows = driver().findElements(By.cssSelector("#spatial-table tbody tr"));
        assertThat(rows.size()).isGreaterThan(2);
        assertThat(rows.get(0).findElements(By.tagName("td")).get(0).getText()).isEqualTo("0");
        assertThat(rows.get(0).findElements(By.tagName("td")).get(3).getText()).matches("[0-9]+\\.[0-9]");
        assertThat(driver().findElements(By.cssSelector("#spatial-chart canvas"))).as("the ECharts chart").isNotEmpty();
    }
}
