package dev.cfoc.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Recognises an IP address written where a domain name belongs, in every form a resolver would take as one: dotted
 * IPv4 ({@code 127.0.0.1}), its shorter and numeric forms ({@code 127.1}, {@code 2130706433}, {@code 0x7f.1},
 * {@code 0177.0.0.1}: any 1 to 4 labels that are all decimal, octal or hexadecimal numbers, as inet_aton reads them),
 * and IPv6 with or without brackets or zone ({@code ::1}, {@code [::ffff:127.0.0.1]}, {@code fe80::1%eth0}). CloudFront
 * accepts only a domain name as an origin's; an IP literal would make the checker connect where no CloudFront edge
 * would. Pure code, no lookup.
 */
final class IpLiteral {

    private static final int MAX_IPV4_PARTS = 4;

    private IpLiteral() {
    }

    static boolean is(String domainName) {
        return isIpv4(domainName) || isIpv6(domainName);
    }

    private static boolean isIpv4(String name) {
        String trimmed = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        List<String> parts = Arrays.asList(trimmed.split("\\.", -1));
        return !trimmed.isEmpty() && parts.size() <= MAX_IPV4_PARTS
                && parts.stream().allMatch(IpLiteral::isNumber);
    }

    /** Decimal, octal (leading 0) or hexadecimal (0x) digits, as inet_aton reads a part. */
    private static boolean isNumber(String part) {
        String lower = part.toLowerCase(Locale.ROOT);
        if (lower.startsWith("0x")) {
            return lower.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0);
        }
        return !lower.isEmpty() && lower.chars().allMatch(Character::isDigit);
    }

    /** Two colons or more, nothing but hexadecimal digits, colons and dots (an embedded IPv4), brackets and zone. */
    private static boolean isIpv6(String name) {
        String address = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        long colons = address.chars().filter(c -> c == ':').count();
        return colons >= 2 && address.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
    }
}
