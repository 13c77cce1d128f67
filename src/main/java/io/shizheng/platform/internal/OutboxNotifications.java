package io.shizheng.platform.internal;

import java.util.List;

import io.shizheng.platform.Jurisdiction;
import io.shizheng.platform.Notifications;
import jakarta.mail.internet.MimeMessage;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The e-mail outbox: queued with the write, sent by one instance at a time, retried with a cap. */
@Service
class OutboxNotifications implements Notifications {

    private static final Logger log = LoggerFactory.getLogger(OutboxNotifications.class);
    static final int MAX_ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final Jurisdiction jurisdiction;

    OutboxNotifications(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, Jurisdiction jurisdiction) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.jurisdiction = jurisdiction;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void email(String to, String subject, String body, String entityType, Object entityId) {
        if (to == null || to.isBlank()) {
            return;
        }
        jdbc.sql("""
                insert into platform_outbox(to_address, subject, body, entity_type, entity_id)
                values (?, ?, ?, ?, ?)""")
                .params(to.trim(), subject, body, entityType, entityId == null ? null : String.valueOf(entityId)).update();
    }

    record Pending(long id, String to, String subject, String body, int attempts) {
    }

    @Scheduled(fixedDelayString = "${shizheng.mail.dispatch-interval:PT30S}")
    @SchedulerLock(name = "platform.outbox", lockAtMostFor = "PT5M", lockAtLeastFor = "PT0S")
    public void dispatchScheduled() {
        dispatch();
    }

    /** Sends what is queued; without an SMTP server configured, messages wait in the outbox. */
    int dispatch() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        List<Pending> batch = jdbc.sql("""
                select id, to_address, subject, body, attempts from platform_outbox
                where status = 'PENDING' and attempts < ? order by id limit 100""").param(MAX_ATTEMPTS)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5))).list();
        int sent = 0;
        for (Pending p : batch) {
            try {
                MimeMessage message = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
                helper.setFrom(jurisdiction.mailFrom(), jurisdiction.government());
                helper.setTo(p.to());
                helper.setSubject(p.subject());
                helper.setText(p.body());
                sender.send(message);
                jdbc.sql("update platform_outbox set status = 'SENT', sent_at = now(), attempts = attempts + 1 where id = ?")
                        .param(p.id()).update();
                sent++;
            } catch (Exception e) {
                log.warn("E-mail {} to {} failed: {}", p.id(), p.to(), e.getMessage());
                jdbc.sql("""
                        update platform_outbox set attempts = attempts + 1, last_error = ?,
                          status = case when attempts + 1 >= ? then 'FAILED' else 'PENDING' end where id = ?""")
                        .params(String.valueOf(e.getMessage()), MAX_ATTEMPTS, p.id()).update();
            }
        }
        return sent;
    }
}
