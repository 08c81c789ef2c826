package org.jianhu.alert.destination;

import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a delivery may go, as a pure judgement: over the URL as written, then over every address its host
 * resolved to. Only {@code https} (and {@code http} where the operator allows it); no address that is not the
 * public internet (see {@link ReservedAddresses}) unless the operator's allow-list names the host or a range
 * holding the address. Each refusal is plain words about the {@code url}, never the address it resolved to.
 */
public final class DestinationPolicy {

    private final boolean httpAllowed;
    private final Set<String> allowedNames;
    private final List<AddressRange> allowedRanges;

    private DestinationPolicy(boolean httpAllowed, Set<String> allowedNames, List<AddressRange> allowedRanges) {
        this.httpAllowed = httpAllowed;
        this.allowedNames = allowedNames;
        this.allowedRanges = allowedRanges;
    }

    /** @param allowedHosts host names, addresses and CIDR ranges the operator lets deliveries reach */
    public static DestinationPolicy of(boolean httpAllowed, Collection<String> allowedHosts) {
        Set<String> names = new HashSet<>();
        List<AddressRange> ranges = new ArrayList<>();
        for (String allowed : allowedHosts) {
            String entry = allowed.trim().toLowerCase(Locale.ROOT);
            if (AddressRange.looksLikeRange(entry)) {
                ranges.add(AddressRange.parse(entry));
            } else if (!entry.isEmpty()) {
                names.add(entry);
            }
        }
        return new DestinationPolicy(httpAllowed, Set.copyOf(names), List.copyOf(ranges));
    }

    /**
     * What is wrong with the URL as written, before anything is resolved.
     *
     * @param onlyHosts the hosts a robot channel must be on (its vendor's), or none for any host
     */
    public Optional<String> urlRefusal(URI url, Collection<String> onlyHosts) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && httpAllowed)) {
            return Optional.of(httpAllowed ? "url must be an http(s) URL" : "url must be an https URL");
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of("url must name a host");
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("url must not carry a user name or password");
        }
        if (isOddlySpelledAddress(host)) {
            return Optional.of("url names an IP address in an unusual spelling; write it as four decimal numbers a.b.c.d");
        }
        if (!onlyHosts.isEmpty() && onlyHosts.stream().noneMatch(allowed -> allowed.equalsIgnoreCase(host))) {
            return Optional.of("url must be on " + String.join(" or ", onlyHosts));
        }
        return Optional.empty();
    }

    /** Whether every address the host resolved to may be reached (a name the operator allows may reach any). */
    public Optional<String> addressRefusal(String host, List<InetAddress> addresses) {
        if (allowedNames.contains(host.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        if (addresses.isEmpty()) {
            return Optional.of("url's host has no address");
        }
        for (InetAddress address : addresses) {
            if (allowedRanges.stream().anyMatch(range -> range.contains(address))) {
                continue;
            }
            Optional<String> kind = ReservedAddresses.kindOf(address);
            if (kind.isPresent()) {
                return Optional.of("url reaches " + kind.get() + ", which deliveries may not");
            }
        }
        return Optional.empty();
    }

    /**
     * A host whose last label is a number is an IPv4 address to browsers and resolvers alike ({@code 2130706433},
     * {@code 127.1}, {@code 0177.0.0.1}, {@code 0x7f.0.0.1}); resolvers disagree on what such spellings mean, so
     * only the plain dotted quad is taken.
     */
    static boolean isOddlySpelledAddress(String host) {
        if (host.startsWith("[")) {
            return false;
        }
        String[] labels = host.split("\\.", -1);
        if (!isNumber(labels[labels.length - 1])) {
            return false;
        }
        if (labels.length != 4) {
            return true;
        }
        for (String label : labels) {
            boolean plain = !label.isEmpty() && label.length() <= 3 && label.chars().allMatch(Character::isDigit)
                    && (label.length() == 1 || label.charAt(0) != '0') && Integer.parseInt(label) <= 255;
            if (!plain) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNumber(String label) {
        String lower = label.toLowerCase(Locale.ROOT);
        if (lower.startsWith("0x")) {
            return lower.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0);
        }
        return !lower.isEmpty() && lower.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
