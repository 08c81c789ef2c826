package org.jianhu.alert.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jianhu.alert.subscription.Channel;
import org.jianhu.alert.subscription.Subscription;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Mails the notice to the subscription's address; without {@code spring.mail.host} every try fails. */
@Component
class MailSending implements Sending {

    private static final Logger log = LoggerFactory.getLogger(MailSending.class);

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
        AlertNotice notice = delivery.notice(json);
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(policy.mailFrom());
        message.setTo(subscription.address());
        message.setSubject(subject(notice));
        message.setText(text(notice));
        try {
            sender.send(message);
        } catch (MailException refused) {
            log.debug("mail to subscription {} not sent", subscription.id(), refused);
            throw new DeliveryFailed("mail not sent", refused);
        }
        return "mailed to " + subscription.address();
    }

    static String subject(AlertNotice notice) {
        return "[Jianhu] " + notice.level() + " " + notice.ruleId() + " " + notice.projectName() + " ("
                + notice.step() + ")";
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
}
