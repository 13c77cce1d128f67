package io.shizheng.platform.internal;

import java.util.List;

import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.DemoMode;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.TooManyAttemptsException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every page's missing item, foreign agency's item or bad input answered with the one error page, in the layout,
 * with its real status and the bilingual message of the exception. API controllers keep problem+json:
 * {@link ProblemAdvice} comes first for them.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblemAdvice {

    private final DemoMode demoMode;

    PageProblemAdvice(DemoMode demoMode) {
        this.demoMode = demoMode;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden(ForbiddenException e) {
        return page(HttpStatus.FORBIDDEN, e.getMessage(), List.of());
    }

    /** A bad query parameter of a page is a bad request; bad form content is unprocessable. */
    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e, HttpServletRequest request) {
        boolean read = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
        // one problem is said by the message; several are listed one a line
        String message = e.problems().size() > 1 ? "輸入有誤，請修正下列各項 / Invalid input; correct each of these" : e.getMessage();
        return page(read ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT, message, e.problems());
    }

    /** A form record (@Valid, without a BindingResult of its own) breaking its annotations: listed like any bad input. */
    @ExceptionHandler(org.springframework.web.bind.MethodArgumentNotValidException.class)
    ModelAndView invalidForm(org.springframework.web.bind.MethodArgumentNotValidException e, HttpServletRequest request) {
        return invalid(new InvalidInputException(io.shizheng.platform.FormProblems.of(e.getBindingResult())), request);
    }

    @ExceptionHandler(TooManyAttemptsException.class)
    ModelAndView tooMany(TooManyAttemptsException e, jakarta.servlet.http.HttpServletResponse response) {
        response.setHeader(org.springframework.http.HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        return page(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), List.of());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ModelAndView badRequest(IllegalArgumentException e) {
        return page(HttpStatus.BAD_REQUEST, e.getMessage(), List.of());
    }

    static final String NOT_MULTIPART = "檔案須以 multipart/form-data 上傳 / send the file as multipart/form-data";

    @ExceptionHandler(MultipartException.class)
    ModelAndView notMultipart(MultipartException e) {
        return e instanceof MaxUploadSizeExceededException
                ? page(HttpStatus.PAYLOAD_TOO_LARGE, "檔案太大 / the file is too large", List.of())
                : page(HttpStatus.BAD_REQUEST, NOT_MULTIPART, List.of());
    }

    private ModelAndView page(HttpStatus status, String message, List<InvalidInputException.FieldProblem> problems) {
        ModelAndView mv = new ModelAndView("error");
        mv.setStatus(status);
        mv.addObject("status", status.value());
        mv.addObject("error", status.getReasonPhrase());
        mv.addObject("message", message);
        mv.addObject("problems", problems);
        // exception handlers get a fresh model: the layout's attributes are added here
        mv.addObject("me", CurrentUser.get().orElse(null));
        mv.addObject("demoMode", demoMode);
        return mv;
    }
}
