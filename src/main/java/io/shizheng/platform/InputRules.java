package io.shizheng.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * The Bean Validation rules of a request or form record (its annotations, with bilingual messages), as the list of
 * problems a service starts from: it adds its cross-field and database rules to the same list and refuses them
 * together, so the API (422) and a form (flashed messages) name every field at once.
 */
public final class InputRules {

    private final Validator validator;

    public InputRules(Validator validator) {
        this.validator = validator;
    }

    /** The problems of the record's annotations, by field path (e.g. {@code goals[0].code}), in a stable order. */
    public List<InvalidInputException.FieldProblem> problems(Object record) {
        List<InvalidInputException.FieldProblem> out = new ArrayList<>();
        if (record == null) {
            out.add(new InvalidInputException.FieldProblem("body", "請提供內容 / the request has no content"));
            return out;
        }
        List<String> order = record.getClass().isRecord() ? java.util.Arrays.stream(record.getClass().getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).toList() : List.of();
        validator.validate(record).stream()
                .sorted(Comparator.comparingInt((ConstraintViolation<Object> v) -> position(order, v))
                        .thenComparing(v -> v.getPropertyPath().toString()).thenComparing(ConstraintViolation::getMessage))
                .forEach(v -> out.add(new InvalidInputException.FieldProblem(v.getPropertyPath().toString(), v.getMessage())));
        return out;
    }

    /** The record's own order of fields (as its components are declared), so messages read as the form does. */
    private static int position(List<String> order, ConstraintViolation<Object> v) {
        String first = v.getPropertyPath().iterator().hasNext() ? v.getPropertyPath().iterator().next().getName() : null;
        int i = order.indexOf(first);
        return i < 0 ? order.size() : i;
    }

    /** Refuses the record if it breaks any of its annotations. */
    public void check(Object record) {
        List<InvalidInputException.FieldProblem> problems = problems(record);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
