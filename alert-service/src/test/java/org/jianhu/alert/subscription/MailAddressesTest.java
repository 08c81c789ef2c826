package org.jianhu.alert.subscription;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MailAddressesTest {

    @Test
    void anAddrSpecIsAnAddress() {
        for (String address : List.of("li@example.org", "li.na+alerts@jiwei.ningbo.gov.cn", "\"li na\"@example.org")) {
            assertThat(MailAddresses.fault(address)).as(address).isEmpty();
        }
    }

    @Test
    void anythingThatCouldWriteHeadersOrNameSomeoneElseIsRefused() {
        for (String address : List.of("a@b.c\r\nBcc: all@example.org", "Li Na <li@example.org>", "li@example.org, x@y.z",
                "li@", "@example.org", "li@localhost", "li..na@example.org", "li@-example.org",
                "x".repeat(250) + "@example.org", "li@exa mple.org")) {
            assertThat(MailAddresses.fault(address)).as(address).isPresent();
        }
    }
}
