package dev.liftoff.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What the demo study-api teaches. Everything is derived from the request (and the date), so
 * that the same request always gets the same answer and smoke checks can assert on it.
 */
final class StudyContent {

    record Card(String front, String back) {
    }

    record Question(String id, String prompt, List<String> choices) {
    }

    record Score(String questionId, double score, boolean correct) {
    }

    record DailyQuestion(String id, String prompt) {
    }

    static final int MAX_QUESTIONS = 20;
    private static final String LETTERS = "ABCD";
    private static final List<String> DAILY_TOPICS = List.of(
            "photosynthesis", "the water cycle", "prime numbers", "plate tectonics",
            "supply and demand", "cell division", "the French Revolution");

    private StudyContent() {
    }

    static List<Card> flashcards(String topic) {
        return List.of(
                new Card("What is " + topic + "?", "A one-sentence definition of " + topic + " in your own words."),
                new Card("Why does " + topic + " matter?", "The main reason " + topic + " comes up in exams and in practice."),
                new Card("Give an example of " + topic + ".", "A worked example that applies " + topic + " step by step."));
    }

    /** Four choices each, lettered A to D; the right letter of q-1, q-2, q-3, q-4, q-5… is A, B, C, D, A… */
    static List<Question> questions(String topic, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> question(topic, n)).toList();
    }

    /**
     * Full marks for the right letter; a wrong answer gets a partial credit of 0.00 to 0.50 that
     * depends only on the question and the answer.
     */
    static Score score(int questionNumber, String answer) {
        String questionId = "q-" + questionNumber;
        boolean correct = answer.trim().equalsIgnoreCase(String.valueOf(answerKey(questionNumber)));
        double partialCredit = Math.floorMod((questionId + '|' + answer).hashCode(), 51) / 100.0;
        return new Score(questionId, correct ? 1.0 : partialCredit, correct);
    }

    static DailyQuestion daily(LocalDate date) {
        String topic = DAILY_TOPICS.get((int) Math.floorMod(date.toEpochDay(), DAILY_TOPICS.size()));
        return new DailyQuestion("daily-" + date, "Explain " + topic + " to a friend in two sentences.");
    }

    private static Question question(String topic, int n) {
        List<String> statements = new ArrayList<>(List.of(
                "A common misconception about " + topic,
                "A claim unrelated to " + topic,
                "A half-truth about " + topic));
        statements.add(LETTERS.indexOf(answerKey(n)), "A well-supported fact about " + topic);
        List<String> choices = IntStream.range(0, LETTERS.length())
                .mapToObj(i -> LETTERS.charAt(i) + ") " + statements.get(i))
                .toList();
        return new Question("q-" + n, "Question " + n + " on " + topic + ": which statement is accurate?", choices);
    }

    private static char answerKey(int questionNumber) {
        return LETTERS.charAt((questionNumber - 1) % LETTERS.length());
    }
}
