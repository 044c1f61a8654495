package dev.cfoc.report;

/**
 * Text from outside (configuration, origins, AWS) made safe for a terminal and a plain-text e-mail: every control
 * character (ESC, BEL, NUL, line breaks, C1 controls such as CSI) and every invisible format character (bidirectional
 * overrides, zero-width characters, line and paragraph separators) is shown as an escape ({@code \x1b},
 * {@code \u202e}) instead of acting on the reader's screen. The text writer and the SNS e-mail body use it for every
 * value they did not write themselves; the Markdown writer builds on it ({@link MarkdownText}).
 */
public final class PlainText {

    private PlainText() {
    }

    /** {@code text} on one line, with nothing that a terminal or mail reader would act on. */
    public static String of(String text) {
        if (text.codePoints().noneMatch(PlainText::isUnsafe)) {
            return text;
        }
        StringBuilder safe = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            if (!isUnsafe(c)) {
                safe.appendCodePoint(c);
            } else if (c <= 0xFF) {
                safe.append(String.format("\\x%02x", c));
            } else {
                safe.append(String.format("\\u%04x", c));
            }
        });
        return safe.toString();
    }

    private static boolean isUnsafe(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.PRIVATE_USE, Character.UNASSIGNED, Character.SURROGATE -> true;
            default -> false;
        };
    }
}
