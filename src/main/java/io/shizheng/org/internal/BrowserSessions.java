package io.shizheng.org.internal;

import java.util.Map;
import java.util.Set;

import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The browser sessions of a user, kept by Spring Session in the database (so on every instance at once): a disabled
 * account's sessions end when it is disabled, as its API tokens stop working, rather than at the session's timeout.
 */
@Component
class BrowserSessions {

    private static final Logger log = LoggerFactory.getLogger(BrowserSessions.class);

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;
    private final AuditLog audit;

    BrowserSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions, AuditLog audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    /** Ends every open session of the user; returns how many there were. */
    int endAll(long userId, String username) {
        FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
        if (repository == null) {
            return 0;
        }
        Set<String> ids = repository.findByPrincipalName(username).keySet();
        ids.forEach(repository::deleteById);
        if (!ids.isEmpty()) {
            audit.record("org.user.sessions", userId, AuditAction.DELETE, Map.of("username", username, "sessions", ids.size()), null);
            log.info("Ended {} browser session(s) of disabled user {}", ids.size(), username);
        }
        return ids.size();
    }
}
