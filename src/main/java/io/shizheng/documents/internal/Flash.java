package io.shizheng.documents.internal;

import java.io.Serializable;
import java.util.List;

import io.shizheng.platform.InvalidInputException;

/** A problem carried across a redirect: sessions live in the database, so flash attributes must be serializable. */
record Flash(String field, String message) implements Serializable {

    static List<Flash> of(List<InvalidInputException.FieldProblem> problems) {
        return problems.stream().map(p -> new Flash(p.field(), p.message())).toList();
    }
}
