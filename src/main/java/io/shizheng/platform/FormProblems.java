package io.shizheng.platform;

import java.util.ArrayList;
import java.util.List;

import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Post/redirect/get for forms: the problems of a refused submission are flashed (through the database-stored
 * session, hence a serializable list) and the page redirected to lists them as {@code ${errors}}.
 */
public final class FormProblems {

    /** The flash attribute the pages read: a list of {@link InvalidInputException.FieldProblem}. */
    public static final String ATTRIBUTE = "errors";

    private FormProblems() {
    }

    /** The problems of a bound and validated form or request record, by field, with their (bilingual) messages. */
    public static List<InvalidInputException.FieldProblem> of(Errors errors) {
        List<InvalidInputException.FieldProblem> out = new ArrayList<>();
        for (FieldError e : errors.getFieldErrors()) {
            out.add(new InvalidInputException.FieldProblem(e.getField(), e.isBindingFailure() || e.getDefaultMessage() == null
                    ? MALFORMED : e.getDefaultMessage()));
        }
        errors.getGlobalErrors().forEach(e -> out.add(new InvalidInputException.FieldProblem(e.getObjectName(),
                e.getDefaultMessage() == null ? MALFORMED : e.getDefaultMessage())));
        return out;
    }

    /** A value that could not be read as its field's type. */
    public static final String MALFORMED = "格式不正確 / malformed";

    /** Flashes the problems of a form that broke its Bean Validation rules and answers the redirect to {@code path}. */
    public static String redirect(RedirectAttributes redirect, Errors errors, String path) {
        return redirect(redirect, of(errors), path);
    }

    /** Flashes the problems and answers the redirect to {@code path}. */
    public static String redirect(RedirectAttributes redirect, InvalidInputException e, String path) {
        return redirect(redirect, e.problems(), path);
    }

    public static String redirect(RedirectAttributes redirect, List<InvalidInputException.FieldProblem> problems, String path) {
        flash(redirect, problems);
        return "redirect:" + path;
    }

    /** Flashes the problems only, for a handler that picks its redirect afterwards. */
    public static void flash(RedirectAttributes redirect, InvalidInputException e) {
        flash(redirect, e.problems());
    }

    public static void flash(RedirectAttributes redirect, List<InvalidInputException.FieldProblem> problems) {
        redirect.addFlashAttribute(ATTRIBUTE, new ArrayList<>(problems));
    }
}
