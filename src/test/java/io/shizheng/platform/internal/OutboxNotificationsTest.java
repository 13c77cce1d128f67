package io.shizheng.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.shizheng.platform.Notifications;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** E-mail goes out through the outbox to a real (in-process) SMTP server, once, and rolls back with its write. */
@SpringBootTest(properties = {"shizheng.data-dir=target/test-data-mail", "shizheng.embedded-db.clean=true", "shizheng.demo.scale=0.02",
        "spring.mail.host=127.0.0.1", "spring.mail.port=3025", "shizheng.mail.dispatch-interval=PT1H"})
class OutboxNotificationsTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    Notifications notifications;

    @Autowired
    OutboxNotifications outbox;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Test
    void queuedMailIsSentOnceWithChineseIntact() throws Exception {
        // A database server may hold other tests' queued mail too: follow this one message by its address.
        String to = "outbox-test-" + System.nanoTime() + "@demo.shizheng.invalid";
        tx.executeWithoutResult(s -> notifications.email(to, "逾期提醒：案件 A-1", "您的案件已逾期 2 個工作天。", "test", 1));
        while (outbox.dispatch() > 0) {
            // drain whatever is queued
        }
        assertThat(outbox.dispatch()).as("nothing is sent twice").isZero();
        MimeMessage[] received = smtp.getReceivedMessagesForDomain(to);
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("逾期提醒：案件 A-1");
        assertThat(((String) received[0].getContent()).trim()).isEqualTo("您的案件已逾期 2 個工作天。");
        assertThat(jdbc.sql("select status from platform_outbox where to_address = ?").param(to).query(String.class).single())
                .isEqualTo("SENT");
    }

    @Test
    void aRolledBackWriteSendsNothing() {
        long before = jdbc.sql("select count(*) from platform_outbox").query(Long.class).single();
        try {
            tx.executeWithoutResult(s -> {
                notifications.email("x@demo.shizheng.invalid", "s", "b", "test", 2);
                throw new IllegalStateException("the write failed");
            });
        } catch (IllegalStateException expected) {
            // the write and its e-mail go together
        }
        assertThat(jdbc.sql("select count(*) from platform_outbox").query(Long.class).single()).isEqualTo(before);
    }
}
