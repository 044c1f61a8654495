package dev.cfoc.cli;

import java.util.Map;

/** Whether the text report is coloured: only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
final class ColourChoice {

    static final String NO_COLOR = "NO_COLOR";

    private ColourChoice() {
    }

    /** NO_COLOR with any non-empty value disables colour; an empty NO_COLOR counts as unset, as the convention says. */
    static boolean useColour(boolean terminal, Map<String, String> env) {
        String noColor = env.get(NO_COLOR);
        return terminal && (noColor == null || noColor.isEmpty());
    }
}
