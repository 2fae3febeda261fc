package dev.tributary.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoPeriodTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "P1D,                  P1D,                   86400000",
        "p1w,                  P1W,                   604800000",
        "P7D,                  P7D,                   604800000",
        "PT1H30M,              PT1H30M,               5400000",
        "PT0.75S,              PT0.750S,              750",
        "'PT1,5S',             PT1.500S,              1500",
        "P1W2DT3H4M5.006S,     P1W2DT3H4M5.006S,      788645006",
    })
    void shouldReadAndPrintIsoPeriodsKeepingWeeksApartFromDays(String text, String printed, long standardMillis) {
        IsoPeriod period = IsoPeriod.parse(text);

        assertThat(period.toString()).isEqualTo(printed);
        assertThat(IsoPeriod.parse(printed)).isEqualTo(period);
        assertThat(period.standardMillis()).isEqualTo(standardMillis);
    }

    @Test
    void shouldKeepYearsAndMonthsWithoutAFixedLength() {
        IsoPeriod period = IsoPeriod.parse("P1Y2M");

        assertThat(period).isEqualTo(new IsoPeriod(1, 2, 0, 0, 0, 0, 0, 0));
        assertThat(period.hasCalendarFields()).isTrue();
        assertThat(period.fieldCount()).isEqualTo(2);
        assertThatThrownBy(period::standardMillis).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "P", "PT", "P1DT", "1D", "P1H", "PT1D", "P1.5D", "PT1.0001S", "P-1D", "P1D2Y", "R/P1D"})
    void shouldRefuseTextThatIsNotAPositivePeriod(String text) {
        assertThatThrownBy(() -> IsoPeriod.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'" + text + "'");
    }
}
