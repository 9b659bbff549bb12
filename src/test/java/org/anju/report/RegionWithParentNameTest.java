package org.anju.report;

import org.anju.AnjuTest;
import org.anju.intake.InputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A unit named with its parents before it, as provincial tables write it (张掖市甘州区, 甘肃省张掖市临泽县), was "未知地区"
 * with no word on what to write instead (trial of 2026-12-04). Such a name is read when the parent and the rest are each
 * one region, the one inside the other; an unknown name says how to fix it.
 */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=region_with_parent_name")
class RegionWithParentNameTest {

    @Autowired
    Reports reports;
    @Autowired
    ReportImport imports;

    @Test
    void aNameWithItsParentsBeforeItIsRead() {
        imports.importFile("九月.csv", "地区,月份,已发放户数（户）\n张掖市甘州区,2024-09,10\n甘肃省张掖市临泽县,2024-09,11\n"
                .getBytes(StandardCharsets.UTF_8), null, false);
        assertThat(reports.get("620702", YearMonth.of(2024, 9)).value("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", ""))
                .isEqualByComparingTo("10");
        assertThat(reports.get("620723", YearMonth.of(2024, 9)).value("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", ""))
                .isEqualByComparingTo("11");
    }

    @Test
    void aParentThatDoesNotHoldTheUnitIsNotGuessedAndAnUnknownNameSaysWhatToWrite() {
        assertThatThrownBy(() -> imports.importFile("十月.csv", "地区,月份,已发放户数（户）\n酒泉市甘州区,2024-10,10\n"
                .getBytes(StandardCharsets.UTF_8), null, false))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly("文件 十月.csv，正文，第 2 行，第 A 列：未知地区：酒泉市甘州区（请填写地区的规范名称，如“临泽县”，"
                                + "或六位区划代码；名称和代码可在“行政区划”页查找）"));
    }
}
