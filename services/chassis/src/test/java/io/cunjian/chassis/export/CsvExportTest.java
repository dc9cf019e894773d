package io.cunjian.chassis.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvExportTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1", "=HYPERLINK(\"http://x\",\"y\")",
        "-", "+", "--3"})
    void textASpreadsheetWouldRunGetsAnApostropheAndReadsBackAsItWas(String text) {
        assertThat(CsvExport.cell(text)).isEqualTo("'" + text);
        assertThat(CsvExport.restore(CsvExport.cell(text))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-3", "0.5", "+4", "-0.25", ".5", "1e-3", "永加村", "a=b", "", "'quoted", "2024-05-01"})
    void numbersAndOrdinaryTextAreLeftAsTheyAre(String text) {
        assertThat(CsvExport.cell(text)).isEqualTo(text);
        assertThat(CsvExport.restore(text)).isEqualTo(text);
    }

    @Test
    void numbersStayNumbers() {
        assertThat(CsvExport.cell(-3)).isEqualTo("-3");
        assertThat(CsvExport.cell(0.5)).isEqualTo("0.5");
        assertThat(CsvExport.cell(new BigDecimal("-12.50"))).isEqualTo("-12.50");
        assertThat(CsvExport.cell(new BigDecimal("1E+2"))).isEqualTo("100");
        assertThat(CsvExport.cell(false)).isEqualTo("false");
        assertThat(CsvExport.cell(null)).isEmpty();
    }

    @Test
    void theFileIsUtf8WithBomQuotedWhereNeededAndNeutralised() {
        byte[] file = CsvExport.write(List.of("name", "n"), List.of(Arrays.asList("=HYPERLINK(\"http://x\",\"y\")", -3),
                Arrays.asList("甲村, 东", null), List.of("line\nbreak", 0.5)));
        assertThat(file[0]).isEqualTo((byte) 0xEF);
        assertThat(new String(file, StandardCharsets.UTF_8)).isEqualTo("\uFEFFname,n\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-3\r\n"
                + "\"甲村, 东\",\r\n"
                + "\"line\nbreak\",0.5\r\n");
    }
}
