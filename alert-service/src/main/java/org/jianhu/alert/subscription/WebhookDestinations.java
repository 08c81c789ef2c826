package org.jianhu.alert.subscription;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a webhook may send: only to public addresses on https, unless the operator allows a destination
 * ({@code jianhu.webhooks.allowed}: host names, addresses or CIDR ranges; http is then allowed too). Judged on
 * every address the host resolves to, at subscription and again at each delivery (a name may be re-pointed),
 * so that no supervisor turns the alert service into a scanner of the network it runs in.
 */
@ConfigurationProperties("jianhu.webhooks")
public record WebhookDestinations(@DefaultValue List<String> allowed) {

    /** Why this URL may not be sent to, or nothing; {@code resolve} is the name lookup (DNS in production). */
    public Optional<String> refusal(String url, Function<String, InetAddress[]> resolve) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception malformed) {
            return Optional.of("url is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || !scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("url must be an https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("url must not carry a user name or password");
        }
        InetAddress[] addresses;
        try {
            addresses = resolve.apply(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (RuntimeException unknown) {
            return Optional.of("the host " + host + " is not known");
        }
        boolean allowedHost = allowed.stream().anyMatch(entry -> entry.equalsIgnoreCase(host));
        for (InetAddress address : addresses) {
            boolean allowedAddress = allowedHost || allowed.stream().anyMatch(entry -> within(address, entry));
            if (!allowedAddress && isInternal(address)) {
                return Optional.of("refused by policy: " + host + " is an internal address (" + address.getHostAddress()
                        + "); only public destinations receive webhooks");
            }
            if (!allowedAddress && !scheme.equals("https")) {
                return Optional.of("url must be https");
            }
        }
        return Optional.empty();
    }

    /** The JDK's own lookup. */
    public static InetAddress[] dns(String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException unknown) {
            throw new IllegalArgumentException("unknown host " + host, unknown);
        }
    }

    static boolean isInternal(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] bytes = v6.getAddress();
            if (isMappedOrCompatibleV4(bytes)) {
                return isInternal(v4(bytes[12], bytes[13], bytes[14], bytes[15]));
            }
            int first = bytes[0] & 0xff;
            return address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                    || address.isSiteLocalAddress() || address.isMulticastAddress()
                    || (first & 0xfe) == 0xfc // fc00::/7 unique local
                    || first == 0x20 && (bytes[1] & 0xff) == 0x01 && (bytes[2] & 0xff) == 0x0d && (bytes[3] & 0xff) == 0xb8
                    || first == 0x00; // ::/8 reserved (incl. ::, ::1, NAT64 well-known is 64:ff9b::/96 below)
        }
        byte[] b = address.getAddress();
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        return address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()
                || a0 == 0 // 0.0.0.0/8
                || a0 == 100 && a1 >= 64 && a1 <= 127 // CGNAT 100.64/10
                || a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0 // 192.0.0.0/24 protocol assignments
                || a0 == 198 && (a1 == 18 || a1 == 19) // benchmarking
                || a0 >= 240; // reserved and broadcast
    }

    private static boolean isMappedOrCompatibleV4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        boolean mapped = (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
        boolean compatible = bytes[10] == 0 && bytes[11] == 0;
        return mapped || compatible && !(bytes[12] == 0 && bytes[13] == 0 && bytes[14] == 0 && (bytes[15] & 0xff) <= 1);
    }

    private static InetAddress v4(byte a, byte b, byte c, byte d) {
        try {
            return Inet4Address.getByAddress(new byte[]{a, b, c, d});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Whether the address is the entry (an address) or within it (a CIDR range). */
    static boolean within(InetAddress address, String entry) {
        String[] parts = entry.split("/", 2);
        InetAddress network;
        try {
            if (!parts[0].matches("[0-9a-fA-F:.]+")) {
                return false;
            }
            network = InetAddress.getByName(parts[0]);
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
        byte[] a = address.getAddress();
        byte[] n = network.getAddress();
        if (a.length != n.length) {
            return false;
        }
        int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : a.length * 8;
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((a[i / 8] & mask) != (n[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
