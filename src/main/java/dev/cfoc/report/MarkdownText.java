package dev.cfoc.report;

/**
 * Text from outside (configuration, origins, AWS) made inert in GitHub-flavoured Markdown: control characters as
 * {@link PlainText} shows them, then every character that can start markup — emphasis, links and images, code,
 * tables, HTML, entities — escaped with a backslash or as an entity, so an origin's {@code [click me](…)} or
 * {@code <img src=…>} is shown as text. The Markdown writer uses it for every value it did not write itself.
 * Bare URLs may still be linked by GitHub's autolinking: they are shown as they are, never disguised.
 */
public final class MarkdownText {

    /**
     * ASCII punctuation that starts markup anywhere in a line (emphasis, code, links and images, tables,
     * strikethrough); CommonMark lets a backslash make each one literal.
     */
    private static final String MARKUP = "\\`*_[]|~";
    /** What starts a block (heading, list, quote, rule) when it is the first character of a line. */
    private static final String BLOCK_START = "#+-=";

    private MarkdownText() {
    }

    /** For running text and table cells: one line, no markup, no HTML. */
    public static String inline(String text) {
        String plain = PlainText.of(text);
        StringBuilder safe = new StringBuilder(plain.length() + 16);
        for (char c : plain.toCharArray()) {
            switch (c) {
                case '&' -> safe.append("&amp;");
                case '<' -> safe.append("&lt;");
                case '>' -> safe.append("&gt;");
                default -> {
                    if (MARKUP.indexOf(c) >= 0) {
                        safe.append('\\');
                    }
                    safe.append(c);
                }
            }
        }
        if (!plain.isEmpty() && BLOCK_START.indexOf(plain.charAt(0)) >= 0) {
            safe.insert(0, '\\');
        } else if (plain.matches("\\d+[.)].*")) {
            safe.insert(leadingDigits(plain), '\\');
        }
        return safe.toString();
    }

    private static int leadingDigits(String text) {
        int i = 0;
        while (Character.isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** For text inside an HTML element (a {@code <summary>}), where Markdown is not read: entities only. */
    public static String html(String text) {
        return PlainText.of(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    /** For the inside of a fenced code block: nothing is markup there, only control characters are shown. */
    public static String code(String text) {
        return PlainText.of(text);
    }
}
