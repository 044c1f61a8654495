package dev.cfoc.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a duration option: plain seconds ({@code 90}), a number with a unit ({@code 1500ms}, {@code 90s}, {@code 15m},
 * {@code 1h}), or ISO-8601 ({@code PT1M30S}). Must be positive.
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern NUMBER_AND_UNIT = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        Duration duration;
        if (text.startsWith("p")) {
            try {
                duration = Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(value);
            }
        } else {
            Matcher m = NUMBER_AND_UNIT.matcher(text);
            if (!m.matches()) {
                throw invalid(value);
            }
            long amount = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            duration = switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofSeconds(amount);
            };
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new CommandLine.TypeConversionException("must be more than zero, got '" + value + "'");
        }
        return duration;
    }

    private static CommandLine.TypeConversionException invalid(String value) {
        return new CommandLine.TypeConversionException("'" + value
                + "' is not a duration: use seconds (90), a unit (1500ms, 90s, 15m, 1h) or ISO-8601 (PT1M30S)");
    }
}
