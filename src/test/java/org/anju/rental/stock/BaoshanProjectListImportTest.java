package org.anju.rental.stock;

import org.anju.AnjuTest;
import org.anju.TestUsers;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The real 宝山区公租房 project list (one row per project: 套数, 总面积, 房型及套数, rent range; no 楼栋, no 房号) uploaded as
 * a 房源清单 by a county official who has only that list, as XLSX and as CSV, to the page and to the API. It is refused by
 * file in Chinese, saying which columns a 房源清单 needs; nothing is written, and no figure of it is guessed into a dwelling.
 */
@AnjuTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "anju.test.database=rental_stock_baoshan")
class BaoshanProjectListImportTest {

    static final Path FILE = Path.of("src/test/resources/rental/stock/real/310113-baoshan-bsgzf/bsgz-projects.json");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    /** The project rows as the file has them: its own keys as column names, every value as it is (no nested 房型). */
    static List<List<Object>> table() {
        JsonNode root = JsonMapper.builder().build().readTree(FILE.toFile());
        List<List<Object>> rows = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (String k : root.get("pageContent").get(0).propertyNames()) {
            if (!k.equals("roomTypeDetails")) {
                keys.add(k);
            }
        }
        rows.add(new ArrayList<>(keys));
        for (JsonNode p : root.get("pageContent")) {
            List<Object> row = new ArrayList<>();
            for (String k : keys) {
                JsonNode v = p.get(k);
                row.add(v.isNumber() ? (Object) v.numberValue() : v.asString());
            }
            rows.add(row);
        }
        return rows;
    }

    static byte[] xlsx(List<List<Object>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("宝山区公租房");
            for (int r = 0; r < rows.size(); r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue((String) v);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    static byte[] csv(List<List<Object>> rows) {
        StringBuilder b = new StringBuilder();
        for (List<Object> row : rows) {
            b.append(String.join(",", row.stream().map(v -> "\"" + String.valueOf(v).replace("\"", "\"\"") + "\"").toList()))
                    .append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    int written() {
        return jdbc.sql("select (select count(*) from rental_estate) + (select count(*) from rental_building)"
                + " + (select count(*) from rental_dwelling)").query(Integer.class).single();
    }

    static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /**
     * The same projects as a county official would keep them in a sheet of their own, under Chinese labels (review 26
     * L6: the platform's English keys reach only "no header at all"): 项目名称 and 总建筑面积 are a 房源清单's words.
     */
    static List<List<Object>> chineseTable() {
        JsonNode root = JsonMapper.builder().build().readTree(FILE.toFile());
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("项目编号", "项目名称", "所在镇", "地址", "房源类型", "房源来源", "总套数", "总建筑面积（㎡）", "房型及套数",
                "月租金（元/套）", "可租套数", "开放日期"));
        for (JsonNode p : root.get("pageContent")) {
            rows.add(List.of(p.get("projectNo").asString(), p.get("projectName").asString(), p.get("layout").asString(),
                    p.get("location").asString(), p.get("houseType").asString(), p.get("houseSource").asString(),
                    p.get("totalCount").asString(), p.get("totalArea").asString(), p.get("roomTypeCount").asString(),
                    p.get("minRent").asString() + "—" + p.get("maxRent").asString(), p.get("kezuCount").asString(),
                    p.get("openingDate").asString()));
        }
        return rows;
    }

    @Test
    void theProjectListUnderChineseLabelsIsRefusedNamingTheColumnsADwellingListNeeds() throws Exception {
        List<List<Object>> rows = chineseTable();
        assertThat(rows).hasSize(69);
        int before = written();
        for (MockMultipartFile file : List.of(
                new MockMultipartFile("file", "宝山区公租房项目.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        xlsx(rows)),
                new MockMultipartFile("file", "宝山区公租房项目.csv", "text/csv", csv(rows)))) {
            // the row the list has is named, with what it has and what a 房源清单 needs besides (before: "找不到房源清单的
            // 表头", while the file has one — of another table)
            String where = file.getOriginalFilename().endsWith(".csv") ? "正文" : "工作表 宝山区公租房";
            String refusal = "文件 " + file.getOriginalFilename() + "，" + where + "，第 1 行：有“项目名称”“地址”“保障类型”“租金标准”列，"
                    + "但没有“楼栋”“房号”“建筑面积（㎡）”“状态”列：房源清单须每套房源一行，写明楼栋和房号（按项目汇总的表不能导入；"
                    + "可下载导入模板对照）";
            for (String dryRun : List.of("true", "false")) {
                mvc.perform(multipart("/api/rental/stock/import").file(file).param("region", "620702")
                                .param("programme", "PUBLIC_RENTAL").param("dryRun", dryRun).with(TestUsers.as("gzq_reporter")))
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.problems.length()").value(1))
                        .andExpect(jsonPath("$.problems[0].text").value(refusal));
            }
        }
        assertThat(written()).isEqualTo(before);
    }

    @Test
    void theProjectListIsRefusedByFileAndWritesNothing() throws Exception {
        List<List<Object>> rows = table();
        assertThat(rows).hasSize(69);
        assertThat(rows.getFirst()).startsWith("openQueue", "minRent", "kezuCount", "layout", "maxRent", "projectNo", "location",
                "projectName");
        int before = written();
        for (MockMultipartFile file : List.of(
                new MockMultipartFile("file", "宝山区公租房项目.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        xlsx(rows)),
                new MockMultipartFile("file", "宝山区公租房项目.csv", "text/csv", csv(rows)))) {
            String refusal = "文件 " + file.getOriginalFilename() + "：找不到房源清单的表头：应有一行列名，至少包括“项目名称”“楼栋”“房号”"
                    + "“建筑面积”“状态”（可下载导入模板对照）";
            for (String dryRun : List.of("true", "false")) {
                mvc.perform(multipart("/api/rental/stock/import").file(file).param("region", "620702")
                                .param("programme", "PUBLIC_RENTAL").param("dryRun", dryRun).with(TestUsers.as("gzq_reporter")))
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.title").value("文件有误，未写入任何数据"))
                        .andExpect(jsonPath("$.problems.length()").value(1))
                        .andExpect(jsonPath("$.problems[0].text").value(refusal));
            }
            MvcResult page = mvc.perform(multipart("/rental/stock/import").file(file).param("region", "620702")
                    .with(TestUsers.as("gzq_reporter"))).andReturn();
            assertThat(page.getResponse().getStatus()).isEqualTo(200);
            assertThat(body(page)).contains("<strong>未导入，未写入任何数据。请按以下说明修改文件后重新上传：</strong>")
                    .contains("<ul><li>" + refusal + "</li></ul>").doesNotContain("name=\"token\"");
        }
        assertThat(written()).isEqualTo(before);
    }
}
