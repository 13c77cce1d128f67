package io.shizheng.platform;

import java.util.List;

/** Input that breaks a rule; answered as 422 problem+json naming each field, and nothing is changed. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "輸入有誤 / Invalid input"
                : problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).get());
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() { return problems; }

    /** Serializable: pages carry these through a redirect in the (database-stored) session. */
    public record FieldProblem(String field, String message) implements java.io.Serializable {
    }
}
