package org.jianhu.alert.subscription;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A mail address as RFC 5322 defines an addr-spec: a dot-atom or quoted local part, {@code @}, a domain of DNS
 * labels. Nothing else — no display name, no comment, no second address, no line break that would let a value
 * write headers of its own ({@code a@b.c\r\nBcc: …}) — and at most 254 characters.
 */
public final class MailAddresses {

    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String QUOTED = "\"(?:[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]|\\\\[\\x20-\\x7e])*\"";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern ADDR_SPEC = Pattern.compile(
            "(?:" + ATOM + "(?:\\." + ATOM + ")*|" + QUOTED + ")@" + LABEL + "(?:\\." + LABEL + ")+");

    private MailAddresses() {
    }

    public static Optional<String> fault(String address) {
        if (address == null || address.isBlank()) {
            return Optional.of("a mail subscription names an address");
        }
        if (address.length() > 254 || !ADDR_SPEC.matcher(address).matches()) {
            return Optional.of("address must be one mail address (local-part@domain), not '" + printable(address) + "'");
        }
        return Optional.empty();
    }

    private static String printable(String text) {
        String shown = text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return shown.length() > 80 ? shown.substring(0, 77) + "…" : shown;
    }
}
