package org.anju.intake;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A file could not be read, or could not be read faithfully; nothing of it should be used. The
 * message is the problems' descriptions, one per line (the first {@value #MESSAGE_LIMIT}).
 */
public class InputException extends RuntimeException implements org.anju.platform.ListsProblems {

    static final int MESSAGE_LIMIT = 50;

    private final transient List<InputProblem> problems;

    public InputException(List<InputProblem> problems) {
        this(problems, null);
    }

    public InputException(List<InputProblem> problems, Throwable cause) {
        super(message(problems), cause);
        this.problems = List.copyOf(problems);
    }

    public InputException(InputProblem problem) {
        this(List.of(problem), null);
    }

    public InputException(InputProblem problem, Throwable cause) {
        this(List.of(problem), cause);
    }

    public List<InputProblem> problems() {
        return problems;
    }

    /** Every problem's description (an import job stores them for a page on any node). */
    @Override
    public List<String> problemTexts() {
        return problems.stream().map(InputProblem::describe).toList();
    }

    private static String message(List<InputProblem> problems) {
        String shown = problems.stream().limit(MESSAGE_LIMIT).map(InputProblem::describe)
                .collect(Collectors.joining("\n"));
        return problems.size() > MESSAGE_LIMIT
                ? shown + "\n……另有 " + (problems.size() - MESSAGE_LIMIT) + " 处问题"
                : shown;
    }
}
