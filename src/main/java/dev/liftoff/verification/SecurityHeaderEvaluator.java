package dev.liftoff.verification;

import dev.liftoff.config.SecurityHeadersCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Judges required security headers over a set of responses: one check per header, named
 * {@code security header <Name>}, passing when every response carries it with a matching value.
 * Header names are case-insensitive; a value must match its regex as a whole.
 */
final class SecurityHeaderEvaluator {

    private final Map<String, Optional<Pattern>> required = new LinkedHashMap<>();

    /** @throws java.util.regex.PatternSyntaxException for a bad regex: found before any request is sent */
    SecurityHeaderEvaluator(SecurityHeadersCheck config) {
        config.required().forEach((name, regex) -> required.put(name,
                regex == null || regex.isEmpty() ? Optional.empty() : Optional.of(Pattern.compile(regex))));
    }

    List<CheckResult> evaluate(List<LabelledOutcome> responses) {
        long durationMs = responses.stream().mapToLong(response -> response.outcome().latencyMs()).max().orElse(0);
        return required.entrySet().stream()
                .map(header -> judge(header.getKey(), header.getValue(), responses, durationMs))
                .toList();
    }

    /** every check failed with {@code actual}, for responses that never came */
    List<CheckResult> unfinished(String actual, long durationMs) {
        return required.entrySet().stream()
                .map(header -> new CheckResult(name(header.getKey()), false, expected(header.getValue()), actual, durationMs))
                .toList();
    }

    private static CheckResult judge(String header, Optional<Pattern> pattern, List<LabelledOutcome> responses, long durationMs) {
        List<String> noAnswer = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Map<String, List<String>> mismatchedByValue = new LinkedHashMap<>();
        for (LabelledOutcome labelled : responses) {
            if (!(labelled.outcome() instanceof TargetResponse response)) {
                noAnswer.add(labelled.label());
                continue;
            }
            Optional<String> value = response.header(header);
            if (value.isEmpty()) {
                missing.add(labelled.label());
            } else if (pattern.isPresent() && !pattern.get().matcher(value.get()).matches()) {
                mismatchedByValue.computeIfAbsent(value.get(), v -> new ArrayList<>()).add(labelled.label());
            }
        }
        List<String> problems = new ArrayList<>();
        if (responses.isEmpty()) {
            problems.add("no responses to check: configure smoke requests or security-headers paths");
        }
        if (!missing.isEmpty()) {
            problems.add("missing on " + String.join(", ", missing));
        }
        mismatchedByValue.forEach((value, labels) -> problems.add("value '" + Excerpts.shorten(value, 200) + "' on "
                + String.join(", ", labels) + " does not match " + pattern.orElseThrow().pattern()));
        if (!noAnswer.isEmpty()) {
            problems.add("no answer from " + String.join(", ", noAnswer));
        }
        String actual = problems.isEmpty()
                ? (pattern.isPresent() ? "matches" : "present") + " on " + responses.size() + "/" + responses.size() + " responses"
                : String.join("; ", problems);
        return new CheckResult(name(header), problems.isEmpty(), expected(pattern), actual, durationMs);
    }

    private static String name(String header) {
        return "security header " + header;
    }

    /** "present", or "matches <regex>" */
    private static String expected(Optional<Pattern> pattern) {
        return pattern.map(p -> "matches " + p.pattern()).orElse("present");
    }
}
