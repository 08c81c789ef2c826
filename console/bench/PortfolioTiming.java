import org.openqa.selenium.By;
import org.openqa.selenium.chrome.*;
import java.io.File;
import java.nio.file.*;
import java.util.*;

/** First paint and time to interactive of the portfolio in Chromium; see BENCHMARKS.md ("Console"). */
public class PortfolioTiming {
    public static void main(String[] args) throws Exception {
        String url = args[0]; int expected = Integer.parseInt(args[1]); int runs = Integer.parseInt(args[2]);
        Path profile = Files.createTempDirectory("bench");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1366,900");
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
        driver.get(url + "/#/signin");
        Thread.sleep(1500);
        driver.findElement(By.cssSelector("[data-signin='aud-sun']")).click();
        Thread.sleep(3000);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "new MutationObserver((m, o) => { if (document.querySelectorAll('[data-project-row]').length >= " + expected
                + ") { window.boardAt = performance.now(); o.disconnect(); setTimeout(() => { window.idleAt = performance.now(); }, 0); } })"
                + ".observe(document, {childList: true, subtree: true});"));
        List<double[]> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            driver.get("about:blank");
            driver.get(url + "/#/portfolio");
            long until = System.currentTimeMillis() + 60000;
            Object idle = null;
            while (System.currentTimeMillis() < until && (idle = driver.executeScript("return window.idleAt")) == null) Thread.sleep(20);
            Object fcp = driver.executeScript("const e = performance.getEntriesByName('first-contentful-paint')[0]; return e ? e.startTime : null");
            Object board = driver.executeScript("return window.boardAt");
            Object rows = driver.executeScript("return document.querySelectorAll('[data-project-row]').length");
            System.out.printf("run %d: first contentful paint %s ms, %s rows on the board at %s ms, interactive (first idle task after) %s ms%n", i, fcp, rows, board, idle);
        }
        driver.quit();
    }
}
