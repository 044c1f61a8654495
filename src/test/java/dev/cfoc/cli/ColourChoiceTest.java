package dev.cfoc.cli;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ColourChoiceTest {

    @Test
    void terminalWithoutNoColor_isColoured() {
        assertThat(ColourChoice.useColour(true, Map.of())).isTrue();
    }

    @Test
    void noColorWithAnyNonEmptyValue_disablesColour() {
        assertThat(ColourChoice.useColour(true, Map.of("NO_COLOR", "1"))).isFalse();
        assertThat(ColourChoice.useColour(true, Map.of("NO_COLOR", "false"))).isFalse();
    }

    @Test
    void emptyNoColor_countsAsUnset() {
        assertThat(ColourChoice.useColour(true, Map.of("NO_COLOR", ""))).isTrue();
    }

    @Test
    void notATerminal_isNeverColoured() {
        assertThat(ColourChoice.useColour(false, Map.of())).isFalse();
    }
}
