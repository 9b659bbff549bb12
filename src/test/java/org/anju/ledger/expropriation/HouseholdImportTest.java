package org.anju.ledger.expropriation;

import org.anju.AnjuTest;
import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.account.Channel;
import org.anju.account.Role;
import org.anju.intake.InputException;
import org.anju.intake.InputProblem;
import org.anju.intake.SourceReader;
import org.anju.privacy.SyntheticIds;
import org.anju.region.Regions;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The 调查登记 list: preview, all or nothing, problems by row and column, export in the same layout. */
@AnjuTest
@TestPropertySource(properties = "anju.test.database=expropriation")
class HouseholdImportTest {

    @Autowired
    Expropriations expropriations;
    @Autowired
    Regions regions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SourceReader reader;

    Actor office;
    long project;

    @BeforeEach
    void project() {
        office = new Actor("zg_housing", "zg_housing", regions.byCode("360702").orElseThrow(), EnumSet.of(Role.HOUSING_OFFICE),
                Channel.UI, false);
        project = as(() -> expropriations.create(new ProjectForm("360702", "导入测试项目" + System.nanoTime(), "保障性安居工程", 3,
                null, "START_SAME_DAY", null, null, null, null, null))).id();
    }

    <T> T as(Supplier<T> work) {
        return Access.runAs(office, work);
    }

    static byte[] xlsx(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("调查登记");
            s.createRow(0).createCell(0).setCellValue("章贡区某项目调查登记");
            Row h = s.createRow(1);
            for (int c = 0; c < HouseholdWorkbook.COLUMNS.size(); c++) {
                h.createCell(c).setCellValue(HouseholdWorkbook.COLUMNS.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = s.createRow(r + 2);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    static List<String> line(String code, String name, String id, String area, String use, String status, String title) {
        return List.of(code, name, id, "章贡区文清路" + code + "号", title, area, use, status);
    }

    int count() {
        return jdbc.sql("select count(*) from ledger_expro_household where project_id = :p").param("p", project)
                .query(Integer.class).single();
    }

    @Test
    void previewThenImportEverything() throws IOException {
        byte[] file = xlsx(List.of(
                line("WQ-01", "钱多多", SyntheticIds.number("360702", "19700101", 11), "72.5", "住宅", "合法", "赣房权证第1号"),
                line("WQ-02", "孙小美", "", "", "非住宅", "未登记", ""),
                line("WQ-03", "李四", SyntheticIds.number("360702", "19800505", 12), "45", "住宅", "合法", "赣房权证第3号")));
        Expropriations.Preview p = as(() -> expropriations.preview(project, "list.xlsx", file));
        assertThat(p.households()).isEqualTo(3);
        assertThat(p.lines().getFirst().owner()).isNotEqualTo("钱多多").contains("*");
        assertThat(p.lines().getFirst().row()).isEqualTo(3);
        assertThat(count()).isZero();   // a preview writes nothing
        as(() -> expropriations.importFile(project, "list.xlsx", file));
        assertThat(count()).isEqualTo(3);
        assertThat(as(() -> expropriations.households(project, "未签约"))).extracting(HouseholdView::area)
                .containsExactly(new BigDecimal("72.5"), null, new BigDecimal("45"));   // 面积未报 stays null

        // the export imports as it is into another project (after a logged export with a reason)
        byte[] exported = as(() -> expropriations.export(project, "核对调查登记"));
        long other = as(() -> expropriations.create(new ProjectForm("360702", "导入测试项目二" + System.nanoTime(), "公共事业", 3,
                null, "START_SAME_DAY", null, null, null, null, null))).id();
        as(() -> expropriations.importFile(other, "export.xlsx", exported));
        assertThat(as(() -> expropriations.households(other, null))).extracting(HouseholdView::code)
                .containsExactly("WQ-01", "WQ-02", "WQ-03");
        // importing the same households again is refused by row
        double refused = imports("expropriation", "refused");
        assertThatThrownBy(() -> as(() -> expropriations.importFile(other, "export.xlsx", exported)))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems()).extracting(InputProblem::row)
                        .containsExactly(3, 4, 5));
        // in anju_imports_seconds with the other imports (metrics review, sixteenth session: not counted at all)
        assertThat(imports("expropriation", "ok")).isGreaterThanOrEqualTo(2);
        assertThat(imports("expropriation", "refused")).isEqualTo(refused + 1);
        assertThat(imports("expropriation-preview", "ok")).isPositive();
    }

    @Autowired
    io.micrometer.core.instrument.MeterRegistry registry;

    private double imports(String kind, String outcome) {
        var timer = registry.find("anju.imports").tag("kind", kind).tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void anyBadCellRefusesTheWholeFileNamingRowAndColumn() throws IOException {
        byte[] file = xlsx(List.of(
                line("WQ-01", "钱多多", SyntheticIds.number("360702", "19700101", 21), "72.5", "住宅", "合法", "赣房权证第1号"),
                line("WQ-02", "孙小美", "36070219800101001X", "七十", "商铺", "合法", ""),
                line("WQ-01", "李四", "", "45", "住宅", "合法", "赣房权证第3号")));
        assertThatThrownBy(() -> as(() -> expropriations.importFile(project, "bad.xlsx", file)))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.problems()).extracting(q -> q.row() + ":" + q.column())
                            .contains("4:3", "4:6", "4:7", "4:5", "5:1");
                    assertThat(e.problems()).filteredOn(q -> q.column() == 6).first()
                            .satisfies(q -> assertThat(q.message()).contains("七十"));
                    assertThat(e.problems()).filteredOn(q -> q.column() == 7).first()
                            .satisfies(q -> assertThat(q.message()).contains("商铺"));
                });
        assertThat(count()).isZero();   // all or nothing
    }

    @Test
    void wrongHeaderIsNamed() throws IOException {
        byte[] file;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row h = wb.createSheet("表1").createRow(0);
            List<String> cols = List.of("户号", "姓名", "身份证号", "房屋坐落", "权属证号", "建筑面积（㎡）", "用途", "权属状况");
            for (int c = 0; c < cols.size(); c++) {
                h.createCell(c).setCellValue(cols.get(c));
            }
            wb.write(out);
            file = out.toByteArray();
        }
        byte[] f = file;
        assertThatThrownBy(() -> as(() -> expropriations.preview(project, "h.xlsx", f)))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().getFirst().column()).isEqualTo(2);
                    assertThat(e.problems().getFirst().message()).contains("被征收人").contains("姓名");
                });
    }
}
