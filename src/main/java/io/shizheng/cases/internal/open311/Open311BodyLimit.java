package io.shizheng.cases.internal.open311;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An Open311 POST larger than the container's form limit (2 MB by default) is answered 413 with the specification's
 * error array before anything reads it, as form and as multipart alike: a request holds a few thousand characters.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class Open311BodyLimit extends OncePerRequestFilter {

    static final String TOO_LARGE = "the request body is too large: a service request may not exceed the form limit";

    private final long limit;

    Open311BodyLimit(@Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize limit) {
        this.limit = limit.toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/open311/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (limit < 0 || request.getContentLengthLong() <= limit) {
            chain.doFilter(request, response);
            return;
        }
        ResponseEntity<String> error = Open311Format.error(HttpStatus.CONTENT_TOO_LARGE,
                request.getRequestURI().endsWith(".xml") ? "xml" : "json", List.of(TOO_LARGE));
        response.setStatus(error.getStatusCode().value());
        response.setContentType(error.getHeaders().getContentType().toString());
        response.setHeader("Connection", "close");   // the unread body is not worth swallowing
        response.getOutputStream().write(error.getBody().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
