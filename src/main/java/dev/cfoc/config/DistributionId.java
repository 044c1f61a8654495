package dev.cfoc.config;

import java.util.regex.Pattern;

/**
 * The shape of a CloudFront distribution id (E2QWRUHAPOMQZL): an E, then upper-case letters and digits. One rule for
 * every place that takes an id from outside (CLI options, Lambda environment, events, suppressions).
 */
public final class DistributionId {

    private static final Pattern SHAPE = Pattern.compile("E[A-Z0-9]{5,}");

    private DistributionId() {
    }

    /** Whether {@code id} is shaped like a distribution id. */
    public static boolean isValid(String id) {
        return SHAPE.matcher(id).matches();
    }
}
