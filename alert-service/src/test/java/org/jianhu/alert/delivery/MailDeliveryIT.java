package org.jianhu.alert.delivery;

import org.jianhu.alert.support.AlertIT;
import org.jianhu.alert.support.SmtpInbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jianhu.alert.support.SignalFeed.about;
import static org.jianhu.alert.support.SignalFeed.raised;

/** A mail subscription gets one mail per alert change it matches, its subject naming level, rule and project. */
@TestPropertySource(properties = "jianhu.delivery.poll-interval-ms=50")
class MailDeliveryIT extends AlertIT {

    static final SmtpInbox INBOX = open();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", INBOX::port);
    }

    @AfterAll
    static void closeInbox() throws IOException {
        INBOX.close();
    }

    @Test
    void aMatchingAlertIsMailedWithLevelRuleAndProjectInTheSubject() throws Exception {
        UUID subscription = subscribe("sup-mail", Map.of("region", "Haishu", "channel", "mail",
                "address", "li@example.org"));
        feed.publish(about(raised(UUID.randomUUID(), "p-mail", "RED"), "Haishu", "sup-li"),
                about(raised(UUID.randomUUID(), "p-elsewhere", "RED"), "Beilun", "sup-li"));

        await().atMost(Duration.ofSeconds(20)).until(() -> INBOX.mails().size() == 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> INBOX.mails().size() == 1);
        SmtpInbox.Mail mail = INBOX.mails().get(0);
        assertThat(mail.recipients()).containsExactly("li@example.org");
        assertThat(mail.header("Subject")).isEqualTo("[Jianhu] RED R01 C-p-mail Bridge p-mail (raised)");
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                "SELECT status FROM delivery WHERE subscription_id = ?", String.class, subscription).equals("delivered"));
    }

    private static SmtpInbox open() {
        try {
            return new SmtpInbox();
        } catch (IOException unavailable) {
            throw new IllegalStateException("no port for the test inbox", unavailable);
        }
    }
}
