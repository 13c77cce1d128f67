package io.shizheng.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;

/**
 * Saves the page as a PNG when {@code -Dshizheng.screenshots=<dir>} is set (for the README's pictures);
 * does nothing otherwise, so tests may call it freely.
 */
public final class Screenshots {

    public static final String PROPERTY = "shizheng.screenshots";

    private Screenshots() {
    }

    /** Writes {@code <dir>/<name>.png} of the whole page, not just the window; the path, when written. */
    public static Optional<Path> save(WebDriver driver, String name) throws IOException {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        Path file = Path.of(dir).toAbsolutePath().resolve(name.replaceAll("[^\\w.-]", "_") + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, png(driver));
        return Optional.of(file);
    }

    private static byte[] png(WebDriver driver) {
        if (driver instanceof HasCdp cdp && driver instanceof JavascriptExecutor js) {
            Object size = js.executeScript("var d = document.documentElement;"
                    + "return [Math.max(d.scrollWidth, d.clientWidth), Math.max(d.scrollHeight, d.clientHeight)];");
            if (size instanceof java.util.List<?> wh && wh.size() == 2) {
                Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", wh.get(0), "height", wh.get(1), "scale", 1);
                Map<String, Object> shot = cdp.executeCdpCommand("Page.captureScreenshot",
                        Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
                return Base64.getDecoder().decode((String) shot.get("data"));
            }
        }
        return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    }
}
