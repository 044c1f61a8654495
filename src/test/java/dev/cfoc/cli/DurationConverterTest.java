package dev.cfoc.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void plainNumber_isSeconds() {
        assertThat(converter.convert("90")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void numberWithUnit_isRead() {
        assertThat(converter.convert("1500ms")).isEqualTo(Duration.ofMillis(1500));
        assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(converter.convert("1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void iso8601_isRead_inEitherCase() {
        assertThat(converter.convert("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("pt90s")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void zeroNegativeAndGarbage_areRejected_quotingTheValue() {
        assertThatThrownBy(() -> converter.convert("0")).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("more than zero");
        assertThatThrownBy(() -> converter.convert("PT-5S")).hasMessageContaining("more than zero");
        assertThatThrownBy(() -> converter.convert("-5s")).hasMessageContaining("'-5s' is not a duration");
        assertThatThrownBy(() -> converter.convert("soon")).hasMessageContaining("'soon' is not a duration");
        assertThatThrownBy(() -> converter.convert("5 minutes")).hasMessageContaining("is not a duration");
    }
}
