package dev.liftoff.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the engine keeps the history of a finished process instance, and when it deletes what
 * has expired ({@code liftoff.history}). A wrong value stops Liftoff at start, naming its key.
 *
 * @param timeToLive    whole days per process definition key; {@code default} is every process not
 *                      named; a process not covered keeps the {@code camunda:historyTimeToLive} of its BPMN
 * @param cleanupWindow {@code HH:mm-HH:mm} in the server's time zone (it may cross midnight); blank:
 *                      the engine never cleans up on its own
 */
@ConfigurationProperties("liftoff.history")
public record HistoryProperties(Map<String, Duration> timeToLive, String cleanupWindow) {

    public static final String DEFAULT_KEY = "default";
    private static final String TIME = "([01]\\d|2[0-3]):[0-5]\\d";
    private static final Pattern WINDOW = Pattern.compile("(" + TIME + ")-(" + TIME + ")");

    public HistoryProperties {
        Map<String, Duration> checked = new LinkedHashMap<>();
        if (timeToLive != null) {
            timeToLive.forEach((key, ttl) -> checked.put(key, wholeDays(key, ttl)));
        }
        timeToLive = Map.copyOf(checked);
        cleanupWindow = cleanupWindow == null ? "" : cleanupWindow.strip();
        if (!cleanupWindow.isEmpty()) {
            Matcher window = WINDOW.matcher(cleanupWindow);
            if (!window.matches() || window.group(1).equals(window.group(3))) {
                throw new IllegalArgumentException("liftoff.history.cleanup-window must be a start and an end time of day, "
                        + "HH:mm-HH:mm such as 01:00-05:00 (or empty: no cleanup on its own), not '" + cleanupWindow + "'");
            }
        }
    }

    private static Duration wholeDays(String key, Duration ttl) {
        if (ttl == null || ttl.isNegative() || !ttl.equals(Duration.ofDays(ttl.toDays())) || ttl.toDays() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("liftoff.history.time-to-live." + key
                    + " must be a whole number of days such as 180d, not " + ttl);
        }
        return ttl;
    }

    /** the days the history of this process is kept, if Liftoff's configuration says it */
    public Optional<Integer> daysFor(String processKey) {
        Duration ttl = timeToLive.getOrDefault(processKey, timeToLive.get(DEFAULT_KEY));
        return Optional.ofNullable(ttl).map(days -> Math.toIntExact(days.toDays()));
    }

    /** the start of the cleanup window ({@code HH:mm}), if there is one */
    public Optional<String> windowStart() {
        return cleanupWindow.isEmpty() ? Optional.empty() : Optional.of(cleanupWindow.substring(0, 5));
    }

    /** the end of the cleanup window ({@code HH:mm}), if there is one */
    public Optional<String> windowEnd() {
        return cleanupWindow.isEmpty() ? Optional.empty() : Optional.of(cleanupWindow.substring(6));
    }
}
