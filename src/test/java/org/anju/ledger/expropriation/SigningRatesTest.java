package org.anju.ledger.expropriation;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our rates against the figures the sources printed (src/test/resources/ledger/expropriation/03_signing_rates_reported.tsv,
 * read from the file, not retyped).
 */
class SigningRatesTest {

    static List<String[]> rows() throws IOException {
        try (InputStream in = SigningRatesTest.class.getResourceAsStream("/ledger/expropriation/03_signing_rates_reported.tsv")) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .filter(l -> !l.startsWith("#") && !l.startsWith("地区/项目") && !l.isBlank())
                    .map(l -> l.split("\t", -1)).toList();
        }
    }

    static String[] row(String name) throws IOException {
        return rows().stream().filter(r -> r[0].startsWith(name)).findFirst().orElseThrow();
    }

    static long number(String cell) {
        return Long.parseLong(cell.replaceAll("[^0-9]", ""));
    }

    static String printed(String cell) {
        return cell.replaceAll("[^0-9.%]", "").replaceAll("%.*", "%");
    }

    @Test
    void taixingPrintsTheRateRoundedToWholePercent() throws IOException {
        String[] r = row("泰兴市");
        long total = number(r[1]);
        long signed = number(r[2]);
        assertThat(total).isEqualTo(4509);
        assertThat(signed).isEqualTo(4191);
        assertThat(SigningRates.rate(signed, total).label()).isEqualTo("92.95%");
        assertThat(SigningRates.rate(signed, total, 0).label()).isEqualTo(printed(r[3]));   // 93%
    }

    @Test
    void fuzhouPrintedFigureIsNotTheRoundedRateOfItsApproximateTotal() throws IOException {
        String[] r = row("福州晋安区");
        long total = number(r[1]);    // "约393户"
        long signed = number(r[2]);
        assertThat(SigningRates.rate(signed, total).label()).isEqualTo("87.53%");
        // rounded it would read 88 %; the source printed 87 % — truncated, or the "约" total is not exactly 393
        assertThat(SigningRates.rate(signed, total, 0).label()).isEqualTo("88%").isNotEqualTo(printed(r[3]));
    }

    @Test
    void lishuiVacatingRateDividesByAllHouseholdsNotBySignedOnes() throws IOException {
        String[] r = row("丽水市区");
        long signed = number(r[2]);
        long vacated = number(r[4]);
        String signingPrinted = printed(r[3]);   // 99.8%
        String vacatedPrinted = printed(r[5]);   // 97.1%
        // divided by the signed households, the 腾空率 would read 97.3 %, not the printed 97.1 %
        assertThat(SigningRates.rate(vacated, signed, 1).label()).isEqualTo("97.3%").isNotEqualTo(vacatedPrinted);
        // the total is not printed; every total that reproduces 99.8 % for signing also reproduces 97.1 % for vacating
        List<Long> totals = LongStream.rangeClosed(signed, signed + 100)
                .filter(n -> SigningRates.rate(signed, n, 1).label().equals(signingPrinted)).boxed().toList();
        assertThat(totals).isNotEmpty();
        assertThat(totals).allSatisfy(n -> assertThat(SigningRates.rate(vacated, n, 1).label()).isEqualTo(vacatedPrinted));
    }

    @Test
    void tangjieAllSigned() throws IOException {
        String[] r = row("丽水 塘接七弄");
        assertThat(SigningRates.rate(number(r[2]), number(r[1]), 0).label()).isEqualTo(printed(r[3]));   // 100%
    }

    @Test
    void noDenominatorIsNotStated() {
        assertThat(SigningRates.rate(5, null).label()).isEqualTo("未报");
        assertThat(SigningRates.rate(5, 0L).percent()).isNull();
    }
}
