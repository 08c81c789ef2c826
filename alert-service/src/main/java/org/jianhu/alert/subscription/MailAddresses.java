package org.jianhu.alert.subscription;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.jianhu.servicesupport.input.InputPolicy;

import java.util.Optional;

/**
 * A mail address as RFC 5322 writes one address (an addr-spec): a dot-atom or a quoted string, {@code @}, and a
 * domain of host name labels; at most 254 characters, no control characters (so no header can be smuggled in),
 * no display name, no angle brackets, no group, no domain literal. Jakarta Mail's strict parser must agree too.
 */
final class MailAddresses {

    static final int LENGTH = 254;
    private static final int LOCAL_LENGTH = 64;
    private static final int LABEL_LENGTH = 63;
    private static final String ATEXT_SYMBOLS = "!#$%&'*+-/=?^_`{|}~";

    private MailAddresses() {
    }

    static Optional<String> fault(String field, String address) {
        if (address == null || address.isBlank()) {
            return Optional.of(field + " is required for a mail subscription");
        }
        if (address.length() > LENGTH) {
            return Optional.of(field + " must be at most " + LENGTH + " characters, not " + address.length());
        }
        Optional<String> unprintable = InputPolicy.unprintable(field, address, false);
        if (unprintable.isPresent()) {
            return unprintable;
        }
        int at = address.lastIndexOf('@');
        String plain = field + " must be one plain mail address like li@example.org (no name, no angle brackets)";
        if (at <= 0 || at == address.length() - 1) {
            return Optional.of(plain);
        }
        String local = address.substring(0, at);
        if (local.length() > LOCAL_LENGTH || !isDotAtom(local) && !isQuotedString(local)) {
            return Optional.of(plain + "; the part before @ is letters, digits and " + ATEXT_SYMBOLS
                    + " with single dots between, or a quoted string");
        }
        if (!isDomain(address.substring(at + 1))) {
            return Optional.of(plain + "; after @ comes a domain of names like example.org");
        }
        return strictlyParsed(address) ? Optional.empty() : Optional.of(plain);
    }

    private static boolean isDotAtom(String local) {
        for (String atom : local.split("\\.", -1)) {
            if (atom.isEmpty() || !atom.chars().allMatch(MailAddresses::isAtext)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAtext(int c) {
        return c < 128 && (Character.isLetterOrDigit(c) || ATEXT_SYMBOLS.indexOf(c) >= 0);
    }

    /** {@code "…"} of printable ASCII and spaces, with {@code \} quoting the next character. */
    private static boolean isQuotedString(String local) {
        if (local.length() < 2 || local.charAt(0) != '"' || local.charAt(local.length() - 1) != '"') {
            return false;
        }
        for (int i = 1; i < local.length() - 1; i++) {
            char c = local.charAt(i);
            if (c < 32 || c > 126) {
                return false;
            }
            if (c == '\\') {
                if (++i == local.length() - 1) {
                    return false;
                }
            } else if (c == '"') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDomain(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2 || domain.length() > LENGTH - 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > LABEL_LENGTH || label.startsWith("-") || label.endsWith("-")
                    || !label.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean strictlyParsed(String address) {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return parsed.getPersonal() == null && !parsed.isGroup() && address.equals(parsed.getAddress());
        } catch (AddressException refused) {
            return false;
        }
    }
}
