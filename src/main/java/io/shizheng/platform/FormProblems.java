package io.shizheng.platform;

import java.util.ArrayList;
import java.util.List;

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
