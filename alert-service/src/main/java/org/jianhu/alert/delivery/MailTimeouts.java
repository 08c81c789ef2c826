package org.jianhu.alert.delivery;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * JavaMail waits for ever unless told otherwise: a mail server that accepts and never answers would hold a worker
 * until its lease ran out, and then the next one. Connecting, and every read and write of a mail, is bounded by
 * {@code jianhu.delivery.timeout}, unless {@code spring.mail.properties} says otherwise.
 */
@Component
class MailTimeouts implements BeanPostProcessor {

    private final Duration timeout;

    /** Post-processors come before the beans they process: the timeout is read from the settings themselves. */
    MailTimeouts(Environment environment) {
        this.timeout = Binder.get(environment).bindOrCreate("jianhu.delivery", DeliveryPolicy.class).timeout();
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof JavaMailSenderImpl sender) {
            Properties properties = sender.getJavaMailProperties();
            for (String bound : List.of("connectiontimeout", "timeout", "writetimeout")) {
                properties.putIfAbsent("mail." + sender.getProtocol() + "." + bound,
                        Long.toString(timeout.toMillis()));
            }
        }
        return bean;
    }
}
