package org.jianhu.alert.destination;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A block of addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}) or one address, parsed by the JDK. */
final class AddressRange {

    private final byte[] network;
    private final int prefixLength;

    private AddressRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    static AddressRange parse(String range) {
        int slash = range.indexOf('/');
        String address = slash < 0 ? range : range.substring(0, slash);
        byte[] network = literal(address).getAddress();
        int bits = network.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(range.substring(slash + 1));
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(range + " is no address range (a.b.c.d/n or an IPv6 address/n)");
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException(range + ": the prefix length must be 0 to " + bits);
        }
        return new AddressRange(network, prefix);
    }

    /** Whether the text is written as an address or a range rather than as a host name. */
    static boolean looksLikeRange(String text) {
        if (text.indexOf('/') >= 0 || text.indexOf(':') >= 0) {
            return true;
        }
        return !text.isEmpty() && text.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (bytes[whole] & mask) == (network[whole] & mask);
    }

    /** Only an address literal: a name here would mean a DNS lookup while the configuration is read. */
    private static InetAddress literal(String address) {
        if (!looksLikeRange(address)) {
            throw new IllegalArgumentException(address + " is no IP address");
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException notAnAddress) {
            throw new IllegalArgumentException(address + " is no IP address");
        }
    }
}
