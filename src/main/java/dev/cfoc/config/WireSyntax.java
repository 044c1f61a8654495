package dev.cfoc.config;

import java.util.Optional;

/**
 * What a value that goes on the wire (DNS, SNI, the HTTP request line and headers) may contain. The loader rejects
 * anything else, naming the field, so that a value AWS would never have accepted cannot corrupt a request (a line
 * break in a header is request splitting) or crash a probe halfway through a run.
 */
final class WireSyntax {

    /** RFC 9110 tchar besides letters and digits. */
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private WireSyntax() {
    }

    /** RFC 1035 §2.3.4: a domain name has at most 253 characters (without a final dot), a label at most 63. */
    private static final int MAX_NAME_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;

    /**
     * Why {@code name} is not a host name CloudFront's API takes, if it is not, worded for "field: problem, got
     * value". Allowed: letters, digits, '-', '_' and '.' (international names in their xn-- form); {@code wildcard}
     * also allows '*' (aliases such as *.example.com). Lenient on purpose about label rules (DNS answers for names that
     * merely look odd), strict about length: no resolver, TLS stack (SNI) or CloudFront takes a name beyond RFC 1035's
     * limits, so it is a configuration error rather than something to probe.
     */
    static Optional<String> hostNameProblem(String name, boolean wildcard) {
        if (!isHostName(name, wildcard)) {
            return Optional.of(wildcard
                    ? "must be a domain name (letters, digits, '-', '_', '.' and a leading '*.')"
                    : "must be a domain name (letters, digits, '-', '_' and '.'; no scheme, port or path)");
        }
        String bare = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (bare.length() > MAX_NAME_LENGTH) {
            return Optional.of("is " + bare.length() + " characters long; a domain name has at most "
                    + MAX_NAME_LENGTH + " (RFC 1035)");
        }
        for (String label : bare.split("\\.", -1)) {
            if (label.length() > MAX_LABEL_LENGTH) {
                return Optional.of("has a label of " + label.length() + " characters; a DNS label has at most "
                        + MAX_LABEL_LENGTH + " (RFC 1035)");
            }
        }
        return Optional.empty();
    }

    private static boolean isHostName(String value, boolean wildcard) {
        return !value.isEmpty() && value.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || wildcard && c == '*');
    }

    /** An HTTP header name: an RFC 9110 token. */
    static boolean isHeaderName(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9' || TOKEN_SYMBOLS.indexOf(c) >= 0);
    }

    /** An HTTP header value: no control character other than horizontal tab (RFC 9110 field-value). */
    static boolean isHeaderValue(String value) {
        return value.chars().noneMatch(c -> c < 0x20 && c != '\t' || c == 0x7F);
    }

    /** A request path: no control character and no space (either would break the request line). */
    static boolean isPath(String value) {
        return value.chars().noneMatch(c -> c <= 0x20 || c == 0x7F);
    }
}
