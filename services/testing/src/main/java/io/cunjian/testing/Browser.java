package io.cunjian.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for page tests: the system's headless Chromium driven by Selenium through the
 * system's chromedriver (Debian {@code chromium} and {@code chromium-driver}; nothing is downloaded).
 * <pre>
 * try (Browser b = Browser.phone()) {
 *     b.open(url + "/contractor/");
 *     b.waitFor(By.cssSelector(".order"));
 *     b.offline(); ... b.online();
 *     b.screenshot("contractor-zh-CN-phone");
 * }
 * </pre>
 * Without Chromium the test fails with the command that installs it (run as root, the harness
 * installs it itself) — a browser test is never skipped silently.
 */
public final class Browser implements AutoCloseable {

    /** Phone window of the issue: 360 × 740 CSS pixels. */
    public static final Dimension PHONE = new Dimension(360, 740);
    public static final Dimension DESKTOP = new Dimension(1280, 900);
    public static final String CHROMIUM = System.getProperty("cunjian.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("cunjian.chromedriver", "/usr/bin/chromedriver");
    static final String INSTALL = "apt-get install -y chromium chromium-driver fonts-noto-cjk";

    /** Selenium looks for CDP bindings of this Chromium's version; chromedriver's own commands need none. */
    private static final java.util.logging.Logger CDP_FINDER = java.util.logging.Logger
            .getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_FINDER.setLevel(java.util.logging.Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final Path profile;
    private final boolean phone;

    private Browser(Dimension size, boolean phone) {
        ensureInstalled();
        this.phone = phone;
        try {
            profile = Files.createTempDirectory("cunjian-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Selenium Manager would try to download a driver: name the system's explicitly.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        // files the page hands to the browser (exports) land in downloads(), without a dialog
        o.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", profile.resolve("downloads").toString(),
                "download.prompt_for_download", false));
        // The machine's network is closed: without these Chromium stalls on updates, sync and QUIC probes.
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--lang=zh-CN",
                "--window-size=" + size.width + "," + size.height);
        if (phone) {
            o.addArguments("--user-agent=Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/120.0 Mobile Safari/537.36");
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        // --window-size is the outer window: make the page's viewport the size asked for.
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", size.width, "height",
                size.height, "deviceScaleFactor", 1, "mobile", phone));
    }

    public static Browser desktop() {
        return new Browser(DESKTOP, false);
    }

    /** A 360 × 740 phone (mobile viewport and user agent). */
    public static Browser phone() {
        return new Browser(PHONE, true);
    }

    public boolean isPhone() {
        return phone;
    }

    public WebDriver driver() {
        return driver;
    }

    /** The folder the browser saves downloads in. */
    public Path downloads() {
        return profile.resolve("downloads");
    }

    /** Waits up to 20 s for a finished download whose name ends with {@code suffix}, and returns it. */
    public Path download(String suffix) {
        return until(d -> {
            try (Stream<Path> files = Files.exists(downloads()) ? Files.list(downloads()) : Stream.empty()) {
                return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    /** Waits up to 20 s for an element, and returns it. */
    public WebElement waitFor(By by) {
        return until(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** Waits up to 20 s until the element's text contains {@code text}. */
    public WebElement waitForText(By by, String text) {
        return until(d -> d.findElements(by).stream().filter(e -> e.getText().contains(text)).findFirst().orElse(null));
    }

    public <T> T until(Function<WebDriver, T> condition) {
        return until(Duration.ofSeconds(20), condition);
    }

    public <T> T until(Duration atMost, Function<WebDriver, T> condition) {
        // a page that re-renders replaces elements between finding and reading them: look again
        return new WebDriverWait(driver, atMost, Duration.ofMillis(100)).ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public WebElement one(By by) {
        return driver.findElement(by);
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Cuts the page's network (requests fail as on a phone without signal). */
    public void offline() {
        ChromiumNetworkConditions c = new ChromiumNetworkConditions();
        c.setOffline(true);
        c.setLatency(Duration.ZERO);
        driver.setNetworkConditions(c);
    }

    public void online() {
        driver.deleteNetworkConditions();
        // the page learns it like a phone does, from the browser's "online" event
        script("window.dispatchEvent(new Event('online'))");
    }

    /**
     * Saves a PNG of the window as {@code <name>.png}, e.g. {@code dashboard-zh-CN-desktop}: in
     * {@code target/screenshots/} of the checkout, or in the committed {@code docs/screenshots/} with
     * {@code -Dcunjian.screenshots.update=true} (a plain test run leaves the working tree as it was).
     */
    public Path screenshot(String name) {
        String folder = Boolean.getBoolean("cunjian.screenshots.update") ? "docs/screenshots" : "target/screenshots";
        Path target = root().resolve(folder).resolve(name + ".png");
        try {
            Files.createDirectories(target.getParent());
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** The checkout's root (the build passes it as {@code cunjian.root}; else found from the module folder). */
    static Path root() {
        String configured = System.getProperty("cunjian.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mvnw"))) {
            p = p.getParent();
        }
        return p == null ? Path.of("").toAbsolutePath() : p;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // a profile left in /tmp is harmless
            }
        }
    }

    /** Chromium and its driver, installed by the harness when it runs as root, else a failure naming the command. */
    static synchronized void ensureInstalled() {
        if (Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER))) {
            if (!chineseFontChecked) {
                chineseFontChecked = true;
                if (!hasChineseFont()) {
                    // the tests still pass; only the screenshots would show boxes for Chinese text
                    System.err.println("WARNING: no Chinese font: the screenshots will show boxes. Install one: " + INSTALL);
                }
            }
            return;
        }
        if ("root".equals(System.getProperty("user.name"))) {
            try {
                Process p = new ProcessBuilder("sh", "-c", INSTALL + " || (apt-get update && " + INSTALL + ")").inheritIO().start();
                if (p.waitFor() == 0 && Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER))) {
                    return;
                }
            } catch (IOException e) {
                // fall through to the message
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new IllegalStateException("The browser tests need Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                + ". Install them with: sudo " + INSTALL + " (or point -Dcunjian.chromium / -Dcunjian.chromedriver at them)");
    }

    private static boolean chineseFontChecked;

    private static boolean hasChineseFont() {
        try {
            Process p = new ProcessBuilder("fc-list", ":lang=zh").redirectErrorStream(true).start();
            boolean any = !new String(p.getInputStream().readAllBytes()).isBlank();
            p.waitFor();
            return any;
        } catch (IOException e) {
            return true; // no fontconfig to ask: say nothing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    public static By css(String selector) {
        return By.cssSelector(selector);
    }
}
