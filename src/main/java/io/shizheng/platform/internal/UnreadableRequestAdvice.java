package io.shizheng.platform.internal;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A multipart body that cannot be parsed fails before any handler is chosen, so neither {@link ProblemAdvice} nor
 * {@link PageProblemAdvice} (both selected by the handler's controller) is asked: this advice, for no controller in
 * particular, answers it as they would (problem+json under /api/, the error page elsewhere) instead of a 500.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnreadableRequestAdvice {

    private final PageProblemAdvice pages;

    UnreadableRequestAdvice(PageProblemAdvice pages) {
        this.pages = pages;
    }

    @ExceptionHandler(MultipartException.class)
    Object unreadable(MultipartException e, HttpServletRequest request) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return pages.notMultipart(e);
        }
        boolean tooLarge = e instanceof MaxUploadSizeExceededException;
        HttpStatus status = tooLarge ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, tooLarge ? "檔案太大 / the file is too large"
                : "無法讀取 multipart/form-data 內容 / the multipart/form-data body could not be read");
        p.setTitle("請求有誤 / Bad request");
        p.setType(URI.create("https://shizheng.io/problems/" + status.value()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
