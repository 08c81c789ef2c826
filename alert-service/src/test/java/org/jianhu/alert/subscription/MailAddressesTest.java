package org.jianhu.alert.subscription;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A mail address is one RFC 5322 addr-spec: nothing that could add a header, a name or a second recipient. */
class MailAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"li@example.org", "li.wang+alerts@haishu.gov.cn", "a!#$%&'*+-/=?^_`{|}~@example.org",
            "\"li wang\"@example.org", "\"a\\\"b\"@example.org", "x@xn--fiqs8s.cn", "a@b-c.d-e.org"})
    void plainAddressesAreTaken(String address) {
        assertThat(MailAddresses.fault("address", address)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Li Wang <li@example.org>", "<li@example.org>", "li@example.org, wang@example.org",
            "group: li@example.org;", "li(comment)@example.org", "li..wang@example.org", ".li@example.org",
            "li.@example.org", "li wang@example.org", "li@[127.0.0.1]", "li@localhost", "li@-example.org",
            "li@example-.org", "li@example..org", "li@example.org.", "li@exa_mple.org", "王@例子.中国", "li@",
            "@example.org", "li", "\"unclosed@example.org", "li@example.org>"})
    void namesGroupsCommentsAndMalformedAddressesAreRefusedNamingTheField(String address) {
        assertThat(MailAddresses.fault("address", address)).hasValueSatisfying(fault -> assertThat(fault)
                .startsWith("address must be one plain mail address like li@example.org"));
    }

    @Test
    void lineBreaksAndOtherControlCharactersCannotSmuggleInAHeader() {
        assertThat(MailAddresses.fault("address", "a@b.c\r\nBcc: everyone@example.org")).contains(
                "address must not contain control characters; found U+000D at position 6");
        assertThat(MailAddresses.fault("address", "a@b.c\nBcc: x@y.z")).isPresent();
        assertThat(MailAddresses.fault("address", "a\u0000@b.c")).isPresent();
    }

    @Test
    void anAddressIsAtMost254Characters() {
        String local = "a".repeat(64);
        String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".org";
        assertThat((local + "@" + domain).length()).isEqualTo(254);

        assertThat(MailAddresses.fault("address", local + "@" + domain)).isEmpty();
        assertThat(MailAddresses.fault("address", local + "@e" + domain)).contains(
                "address must be at most 254 characters, not 255");
        assertThat(MailAddresses.fault("address", "a".repeat(65) + "@example.org")).isPresent();
        assertThat(MailAddresses.fault("address", " ")).contains("address is required for a mail subscription");
    }
}
