package org.anju.plan.imports;

import org.anju.AnjuTest;
import org.anju.intake.SourceReader;
import org.anju.intake.SourceRow;
import org.anju.region.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Units and figures listed in running text, read as tables only where the words leave no doubt whose figure is whose. */
@AnjuTest
class TextListsTest {

    @Autowired
    SourceReader reader;
    @Autowired
    Regions regions;

    private TextLists.Found find(String text) {
        return TextLists.find(reader.read("新闻.txt", text.getBytes(StandardCharsets.UTF_8)), regions);
    }

    private static List<List<String>> rows(RawTable t) {
        return t.dataRows().stream().map(SourceRow::cells).toList();
    }

    @Test
    void aListInASentenceWithItsTotalBeforeIt() {
        TextLists.Found found = find("今年,襄阳市计划实施151个老旧小区改造项目,其中樊城区26个、襄城区15个、枣阳市22个、谷城县5个,"
                + "惠及居民28743户。");
        assertThat(found.tables()).singleElement().satisfies(t -> {
            // the city's 151 is the total the parts follow: said in the title, not a row
            assertThat(t.title()).isEqualTo("今年,襄阳市计划实施151个老旧小区改造项目");
            assertThat(t.headerRows().getFirst().cells()).containsExactly("地区", "(个)");
            // 惠及居民28743户 after the last unit is the sentence's, not 谷城县's
            assertThat(rows(t)).containsExactly(List.of("樊城区", "26"), List.of("襄城区", "15"), List.of("枣阳市", "22"),
                    List.of("谷城县", "5"));
        });
    }

    @Test
    void unitsWithSeveralFiguresEachAndOnlyTheWordsTheyShare() {
        TextLists.Found found = find("2021年计划改造老舊小區88個,202棟樓。其中,左云縣計劃改造老舊小區46個,131棟樓;"
                + "陽高縣計劃改造老舊小區30個,40棟樓;天鎮縣計劃改造老舊小區11個,19棟樓。");
        assertThat(found.tables()).singleElement().satisfies(t -> {
            assertThat(t.headerRows().getFirst().cells()).containsExactly("地区", "计划改造老旧小区(个)", "(栋楼)");
            assertThat(rows(t)).containsExactly(List.of("左云县", "46", "131"), List.of("阳高县", "30", "40"),
                    List.of("天镇县", "11", "19"));
        });
    }

    @Test
    void aListOfLinesAndANameOverItsFigures() {
        TextLists.Found bullets = find("青岛市纳入计划的项目清单\n●李沧区零星棚户区改造项目100套(户)\n●崂山区(汉河社区改造C2地块)147套(户)\n"
                + "●城阳区6775套(户)\n");
        assertThat(bullets.tables()).singleElement().satisfies(t -> {
            assertThat(t.headerRows().getFirst().cells()).containsExactly("地区", "(套)");
            assertThat(rows(t)).extracting(r -> r.get(0) + "=" + r.get(1)).containsExactly("李沧区=100", "崂山区=147", "城阳区=6775");
        });
        TextLists.Found blocks = find("龍子湖區\n共25個小區\n涉及居民6618戶\n蚌山區\n共15個小區\n涉及居民5769戶\n三縣\n共7個小區\n涉及居民2403戶\n");
        assertThat(blocks.tables()).singleElement().satisfies(t -> assertThat(rows(t)).containsExactly(
                List.of("龙子湖区", "25", "6618"), List.of("蚌山区", "15", "5769"), List.of("三县", "7", "2403")));
    }

    @Test
    void figuresOfSeveralUnitsOrOfTheNamesAfterAColonAreNoUnitsFigures() {
        // 甘肃等7省份……均达到100%: said of seven, not of 甘肃
        assertThat(find("开工进展较快的地区:海南、宁夏、甘肃等7省份开工率均已达到或超过100%;开工进展较慢的地区:贵州74.4%、"
                + "湖北66.5%、山西64.6%。").tables()).singleElement().satisfies(t -> assertThat(rows(t)).extracting(r -> r.get(0))
                .containsExactly("贵州", "湖北", "山西"));
        // 包河区18处: then the names of its 小区, one of them 淮河路482-2栋
        TextLists.Found hefei = find("包河区18处:农广校小区、化工西村31幢-36幢。\n庐阳区21处:淮河路482-2栋、佳宝宿舍。\n蜀山区11处:八建小区。\n");
        assertThat(hefei.tables()).singleElement().satisfies(t -> assertThat(rows(t))
                .containsExactly(List.of("包河区", "18"), List.of("庐阳区", "21"), List.of("蜀山区", "11")));
    }

