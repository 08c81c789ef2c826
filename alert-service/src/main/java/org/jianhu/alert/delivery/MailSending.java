package org.jianhu.alert.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.alert.subscription.Channel;
import org.jianhu.alert.subscription.Subscription;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** Mails the notice to the subscription's address; without {@code spring.mail.host} every try fails. */
@Component
class MailSending implements Sending {

    private final ObjectProvider<JavaMailSender> mail;
    private final ObjectMapper json;
    private final DeliveryPolicy policy;

    MailSending(ObjectProvider<JavaMailSender> mail, ObjectMapper json, DeliveryPolicy policy) {
        this.mail = mail;
        this.json = json;
        this.policy = policy;
    }

    @Override
    public String channel() {
        return Channel.MAIL.wireName();
    }

    @Override
    public String send(Delivery delivery, Subscription subscription) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new DeliveryFailed("no mail server configured (spring.mail.host)", null);
        }
        AlertNotice notice = read(delivery.payload());
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(policy.mailFrom());
        message.setTo(subscription.address());
        message.setSubject(subject(notice));
        message.setText(text(notice));
        try {
            sender.send(message);
        } catch (MailException refused) {
            throw new DeliveryFailed("mail not sent: " + refused.getMessage(), refused);
        }
        return "mailed to " + subscription.address();
    }

    static String subject(AlertNotice notice) {
        String project = notice.projectCode() == null ? notice.projectId()
                : notice.projectCode() + (notice.projectTitle() == null ? "" : " " + notice.projectTitle());
        return "[Jianhu] " + notice.level() + " " + notice.ruleId() + " " + project + " (" + notice.step() + ")";
    }

    private static String text(AlertNotice notice) {
        return String.join("\n", "预警 " + notice.level() + " — " + notice.ruleId() + " v" + notice.ruleVersion(),
                "project: " + notice.projectId() + (notice.projectCode() == null ? "" : " " + notice.projectCode())
                        + (notice.projectTitle() == null ? "" : " " + notice.projectTitle()),
                "region: " + (notice.region() == null ? "unknown" : notice.region()),
                "step: " + notice.step() + ", status: " + notice.status(),
                notice.explanationZh() == null ? "" : notice.explanationZh(),
                notice.explanationEn() == null ? "" : notice.explanationEn(),
                "alert: " + notice.alertId());
    }

    private AlertNotice read(String payload) {
        try {
            return json.readValue(payload, AlertNotice.class);
        } catch (IOException unreadable) {
            throw new IllegalStateException("queued notice is not readable", unreadable);
        }
    }
}
