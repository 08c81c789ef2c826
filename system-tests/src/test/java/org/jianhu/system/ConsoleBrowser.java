package org.jianhu.system;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * One user's browser on the console: Debian's Chromium, headless, driven by its own chromedriver (no browser
 * or driver is downloaded), with a fresh profile, so that no two users share a session.
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;
    private final String console;

    private ConsoleBrowser(ChromeDriver driver, Path profile, String console) {
        this.driver = driver;
        this.profile = profile;
        this.console = console;
    }

    static ConsoleBrowser open(RunningSystem system) throws IOException {
        Path profile = Files.createTempDirectory("jianhu-console-profile");
        ChromeOptions options = new ChromeOptions().setBinary(System.getProperty("jianhu.chromium", "/usr/bin/chromium"))
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--lang=zh-CN",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("jianhu.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1366, 900));
        return new ConsoleBrowser(driver, profile, system.gatewayUrl());
    }

    /** Signs in on the console's page with the development issuer, as a newcomer would, and marks the page. */
    ConsoleBrowser signInAs(String user) {
        driver.get(console + "/#/signin");
        click("[data-signin='" + user + "']");
        awaitTrue(() -> !all("[data-user]").isEmpty());
        // Gone if the page is ever loaded again: tests use it to show that live changes came without a reload.
        script("window.jianhuNotReloaded = true");
        return this;
    }

    boolean neverReloaded() {
        return Boolean.TRUE.equals(script("return window.jianhuNotReloaded === true"));
    }

    /** Moves to a screen of the console inside the page (the router's hash), without loading the page again. */
    void go(String route) {
        script("window.location.hash = arguments[0]", "#" + route);
    }

    /** Loads the page again, as the browser's reload button does. */
    void reload() {
        driver.navigate().refresh();
    }

    void load(String route) {
        driver.get(console + "/#" + route);
    }

    WebElement find(String css) {
        return await().atMost(PATIENCE).ignoreExceptions().until(() -> driver.findElement(By.cssSelector(css)), e -> true);
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void click(String css) {
        await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            WebElement element = driver.findElement(By.cssSelector(css));
            if (!element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** A date field takes the ISO date as its picker would give it (typing into it depends on the browser's locale). */
    void date(String css, String isoDate) {
        script("const field = arguments[0]; field.value = arguments[1]; field.dispatchEvent(new Event('input', {bubbles: true}));",
                find(css), isoDate);
    }

    void choose(String css, String value) {
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> new Select(driver.findElement(By.cssSelector(css)))
                .selectByValue(value));
    }

    /** Chooses the option whose text contains {@code text} (a project by its code, say). */
    void chooseContaining(String css, String text) {
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            Select select = new Select(driver.findElement(By.cssSelector(css)));
            WebElement option = select.getOptions().stream().filter(o -> o.getText().contains(text)).findFirst().orElseThrow();
            select.selectByVisibleText(option.getText());
        });
    }

    String text(String css) {
        return await().atMost(PATIENCE).ignoreExceptions().until(() -> driver.findElement(By.cssSelector(css)).getText(), t -> true);
    }

    String attribute(String css, String name) {
        return await().atMost(PATIENCE).ignoreExceptions().until(() -> driver.findElement(By.cssSelector(css)).getDomAttribute(name),
                value -> true);
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    void awaitTrue(Callable<Boolean> condition) {
        await().atMost(PATIENCE).ignoreException(StaleElementReferenceException.class).until(condition);
    }

    /** Saves what the user sees under target/screenshots/, for the README. */
    void screenshot(String name) {
        Path directory = Path.of(System.getProperty("jianhu.console.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(directory);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind harms nothing
        }
    }
}
