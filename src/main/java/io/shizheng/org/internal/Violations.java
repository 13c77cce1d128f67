package io.shizheng.org.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.shizheng.platform.InvalidInputException;
import org.springframework.context.MessageSource;

/**
 * Broken rules, each named by its field and an i18n key, collected before anything is written.
 * The API answers them in both languages; a form shows them in the reader's language.
 */
final class Violations {

    static final Locale ZH_TW = Locale.forLanguageTag("zh-TW");

    record Violation(String field, String key, Object[] args) {
    }

    private final List<Violation> list = new ArrayList<>();

    Violations add(String field, String key, Object... args) {
        list.add(new Violation(field, key, args));
        return this;
    }

    boolean has(String field) {
        return list.stream().anyMatch(v -> v.field().equals(field));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    void throwIfAny(MessageSource messages) {
        if (!list.isEmpty()) {
            throw rejection(messages);
        }
    }

    Rejected rejection(MessageSource messages) {
        return new Rejected(List.copyOf(list), messages);
    }

    /** An InvalidInputException (so the API answers 422 naming each field) that keeps its keys for forms. */
    static final class Rejected extends InvalidInputException {

        private final transient List<Violation> violations;

        Rejected(List<Violation> violations, MessageSource messages) {
            super(violations.stream().map(v -> new FieldProblem(v.field(),
                    messages.getMessage(v.key(), v.args(), v.key(), ZH_TW) + " / "
                            + messages.getMessage(v.key(), v.args(), v.key(), Locale.ENGLISH))).toList());
            this.violations = violations;
        }

        /** The first message for each field, in the given language. */
        Map<String, String> byField(MessageSource messages, Locale locale) {
            Map<String, String> out = new LinkedHashMap<>();
            for (Violation v : violations) {
                out.putIfAbsent(v.field(), messages.getMessage(v.key(), v.args(), v.key(), locale));
            }
            return out;
        }
    }
}
