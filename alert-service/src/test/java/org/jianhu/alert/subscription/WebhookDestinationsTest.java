package org.jianhu.alert.subscription;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhooks go to public https destinations only, unless the operator allows one. */
class WebhookDestinationsTest {

    private final WebhookDestinations policy = new WebhookDestinations(List.of());

    @Test
    void internalAddressesAreRefusedHoweverTheyAreWritten() {
        for (String url : List.of("https://127.0.0.1/hook", "https://127.1/x", "https://2130706433/x",
                "https://0x7f000001/x", "https://0.0.0.0/x", "https://[::1]/x", "https://[::]/x",
                "https://169.254.169.254/latest/meta-data", "https://10.1.2.3/x", "https://172.16.0.1/x",
                "https://192.168.1.1/x", "https://100.64.0.1/x", "https://224.0.0.1/x", "https://255.255.255.255/x",
                "https://[::ffff:127.0.0.1]/x", "https://[::ffff:10.0.0.1]/x", "https://[fd00::1]/x",
                "https://[fe80::1]/x", "https://[ff02::1]/x")) {
            assertThat(policy.refusal(url, WebhookDestinations::dns)).as(url).isPresent();
        }
    }

    @Test
    void aNameThatResolvesInsideIsRefusedAsItsAddressWouldBe() {
        assertThat(policy.refusal("https://hooks.example.gov.cn/x", resolving("hooks.example.gov.cn", "10.0.0.7")))
                .hasValueSatisfying(refusal -> assertThat(refusal).startsWith("refused by policy"));
        assertThat(policy.refusal("https://rebound.example/x", resolving("rebound.example", "203.0.113.9", "127.0.0.1")))
                .as("any of its addresses").isPresent();
    }

    @Test
    void aPublicHttpsDestinationIsAllowedAndPlainHttpIsNot() {
        assertThat(policy.refusal("https://hooks.example.org/x", resolving("hooks.example.org", "93.184.216.34"))).isEmpty();
        assertThat(policy.refusal("http://hooks.example.org/x", resolving("hooks.example.org", "93.184.216.34")))
                .contains("url must be https");
    }

    @Test
    void onlyHttpWithAHostIsAUrlHere() {
        assertThat(policy.refusal("ftp://x/y", WebhookDestinations::dns)).isPresent();
        assertThat(policy.refusal("https://user:pass@hooks.example.org/x", resolving("hooks.example.org", "93.184.216.34")))
                .contains("url must not carry a user name or password");
        assertThat(policy.refusal("not a url", WebhookDestinations::dns)).isPresent();
    }

    @Test
    void theOperatorMayAllowChosenInternalDestinationsByNameAddressOrRange() {
        var allowing = new WebhookDestinations(List.of("intranet.example", "127.0.0.1", "10.20.0.0/16"));
        assertThat(allowing.refusal("http://127.0.0.1:8089/hook", WebhookDestinations::dns)).isEmpty();
        assertThat(allowing.refusal("http://intranet.example/hook", resolving("intranet.example", "10.9.9.9"))).isEmpty();
        assertThat(allowing.refusal("https://10.20.3.4/hook", WebhookDestinations::dns)).isEmpty();
        assertThat(allowing.refusal("https://10.21.3.4/hook", WebhookDestinations::dns)).isPresent();
    }

    private static Function<String, InetAddress[]> resolving(String host, String... addresses) {
        Map<String, String[]> table = Map.of(host, addresses);
        return name -> {
            String[] found = table.get(name);
            if (found == null) {
                throw new IllegalArgumentException("unknown " + name);
            }
            InetAddress[] resolved = new InetAddress[found.length];
            for (int i = 0; i < found.length; i++) {
                try {
                    resolved[i] = InetAddress.getByName(found[i]);
                } catch (UnknownHostException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
            return resolved;
        };
    }
}
