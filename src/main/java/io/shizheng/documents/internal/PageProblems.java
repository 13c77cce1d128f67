package io.shizheng.documents.internal;

import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The module's pages answer a missing item, a foreign agency's item or a bad parameter with a page saying so. */
@ControllerAdvice(assignableTypes = {DocumentPages.class, InspectionPages.class})
class PageProblems {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFoundException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "documents/problem";
    }

    @ExceptionHandler(ForbiddenException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(ForbiddenException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "documents/problem";
    }

    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    String invalid(InvalidInputException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "documents/problem";
    }
}
