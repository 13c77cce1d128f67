package io.shizheng.platform.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.TooManyAttemptsException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every API error as RFC 9457 problem+json with a message a person can act on (before the pages' advice). */
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ProblemAdvice extends ResponseEntityExceptionHandler {

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "找不到 / Not found", e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "權限不足 / Forbidden", e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return invalidInput(e);
    }

    static ProblemDetail invalidInput(InvalidInputException e) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "輸入有誤 / Invalid input", e.getMessage());
        List<Map<String, String>> errors = e.problems().stream()
                .map(x -> Map.of("field", x.field(), "message", x.message())).toList();
        p.setProperty("errors", errors);
        return p;
    }

    /** A request body or parameters breaking their Bean Validation rules: 422 naming each field, as the services do. */
    @Override
    protected org.springframework.http.ResponseEntity<Object> handleMethodArgumentNotValid(
            org.springframework.web.bind.MethodArgumentNotValidException ex, org.springframework.http.HttpHeaders headers,
            org.springframework.http.HttpStatusCode status, org.springframework.web.context.request.WebRequest request) {
        ProblemDetail p = invalidInput(new InvalidInputException(io.shizheng.platform.FormProblems.of(ex.getBindingResult())));
        if (ex.getBindingResult().getFieldErrors().stream().allMatch(org.springframework.validation.FieldError::isBindingFailure)
                && !ex.getBindingResult().hasGlobalErrors()) {
            // only values that could not be read as their type (query parameters bound to a record): malformed, as for
            // a single parameter
            p.setStatus(HttpStatus.BAD_REQUEST);
            p.setTitle("請求有誤 / Bad request");
            p.setType(URI.create("https://shizheng.io/problems/400"));
            return handleExceptionInternal(ex, p, headers, HttpStatus.BAD_REQUEST, request);
        }
        return handleExceptionInternal(ex, p, headers, HttpStatus.UNPROCESSABLE_CONTENT, request);
    }

    @Override
    protected org.springframework.http.ResponseEntity<Object> handleHandlerMethodValidationException(
            org.springframework.web.method.annotation.HandlerMethodValidationException ex,
            org.springframework.http.HttpHeaders headers, org.springframework.http.HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        List<InvalidInputException.FieldProblem> problems = new java.util.ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(e -> problems.add(
                new InvalidInputException.FieldProblem(r.getMethodParameter().getParameterName(), e.getDefaultMessage()))));
        ProblemDetail p = invalidInput(new InvalidInputException(problems));
        return handleExceptionInternal(ex, p, headers, HttpStatus.UNPROCESSABLE_CONTENT, request);
    }

    /** JSON that cannot be read: 400, naming the field where the reading stopped when there is one. */
    @Override
    protected org.springframework.http.ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException ex, org.springframework.http.HttpHeaders headers,
            org.springframework.http.HttpStatusCode status, org.springframework.web.context.request.WebRequest request) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "請求有誤 / Bad request", "請求內容無法解讀 / the request body could not be read");
        for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
            if (t instanceof tools.jackson.core.JacksonException d && !d.getPath().isEmpty()) {
                String field = field(d);
                String message = d.getOriginalMessage() != null && d.getOriginalMessage().contains(" / ")
                        ? d.getOriginalMessage() : io.shizheng.platform.FormProblems.MALFORMED;
                p.setDetail(field + ": " + message);
                p.setProperty("errors", List.of(Map.of("field", field, "message", message)));
                break;
            }
        }
        return handleExceptionInternal(ex, p, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(TooManyAttemptsException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> tooMany(TooManyAttemptsException e) {
        return org.springframework.http.ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(org.springframework.http.HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "請稍後再試 / Too many attempts", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "請求有誤 / Bad request", e.getMessage());
    }

    /** A file upload sent as something else than multipart/form-data (too large is answered 413 by the base class). */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ProblemDetail notMultipart(org.springframework.web.multipart.MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "請求有誤 / Bad request", PageProblemAdvice.NOT_MULTIPART);
    }

    @Override
    protected org.springframework.http.ResponseEntity<Object> handleTypeMismatch(
            org.springframework.beans.TypeMismatchException ex, org.springframework.http.HttpHeaders headers,
            org.springframework.http.HttpStatusCode status, org.springframework.web.context.request.WebRequest request) {
        String name = ex.getPropertyName() != null ? ex.getPropertyName()
                : ex instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m ? m.getName() : "?";
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "請求有誤 / Bad request",
                "參數 " + name + " 的值「" + ex.getValue() + "」格式不正確 / parameter '" + name + "' has a malformed value");
        p.setProperty("errors", List.of(Map.of("field", name, "message", "格式不正確 / malformed")));
        return handleExceptionInternal(ex, p, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** The JSON path of the field, as the request's own names: goals[0].code. */
    private static String field(tools.jackson.core.JacksonException d) {
        StringBuilder out = new StringBuilder();
        for (tools.jackson.core.JacksonException.Reference r : d.getPath()) {
            if (r.getPropertyName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "body" : out.toString();
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("https://shizheng.io/problems/" + status.value()));
        return p;
    }
}