    @Test
    void aFigureInBracketsAndNamesThatAreNoRegionStillListedToBeAsked() {
        assertThat(find("其中,开工进展较快的地区:河北(100%)、辽宁(99.6%)、山东(96.9%)。").tables()).singleElement()
                .satisfies(t -> assertThat(rows(t)).containsExactly(List.of("河北", "100%"), List.of("辽宁", "99.6%"),
                        List.of("山东", "96.9%")));
        // 土左旗, 托县 are how 呼和浩特 says 土默特左旗 and 托克托县: rows the import then asks about
        assertThat(find("共计272个小区(新城区10个,回民区50个,玉泉区62个,土左旗9个,托县9个)。").tables()).singleElement()
                .satisfies(t -> assertThat(rows(t)).extracting(r -> r.get(0))
                        .containsExactly("新城区", "回民区", "玉泉区", "土左旗", "托县"));
    }

    @Test
    void twoUnitsAreReportedAndAMentionIsNoList() {
        TextLists.Found found = find("正处于招标阶段44个项目(南漳县22个、保康县22个)。佛山123个老旧小区改造项目确保今年底前全部开工。");
        assertThat(found.tables()).isEmpty();
        assertThat(found.leftOver()).containsExactly("第 1 行「南漳县22个、保康县22个」只列了两个地区，未作为表读取");
    }

    /** What review found: a unit with a figure of its own words, grouped thousands, a statement among the units. */
    @Test
    void aUnitThatDoesNotFitTheListIsReportedNeverDropped() {
        TextLists.Found found = find("其中樊城区26个(含续建项目3个)、襄城区15个、枣阳市22个、谷城县5个。");
        assertThat(found.tables()).singleElement().satisfies(t -> assertThat(rows(t)).extracting(r -> r.get(0))
                .containsExactly("襄城区", "枣阳市", "谷城县"));
        assertThat(found.leftOver()).containsExactly("第 1 行「樊城区26个、3个」与同一段的其他地区的数字不成列，未读取");

        assertThat(find("其中樊城区1,260户、襄城区980户、枣阳市2,310户、谷城县560户。").tables()).singleElement()
                .satisfies(t -> assertThat(rows(t)).containsExactly(List.of("樊城区", "1,260"), List.of("襄城区", "980"),
                        List.of("枣阳市", "2,310"), List.of("谷城县", "560")));

        TextLists.Found statement = find("其中樊城区26个、襄城区15个、宜城市8个、枣阳市22个项目已于5月底前全部开工。");
        assertThat(statement.tables()).singleElement().satisfies(t -> assertThat(rows(t)).extracting(r -> r.get(1))
                .containsExactly("26", "15", "8"));
        assertThat(statement.leftOver()).containsExactly("第 1 行「枣阳市22个」与同一段的其他地区的数字不成列，未读取");
    }

    @Test
    void twoListsStayTwoAndOneListBrokenOverLinesStaysOne() {
        TextLists.Found two = find("今年计划改造:其中樊城区26个、襄城区15个、枣阳市22个。截至6月底,樊城区已开工20个、襄城区12个、"
                + "枣阳市19个。");
        assertThat(two.tables()).hasSize(2);
        assertThat(two.tables().get(1).title()).isEqualTo("截至6月底");

        TextLists.Found broken = find("今年,襄阳市计划实施老旧小区改造项目,其中樊城区26个、襄城区15个、\n枣阳市22个、谷城县5个、宜城市7个。");
        assertThat(broken.tables()).singleElement().satisfies(t -> assertThat(rows(t)).hasSize(5));
        assertThat(broken.leftOver()).isEmpty();
    }

    @Test
    void aCityAmongItsOwnCountiesIsARowUnlessItsPartsFollowWithQizhong() {
        // 巩义 lies in 郑州: without 其中 the list is of peers, 郑州's 3200 stays a row (the check then holds the parts to it)
        assertThat(find("2023年各地计划:郑州市3200套、巩义市500套、开封市1200套、洛阳市2800套。").tables()).singleElement()
                .satisfies(t -> assertThat(rows(t)).extracting(r -> r.get(0)).containsExactly("郑州市", "巩义市", "开封市", "洛阳市"));
        // parts of a place are no units: 城东片区 is no 城东区
        assertThat(find("主城区共改造老旧小区19个,其中城东片区5个、城西片区8个、城北片区6个。").tables()).isEmpty();
    }
}
