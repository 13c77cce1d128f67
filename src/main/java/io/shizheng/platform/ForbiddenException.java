package io.shizheng.platform;

/** The user is signed in but their role or agency scope does not cover this item; answered as 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
