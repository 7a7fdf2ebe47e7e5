package dev.liftoff.fullstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist of a running Liftoff, driven in Debian's headless Chromium the way an
 * approver uses it: log in, pick a task from the list or open its link, read the form, claim,
 * decide, complete. Every step can leave a screenshot under {@code target/screenshots}.
 */
final class Tasklist implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** set (as .ci/run does) to fail instead of skipping where Chromium is not installed */
    static final String REQUIRED = "LIFTOFF_BROWSER_TESTS";

    private static final By TASK_NAMES = By.cssSelector("ol.tasks-list li h4.task a");

    private final String base;
    private final Path screenshots;
    private final WebDriver browser;
    private final WebDriverWait wait;

    Tasklist(int port, Path screenshots) {
        this.base = "http://localhost:" + port + "/camunda/app/tasklist/default/";
        this.screenshots = screenshots;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1400");
        // the driver is named, so Selenium never looks for one on the network
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.browser = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    /** skips the test where Chromium is missing, unless {@value #REQUIRED} is set */
    static void assumeChromium() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String hint = "the browser test needs Debian's Chromium: apt-get install -y chromium chromium-driver";
        if (System.getenv(REQUIRED) != null && !installed) {
            throw new IllegalStateException(hint);
        }
        Assumptions.assumeTrue(installed, hint);
    }

    void logIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get(base);
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
        name.sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(user);
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        // the group's filter with its task count shows once Tasklist has loaded
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), "open tasks"));
    }

    /** the task names in the list of the selected filter, once it has loaded */
    List<String> listedTasks() {
        // Tasklist re-renders its list as it refreshes: read it again when an entry went stale
        return wait.ignoring(StaleElementReferenceException.class).until(page -> {
            List<WebElement> entries = page.findElements(TASK_NAMES);
            boolean empty = page.findElement(By.tagName("body")).getText().contains("No task matching filters found");
            return entries.isEmpty() && !empty ? null : entries.stream().map(WebElement::getText).toList();
        });
    }

    /** waits until the list no longer shows that task, e.g. after it was completed */
    void awaitNotListed(String taskName) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(taskLink(taskName)));
    }

    private static By taskLink(String taskName) {
        return By.xpath("//ol[contains(@class,'tasks-list')]//h4/a[normalize-space(.)='" + taskName + "']");
    }

    /** the list entry of that task: its name, due date and creation, as Tasklist shows them */
    String listEntry(String taskName) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//ol[contains(@class,'tasks-list')]/li[.//h4/a[normalize-space(.)='" + taskName + "']]"))).getText();
    }

    void openFromList(String taskName) {
        wait.until(ExpectedConditions.elementToBeClickable(taskLink(taskName))).click();
        awaitForm();
    }

    void openLink(String taskId) {
        browser.get(base + "#/?task=" + taskId);
    }

    /** loads the page afresh, e.g. the open task after Tasklist refused to complete it */
    void reload() {
        browser.navigate().refresh();
        awaitForm();
    }

    /** the text of the task's form, once rendered */
    String formText() {
        return awaitForm().getText();
    }

    private WebElement awaitForm() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
    }

    void claim() {
        click(By.cssSelector("button.claim"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    }

    /** ticks the radio button or checkbox labelled so */
    void choose(String label) {
        click(By.xpath("//form//label[normalize-space(.)='" + label + "']"));
    }

    /** clicks an element once it is clickable, scrolled to the middle so that no footer covers it */
    private void click(By locator) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
        ((ChromeDriver) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** ticks every radio button labelled so (one per item of a list, say) and says how many there were */
    int chooseEvery(String label) {
        By labelled = By.xpath("//form//label[normalize-space(.)='" + label + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(labelled));
        List<WebElement> labels = browser.findElements(labelled);
        labels.forEach(this::click);
        return labels.size();
    }

    /** ticks every box of the checklist whose label starts so, and says how many there were */
    int tickEvery(String checklistLabel) {
        By boxes = By.xpath("//form//div[contains(@class,'fjs-form-field-checklist')][label[starts-with(normalize-space(.),'"
                + checklistLabel + "')]]//input[@type='checkbox']");
        wait.until(ExpectedConditions.presenceOfElementLocated(boxes));
        List<WebElement> found = browser.findElements(boxes);
        found.forEach(this::click);
        return found.size();
    }

    /** adds an item to the form's list labelled so */
    void addListItem(String listLabel) {
        click(By.xpath("//div[@role='group'][label[normalize-space(.)='" + listLabel + "']]//button[contains(@class,'fjs-repeat-render-add')]"));
    }

    /** picks an option of the last select field labelled so */
    void select(String label, String option) {
        WebElement field = last(By.xpath("//form//div[contains(@class,'fjs-form-field-select')][label[starts-with(normalize-space(.),'"
                + label + "')]]"));
        click(field.findElement(By.cssSelector(".fjs-input-group")));
        click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + option + "']"));
    }

    /** types into the last text field, number field or text area labelled so */
    void typeInto(String label, String text) {
        By locator = By.xpath("//form//label[starts-with(normalize-space(.),'" + label + "')]/following::*[self::input or self::textarea][1]");
        // typed until the field still holds the text at the next look: form-js may render a field
        // anew just after it was typed into (a dynamic list's item after a select of the same item
        // changed), and the new one is empty
        wait.until(page -> {
            try {
                WebElement field = last(locator);
                if (text.equals(field.getDomProperty("value"))) {
                    return true;
                }
                ((ChromeDriver) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
                field.clear();
                field.sendKeys(text);
                // leaving the field hands its value to the form at once (form-js holds typed text back for a moment)
                field.sendKeys(org.openqa.selenium.Keys.TAB);
                return false;
            } catch (StaleElementReferenceException renderedAnew) {
                return false;
            }
        });
    }

    private WebElement last(By locator) {
        wait.until(ExpectedConditions.presenceOfElementLocated(locator));
        List<WebElement> found = browser.findElements(locator);
        return found.get(found.size() - 1);
    }

    private void click(WebElement element) {
        ((ChromeDriver) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /**
     * Tries to complete a task whose form is not filled in right: Tasklist must keep the task open.
     *
     * @return the form's text afterwards, with its validation messages
     */
    String completeRefused() {
        WebElement button = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[ng-click='complete()']")));
        ((ChromeDriver) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        if (button.isEnabled()) {
            button.click();
        }
        return awaitForm().getText();
    }

    /** completes the open task and waits until Tasklist has let go of it */
    void complete() {
        click(By.cssSelector("button[ng-click='complete()']"));
        try {
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-form")));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed-to-complete");
            String form = browser.findElements(By.cssSelector(".fjs-form")).stream().map(WebElement::getText).findFirst().orElse("");
            throw new AssertionError("Tasklist kept the task open after Complete; it says: " + notifications()
                    + "\nthe form's errors: " + browser.findElements(By.cssSelector(".fjs-form-field-error")).stream()
                            .map(WebElement::getText).filter(text -> !text.isBlank()).toList()
                    + "\nthe form: " + form, e);
        }
    }

    /** Liftoff's explanation shown when a task link is opened by someone who may not work on it */
    String refusal() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("liftoff-task-refusal"))).getText();
    }

    /** Tasklist's own notifications, e.g. the error on a task that cannot be loaded */
    String notifications() {
        return browser.findElements(By.cssSelector(".page-notifications")).stream().map(WebElement::getText)
                .reduce("", String::concat);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        browser.quit();
    }
}
