package org.jianhu.alert.destination;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Where deliveries may go: judged over the URL as written and over every address its host resolved to. */
class DestinationPolicyTest {

    private final DestinationPolicy strict = DestinationPolicy.of(false, List.of());

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1               | a loopback address
            127.255.255.254         | a loopback address
            ::1                     | a loopback address
            10.1.2.3                | a private address (RFC 1918)
            172.16.0.1              | a private address (RFC 1918)
            172.31.255.255          | a private address (RFC 1918)
            192.168.1.1             | a private address (RFC 1918)
            169.254.169.254         | a link-local address
            fe80::1                 | a link-local address
            febf::1                 | a link-local address
            100.64.0.1              | a shared address (carrier-grade NAT)
            100.127.255.255         | a shared address (carrier-grade NAT)
            224.0.0.1               | a multicast address
            239.255.255.250         | a multicast address
            ff02::1                 | a multicast address
            0.0.0.0                 | the unspecified address
            ::                      | the unspecified address
            0.1.2.3                 | a reserved address (this network)
            255.255.255.255         | the broadcast address
            240.0.0.1               | a reserved address
            192.0.0.8               | a reserved address (IETF protocol assignments)
            198.18.0.1              | a reserved address (benchmarking)
            fc00::1                 | a unique local address
            fd12:3456:789a::1       | a unique local address
            fec0::1                 | a site-local address
            ::ffff:127.0.0.1        | a loopback address
            ::ffff:169.254.169.254  | a link-local address
            ::ffff:10.0.0.1         | a private address (RFC 1918)
            ::ffff:7f00:1           | a loopback address
            ::127.0.0.1             | a loopback address
            64:ff9b::a9fe:a9fe      | a link-local address
            2002:c0a8:0101::1       | a private address (RFC 1918)
            2130706433              | a loopback address
            127.1                   | a loopback address
            127.0.1                 | a loopback address
            0                       | the unspecified address
            10.1                    | a private address (RFC 1918)
            """)
    void everyAddressThatIsNotThePublicInternetIsRefused(String written, String kind) throws Exception {
        Optional<String> refusal = strict.addressRefusal(written, resolved(written));

        assertThat(refusal).contains("url reaches " + kind + ", which deliveries may not");
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.10", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.15.255.255", "172.32.0.1",
            "169.253.255.255", "2001:db8::1", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"})
    void publicAddressesMayBeReached(String written) throws Exception {
        assertThat(strict.addressRefusal(written, resolved(written))).isEmpty();
    }

    @Test
    void oneInternalAddressAmongTheResolvedOnesRefusesTheHost() throws Exception {
        List<InetAddress> rebinding = List.of(InetAddress.getByName("203.0.113.7"), InetAddress.getByName("127.0.0.1"));

        assertThat(strict.addressRefusal("hooks.example.org", rebinding)).contains(
                "url reaches a loopback address, which deliveries may not");
        assertThat(strict.addressRefusal("hooks.example.org", List.of())).contains("url's host has no address");
    }

    @Test
    void theOperatorsAllowListLetsNamedHostsAndRangesThrough() throws Exception {
        DestinationPolicy allowing = DestinationPolicy.of(true, List.of("127.0.0.1/32", "10.8.0.0/16",
                "Hooks.Intra", "fd00::/8"));

        assertThat(allowing.addressRefusal("127.0.0.1", resolved("127.0.0.1"))).isEmpty();
        assertThat(allowing.addressRefusal("10.8.3.4", resolved("10.8.3.4"))).isEmpty();
        assertThat(allowing.addressRefusal("fd00::5", resolved("fd00::5"))).isEmpty();
        assertThat(allowing.addressRefusal("hooks.intra", resolved("192.168.7.7"))).isEmpty();
        assertThat(allowing.addressRefusal("127.0.0.2", resolved("127.0.0.2"))).isPresent();
        assertThat(allowing.addressRefusal("10.9.0.1", resolved("10.9.0.1"))).isPresent();
        assertThat(allowing.addressRefusal("other.intra", resolved("192.168.7.7"))).isPresent();
    }

    @Test
    void onlyHttpsUnlessTheOperatorAllowsHttp() {
        assertThat(strict.urlRefusal(URI.create("https://hooks.example.org/x"), List.of())).isEmpty();
        assertThat(strict.urlRefusal(URI.create("http://hooks.example.org/x"), List.of()))
                .contains("url must be an https URL");
        assertThat(strict.urlRefusal(URI.create("ftp://hooks.example.org/x"), List.of()))
                .contains("url must be an https URL");
        assertThat(strict.urlRefusal(URI.create("file:///etc/passwd"), List.of())).contains("url must be an https URL");
        DestinationPolicy http = DestinationPolicy.of(true, List.of());
        assertThat(http.urlRefusal(URI.create("http://hooks.example.org/x"), List.of())).isEmpty();
        assertThat(http.urlRefusal(URI.create("gopher://hooks.example.org/x"), List.of()))
                .contains("url must be an http(s) URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://2130706433/", "https://127.1/", "https://0177.0.0.1/", "https://0x7f.0.0.1/",
            "https://0x7f000001/", "https://017700000001/", "https://127.0.0.01/", "https://1.2.3.4.5/",
            "https://256.1.1.1/"})
    void anAddressInAnOddSpellingIsRefusedAsWritten(String url) {
        // the JDK's URI takes some of them for no host at all (a last label must start with a letter)
        assertThat(strict.urlRefusal(URI.create(url), List.of())).hasValueSatisfying(refusal -> assertThat(refusal).isIn(
                "url names an IP address in an unusual spelling; write it as four decimal numbers a.b.c.d",
                "url must name a host"));
    }

    @Test
    void aUrlNamesAHostWithoutCredentialsAndARobotsHostIsItsVendors() {
        assertThat(strict.urlRefusal(URI.create("https:///x"), List.of())).contains("url must name a host");
        assertThat(strict.urlRefusal(URI.create("https://a_b.example/x"), List.of())).contains("url must name a host");
        assertThat(strict.urlRefusal(URI.create("https://me:pw@hooks.example.org/x"), List.of()))
                .contains("url must not carry a user name or password");
        assertThat(strict.urlRefusal(URI.create("https://oapi.dingtalk.com/robot/send?access_token=t"),
                List.of("oapi.dingtalk.com"))).isEmpty();
        assertThat(strict.urlRefusal(URI.create("https://evil.example/robot/send?access_token=t"),
                List.of("oapi.dingtalk.com", "dingtalk.zj.gov.cn"))).contains(
                "url must be on oapi.dingtalk.com or dingtalk.zj.gov.cn");
        assertThat(strict.urlRefusal(URI.create("https://93.184.216.34/x"), List.of())).isEmpty();
        assertThat(strict.urlRefusal(URI.create("https://[::1]/x"), List.of())).isEmpty();
    }

    /** As the delivery resolves a host: through the JDK, whatever the spelling. */
    private static List<InetAddress> resolved(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
