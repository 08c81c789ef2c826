package org.jianhu.alert.handling;

import org.jianhu.alert.lifecycle.Level;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * How long an alert may stay unassigned before it goes to the regional lead
 * ({@code jianhu.escalation.*}), and who that lead is per region.
 */
@ConfigurationProperties("jianhu.escalation")
public record EscalationPolicy(@DefaultValue("24h") Duration redAfter, @DefaultValue("72h") Duration yellowAfter,
                               @DefaultValue("regional-lead") String defaultLead, Map<String, String> regionalLeads) {

    public Duration unassignedFor(Level level) {
        return level == Level.RED ? redAfter : yellowAfter;
    }

    public String leadOf(String region) {
        return region == null || regionalLeads == null ? defaultLead : regionalLeads.getOrDefault(region, defaultLead);
    }
}
