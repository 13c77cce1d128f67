package io.shizheng.platform;

/**
 * Outgoing e-mail through a transactional outbox: a message is stored in the same transaction as the
 * write that caused it and delivered by a scheduled job (once, whichever instance runs it), with retries.
 */
public interface Notifications {

    /** Queues an e-mail; {@code entityType}/{@code entityId} say what it is about (for the outbox page). */
    void email(String to, String subject, String body, String entityType, Object entityId);
}
