package io.shizheng.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.shizheng.IntegrationTest;
import io.shizheng.platform.ShizhengUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** RDEC staff sign in and land on the live scorecard of the annual plan. */
@IntegrationTest
class ScorecardBrowserTest extends BrowserTestSupport {

    private static final By INDICATOR_ROWS = By.cssSelector("#scorecard tr[data-indicator]");

    @Autowired
    UserDetailsService users;

    @Test
    void rdecSignsInAndSeesTheScorecard() throws Exception {
        String displayName = ((ShizhengUser) users.loadUserByUsername("rdec")).displayName();

        signIn("rdec", "demo1234");

        assertThat(driver().getCurrentUrl()).isEqualTo(url("/"));
        try {
            // the rows may arrive after the page (htmx); give them a moment before judging
            waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElements(INDICATOR_ROWS).size() >= 15);
        } catch (TimeoutException e) {
            // the assertions below say what is missing
        }
        screenshot("scorecard-rdec");
        assertThat(driver().findElement(By.tagName("body")).getText()).as("signed-in user's name on the page")
                .contains(displayName);
        assertThat(driver().findElements(By.id("scorecard"))).as("table #scorecard on /").hasSize(1);
        List<WebElement> rows = driver().findElements(INDICATOR_ROWS);
        assertThat(rows).as("indicator rows tr[data-indicator] in #scorecard").hasSize(15);
        assertThat(driver().findElements(By.cssSelector("#scorecard tr[data-indicator='1.2']")))
                .as("row of indicator 1.2").hasSize(1);
    }
}
