package org.jianhu.alert.subscription;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jianhu.alert.lifecycle.Level;
import org.jianhu.servicesupport.input.InputPolicy;
import org.jianhu.servicesupport.input.InvalidInput;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a supervisor asks for: the filter (each part optional; {@code level} the lowest colour) and where to.
 * {@code url} for a webhook or a group robot, {@code secret} to sign with (a webhook's, required; a DingTalk
 * robot's 加签 secret, if it uses one), {@code address} for mail. Fields another channel needs are ignored.
 */
@Schema(name = "SubscriptionRequest")
public record SubscriptionRequest(String region, String project, String level, String rule,
                                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String channel, String url,
                                  String secret, String address) {

    static final int URL_LENGTH = 2_000;

    /** Refuses, naming the field, what the input policy or the channel does not allow; answers the channel. */
    Channel checkedChannel() {
        Channel chosen = Channel.of(channel).orElseThrow(() -> new InvalidInput("channel",
                "channel must be " + Channel.names()));
        if (given(region)) {
            InvalidInput.refuseIf("region", InputPolicy.name("region", region));
        }
        if (given(project)) {
            InvalidInput.refuseIf("project", InputPolicy.identifier("project", project.trim()));
        }
        if (given(rule)) {
            InvalidInput.refuseIf("rule", InputPolicy.identifier("rule", rule.trim()));
        }
        minimumLevel();
        if (chosen.sentToUrl()) {
            InvalidInput.refuseIf("url", urlFault());
        }
        if (chosen == Channel.WEBHOOK || chosen.signed() && secret != null) {
            InvalidInput.refuseIf("secret", InputPolicy.name("secret", secret)
                    .map(fault -> fault + (chosen == Channel.WEBHOOK ? " for a webhook, to sign its deliveries" : "")));
        }
        if (chosen == Channel.MAIL) {
            InvalidInput.refuseIf("address", MailAddresses.fault("address", address));
        }
        return chosen;
    }

    /** The lowest colour that matches, as stored, or none. */
    String minimumLevel() {
        if (!given(level)) {
            return null;
        }
        return Arrays.stream(Level.values()).map(Level::name).filter(name -> name.equalsIgnoreCase(level.trim()))
                .findFirst().orElseThrow(() -> new InvalidInput("level", "level must be green, yellow or red"));
    }

    String regionOrNull() {
        return blankToNull(region);
    }

    String projectOrNull() {
        return blankToNull(project);
    }

    String ruleOrNull() {
        return blankToNull(rule);
    }

    private Optional<String> urlFault() {
        if (!given(url)) {
            return Optional.of("url is required: where the alerts are posted");
        }
        if (url.length() > URL_LENGTH) {
            return Optional.of("url must be at most " + URL_LENGTH + " characters, not " + url.length());
        }
        return InputPolicy.unprintable("url", url, false);
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    private static String blankToNull(String value) {
        return given(value) ? value.trim() : null;
    }
}
