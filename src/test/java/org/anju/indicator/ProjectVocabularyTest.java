package org.anju.indicator;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The register's fixed choices read the forms documents use, and nothing vaguer. */
class ProjectVocabularyTest {

    @Test
    void placementsAsDocumentsWriteThem() {
        assertThat(Placement.parse("货币化安置")).contains(Placement.CASH);
        assertThat(Placement.parse("货币化")).contains(Placement.CASH);
        assertThat(Placement.parse("异地建设")).contains(Placement.OFF_SITE);
        assertThat(Placement.parse("异地建设安置房")).contains(Placement.OFF_SITE);
        assertThat(Placement.parse("就地建设")).contains(Placement.ON_SITE);
        assertThat(Placement.parse("ON_SITE")).contains(Placement.ON_SITE);
        // too little to tell: asked, not guessed
        assertThat(Placement.parse("安置")).isEmpty();
        assertThat(Placement.parse("货")).isEmpty();
        assertThat(Placement.parse("拆迁安置")).isEmpty();
        assertThat(Placement.parse("")).isEmpty();
    }

    @Test
    void constructionsAndBuildingTypes() {
        assertThat(Construction.parse("收购")).contains(Construction.PURCHASE);
        assertThat(Construction.parse("新建改建")).isEmpty();
        assertThat(BuildingType.parse("高层建筑")).contains(BuildingType.HIGH_RISE);
        assertThat(BuildingType.parse("多层住宅")).contains(BuildingType.MULTI_STOREY);
        assertThat(BuildingType.parse("超高层")).isEqualTo(Optional.empty());
    }
}
