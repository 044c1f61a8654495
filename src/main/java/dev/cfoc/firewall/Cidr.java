package dev.cfoc.firewall;

import dev.cfoc.plan.AddressFamily;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An address range as a security group rule or a prefix list entry writes it ({@code 130.176.0.0/18},
 * {@code 2600:9000::/28}): its family and its first and last address as numbers.
 */
public record Cidr(String text, AddressFamily family, BigInteger first, BigInteger last) {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    /** @throws IllegalArgumentException when {@code text} is not an IPv4 or IPv6 CIDR */
    public static Cidr parse(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        if (address.isEmpty() || !LITERAL.matcher(address).matches()) {
            throw new IllegalArgumentException("not a CIDR: '" + text + "'");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not a CIDR: '" + text + "'", e);
        }
        int bits = bytes.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(value.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR: '" + text + "'", e);
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("not a CIDR: '" + text + "' (prefix length 0 to " + bits + ")");
        }
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
        BigInteger first = new BigInteger(1, bytes).andNot(hostMask);
        return new Cidr(value, bytes.length == 4 ? AddressFamily.IPV4 : AddressFamily.IPV6, first, first.or(hostMask));
    }

    /** Whether this range holds every address of {@code other}. */
    public boolean covers(Cidr other) {
        return family == other.family && first.compareTo(other.first) <= 0 && last.compareTo(other.last) >= 0;
    }

    /** {@code 0.0.0.0/0} or {@code ::/0}: every address of the family. */
    public boolean isEverywhere() {
        return first.signum() == 0 && last.bitLength() == (family == AddressFamily.IPV4 ? 32 : 128)
                && last.bitCount() == last.bitLength();
    }

    /** Whether the union of {@code ranges} holds every address of each of {@code required}. */
    public static boolean unionCovers(List<Cidr> ranges, List<Cidr> required) {
        List<Cidr> sorted = ranges.stream().sorted(Comparator.comparing(Cidr::first)).toList();
        return required.stream().allMatch(need -> covered(sorted, need));
    }

    private static boolean covered(List<Cidr> sortedRanges, Cidr need) {
        BigInteger next = need.first; // the first address of need not yet known to be covered
        for (Cidr range : sortedRanges) {
            if (range.family != need.family || range.last.compareTo(next) < 0) {
                continue;
            }
            if (range.first.compareTo(next) > 0) {
                return false;
            }
            next = range.last.add(BigInteger.ONE);
            if (next.compareTo(need.last) > 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
