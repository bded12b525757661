package org.beyondlazy.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The report in a real browser: Debian's chromium, headless, through its chromedriver (Selenium), with
 * networking disabled (a proxy on a closed local port, every host name unresolvable). A report written from
 * a fixed set of results ({@link ReportFixture}, no kit run) is opened from disk at 1366×768: every image
 * loads, every link of every page resolves inside the report, the pages (and an SVG figure) log no console error, and the
 * first viewport holds the overall verdict, the whole claim grid and the headline figure. The screenshot is
 * saved beside the report ({@code target/browser-report/first-screen.png}). A missing chromium skips the
 * test, except under {@code CI=true}, where it fails.
 */
class ReportBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final int WIDTH = 1366;
    static final int HEIGHT = 768;

    @TempDir
    Path profile;

    @Test
    void theReportOpensFromDiskWithTheVerdictGridAndTheHeadlineOnTheFirstScreen() throws Exception {
        requireChromium();
        Path dir = Path.of("target", "browser-report").toAbsolutePath();
        Audit.deleteTree(dir);
        ReportFixture.write(dir, null);
        assertThat(ReportLinks.broken(dir)).as("links of every page").isEmpty();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
                "--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT,
                "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            // the viewport itself is 1366×768 (a window size would include the browser's frame)
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", false));
            for (String page : List.of("index.html", "spec/claims.html", "spec/05-lazy.html", "proofs-notes/C8.html")) {
                open(driver, dir.resolve(page));
                assertThat(errors(driver)).as("console errors of " + page).isEmpty();
            }
            open(driver, dir.resolve("figures/fixture-chart.svg"));
            assertThat(driver.executeScript("return document.documentElement.localName;")).as("the SVG beside the PNG parses").isEqualTo("svg");
            assertThat(errors(driver)).as("console errors of the SVG").isEmpty();
            open(driver, dir.resolve("index.html"));
            JavascriptExecutor js = driver;
            @SuppressWarnings("unchecked")
            List<String> unloaded = (List<String>) js.executeScript(
                    "return Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src);");
            assertThat(unloaded).as("images that did not load").isEmpty();
            assertThat(((Number) js.executeScript("return document.images.length;")).intValue()).isPositive();

            @SuppressWarnings("unchecked")
            Map<String, Object> viewport = (Map<String, Object>) js.executeScript(
                    "return {w: window.innerWidth, h: window.innerHeight};");
            double w = ((Number) viewport.get("w")).doubleValue();
            double h = ((Number) viewport.get("h")).doubleValue();
            assertThat(h).as("viewport height").isEqualTo(HEIGHT);
            assertThat(w).as("viewport width").isEqualTo(WIDTH);
            for (String selector : List.of("#overall", "#verdicts", "#headline img", "#facts")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> box = (Map<String, Object>) js.executeScript(
                        "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                                + "return {top: r.top, left: r.left, bottom: r.bottom, right: r.right, height: r.height};", selector);
                assertThat(((Number) box.get("height")).doubleValue()).as(selector + " is drawn").isPositive();
                assertThat(((Number) box.get("top")).doubleValue()).as(selector + " top").isGreaterThanOrEqualTo(0);
                assertThat(((Number) box.get("bottom")).doubleValue()).as(selector + " within the first " + h + " px").isLessThanOrEqualTo(h);
                assertThat(((Number) box.get("right")).doubleValue()).as(selector + " within the first " + w + " px").isLessThanOrEqualTo(w);
            }
            assertThat(((Number) js.executeScript("return document.querySelectorAll('#verdicts tr').length;")).intValue() - 1)
                    .as("a grid row per claim").isEqualTo(ReportFixtureClaims.count());
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve("first-screen.png"), StandardCopyOption.REPLACE_EXISTING);
            assertThat(dir.resolve("first-screen.png")).isNotEmptyFile();
        } finally {
            driver.quit();
        }
    }

    private static void open(ChromeDriver driver, Path page) {
        driver.get(page.toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private static List<String> errors(ChromeDriver driver) {
        List<String> out = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                out.add(e.getMessage());
            }
        }
        return out;
    }

    /** Skips (with the reason) when chromium or its driver is missing, except under CI=true, where that is a failure. */
    private static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String reason = CHROMIUM + " or " + CHROMEDRIVER + " is missing (Debian: apt-get install chromium chromium-driver; .ci/run installs them)";
        if (!present && "true".equals(System.getenv("CI"))) {
            fail(reason);
        }
        Assumptions.assumeTrue(present, reason);
    }
}
