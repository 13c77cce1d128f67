package io.shizheng.cases.internal.open311;

import java.util.List;

import org.springframework.http.HttpStatus;

/** An error the specification's way: status and descriptions. */
final class Open311Error extends RuntimeException {
    final HttpStatus status;
    final List<String> descriptions;

    Open311Error(HttpStatus status, String... descriptions) {
        this(status, List.of(descriptions));
    }

    Open311Error(HttpStatus status, List<String> descriptions) {
        super(String.join("; ", descriptions));
        this.status = status;
        this.descriptions = descriptions;
    }
}
