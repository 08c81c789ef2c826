package org.jianhu.alert.destination;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * The operator's word on where deliveries may go ({@code jianhu.webhooks.*}): whether plain {@code http} is
 * allowed, which internal hosts, addresses or CIDR ranges may be reached all the same, and the hosts of the
 * group-robot vendors (a 浙政钉 deployment has its own DingTalk host).
 */
@ConfigurationProperties("jianhu.webhooks")
public record WebhookSettings(@DefaultValue("false") boolean allowHttp, @DefaultValue List<String> allowedHosts,
                              @DefaultValue("oapi.dingtalk.com") List<String> dingtalkHosts,
                              @DefaultValue("qyapi.weixin.qq.com") List<String> wecomHosts) {

    public DestinationPolicy policy() {
        return DestinationPolicy.of(allowHttp, allowedHosts);
    }
}
