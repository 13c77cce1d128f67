package io.shizheng.platform;

/** Something asked for does not exist; answered as 404 problem+json. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
