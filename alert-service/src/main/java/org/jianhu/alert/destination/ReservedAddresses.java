package org.jianhu.alert.destination;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The addresses a delivery must not reach unless the operator allows them: everything that is not the public
 * internet — this host, the service's own networks, the cloud's metadata service, multicast, addresses that
 * mean "any" — also when written as an IPv6 address that carries an IPv4 one.
 */
final class ReservedAddresses {

    /** First match wins: the unspecified address before the block it lies in. */
    private static final List<Map.Entry<AddressRange, String>> IPV4 = List.of(
            entry("0.0.0.0/32", "the unspecified address"),
            entry("0.0.0.0/8", "a reserved address (this network)"),
            entry("10.0.0.0/8", "a private address (RFC 1918)"),
            entry("100.64.0.0/10", "a shared address (carrier-grade NAT)"),
            entry("127.0.0.0/8", "a loopback address"),
            entry("169.254.0.0/16", "a link-local address"),
            entry("172.16.0.0/12", "a private address (RFC 1918)"),
            entry("192.0.0.0/24", "a reserved address (IETF protocol assignments)"),
            entry("192.168.0.0/16", "a private address (RFC 1918)"),
            entry("198.18.0.0/15", "a reserved address (benchmarking)"),
            entry("224.0.0.0/4", "a multicast address"),
            entry("255.255.255.255/32", "the broadcast address"),
            entry("240.0.0.0/4", "a reserved address"));
    private static final List<Map.Entry<AddressRange, String>> IPV6 = List.of(
            entry("::/128", "the unspecified address"),
            entry("::1/128", "a loopback address"),
            entry("fe80::/10", "a link-local address"),
            entry("fec0::/10", "a site-local address"),
            entry("fc00::/7", "a unique local address"),
            entry("ff00::/8", "a multicast address"));
    /** IPv6 blocks that carry an IPv4 address (NAT64 at the end, 6to4 right after the prefix): judged by it. */
    private static final AddressRange NAT64 = AddressRange.parse("64:ff9b::/96");
    private static final AddressRange SIX_TO_FOUR = AddressRange.parse("2002::/16");

    private ReservedAddresses() {
    }

    /** @return what kind of address it is, in words, when it is no public one */
    static Optional<String> kindOf(InetAddress address) {
        if (address instanceof Inet4Address) {
            return first(IPV4, address);
        }
        if (!(address instanceof Inet6Address)) {
            return Optional.of("an address of an unknown kind");
        }
        Optional<String> kind = first(IPV6, address);
        if (kind.isPresent()) {
            return kind;
        }
        byte[] bytes = address.getAddress();
        if (isMappedOrCompatible(bytes) || NAT64.contains(address)) {
            return kindOf(ipv4(Arrays.copyOfRange(bytes, 12, 16)));
        }
        if (SIX_TO_FOUR.contains(address)) {
            return kindOf(ipv4(Arrays.copyOfRange(bytes, 2, 6)));
        }
        return Optional.empty();
    }

    /** {@code ::ffff:a.b.c.d} and the old {@code ::a.b.c.d}: the JDK hands most of them over as IPv4 already. */
    private static boolean isMappedOrCompatible(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == bytes[11] && (bytes[10] == 0 || bytes[10] == (byte) 0xFF);
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("four bytes are an IPv4 address", impossible);
        }
    }

    private static Optional<String> first(List<Map.Entry<AddressRange, String>> table, InetAddress address) {
        return table.stream().filter(entry -> entry.getKey().contains(address)).map(Map.Entry::getValue).findFirst();
    }

    private static Map.Entry<AddressRange, String> entry(String range, String kind) {
        return Map.entry(AddressRange.parse(range), kind);
    }
}
