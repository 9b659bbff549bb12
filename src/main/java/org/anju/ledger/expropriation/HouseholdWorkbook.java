package org.anju.ledger.expropriation;

import org.anju.intake.InputProblem;
import org.anju.intake.SourceDocument;
import org.anju.intake.SourceRow;
import org.anju.intake.SourceSheet;
import org.anju.platform.BadInput;
import org.anju.privacy.IdNumber;
import org.anju.privacy.PersonName;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The 调查登记 list as a workbook: a title row, the column names, one row per household. The import reads the first
 * eight columns; the export adds the household's state and dates after them for reading (an export imports as it is).
 */
final class HouseholdWorkbook {

    static final List<String> COLUMNS = List.of("户号", "被征收人", "身份证号", "房屋坐落", "权属证号", "建筑面积（㎡）", "用途", "权属状况");
    static final List<String> READ_ONLY = List.of("状态", "补偿方式", "签约日期", "腾空日期");

    private HouseholdWorkbook() {
    }

    /** A row as read, with its position for messages. */
    record Line(String sheet, int row, HouseholdForm form) {
    }

    record Reading(List<Line> lines, List<InputProblem> problems) {
    }

    /** Reads every row; problems name the sheet, row and column and say how to fix them. */
    static Reading read(String file, SourceDocument doc, Set<String> existingCodes) {
        List<InputProblem> problems = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        SourceSheet sheet = doc.sheets().getFirst();
        int header = -1;
        for (int i = 0; i < sheet.rows().size() && i < 10; i++) {
            if (sheet.rows().get(i).cell(0).strip().equals(COLUMNS.getFirst())) {
                header = i;
                break;
            }
        }
        if (header < 0) {
            problems.add(new InputProblem(file, sheet.name(), null, null, "找不到列名行：前 10 行中没有以“户号”开头的行；列依次为 "
                    + String.join("、", COLUMNS) + "（可先下载导入模板）"));
            return new Reading(lines, problems);
        }
        SourceRow h = sheet.rows().get(header);
        for (int c = 0; c < COLUMNS.size(); c++) {
            if (!h.cell(c).strip().equals(COLUMNS.get(c))) {
                problems.add(new InputProblem(file, sheet.name(), h.number(), c + 1, "列名应为“" + COLUMNS.get(c) + "”，现为“"
                        + h.cell(c).strip() + "”；列依次为 " + String.join("、", COLUMNS)));
            }
        }
        if (!problems.isEmpty()) {
            return new Reading(lines, problems);
        }
        Set<String> seen = new HashSet<>();
        for (SourceRow r : sheet.rows().subList(header + 1, sheet.rows().size())) {
            if (r.cells().stream().limit(COLUMNS.size()).allMatch(String::isBlank)) {
                continue;
            }
            int before = problems.size();
            String code = r.cell(0).strip();
            if (code.isEmpty()) {
                problems.add(p(file, sheet, r, 1, "户号不能为空"));
            } else if (!seen.add(code)) {
                problems.add(p(file, sheet, r, 1, "户号 " + code + " 在文件中重复"));
            } else if (existingCodes.contains(code)) {
                problems.add(p(file, sheet, r, 1, "本项目已有户号为 " + code + " 的被征收户；已登记的户不能重复导入"));
            }
            check(problems, file, sheet, r, 2, () -> PersonName.parse("被征收人", r.cell(1)));
            if (!r.cell(2).isBlank()) {
                check(problems, file, sheet, r, 3, () -> IdNumber.parse("身份证号", r.cell(2)));
            }
            if (r.cell(3).isBlank()) {
                problems.add(p(file, sheet, r, 4, "房屋坐落不能为空"));
            }
            BigDecimal area = null;
            if (!r.cell(5).isBlank()) {
                try {
                    area = new BigDecimal(r.cell(5).strip().replace(",", ""));
                    if (area.signum() <= 0) {
                        problems.add(p(file, sheet, r, 6, "建筑面积应为正数（㎡），现为 " + r.cell(5).strip()));
                    }
                } catch (NumberFormatException e) {
                    problems.add(p(file, sheet, r, 6, "建筑面积应为数字（㎡，如 62.35），现为“" + r.cell(5).strip() + "”；未掌握请留空"));
                }
            }
            if (HouseUse.parse(r.cell(6).strip()) == null) {
                problems.add(p(file, sheet, r, 7, "用途应为 住宅 或 非住宅，现为“" + r.cell(6).strip() + "”"));
            }
            TitleStatus status = TitleStatus.parse(r.cell(7).strip());
            if (status == null) {
                problems.add(p(file, sheet, r, 8, "权属状况应为 合法 或 未登记，现为“" + r.cell(7).strip() + "”"));
            } else if (status == TitleStatus.REGISTERED && r.cell(4).isBlank()) {
                problems.add(p(file, sheet, r, 5, "权属状况为合法的，须填写权属证号"));
            }
            if (problems.size() == before) {
                lines.add(new Line(sheet.name(), r.number(), new HouseholdForm(code, r.cell(1), r.cell(2), r.cell(3), r.cell(4),
                        area, r.cell(6).strip(), r.cell(7).strip())));
            }
        }
        if (lines.isEmpty() && problems.isEmpty()) {
            problems.add(new InputProblem(file, sheet.name(), null, null, "列名行之后没有任何被征收户"));
        }
        return new Reading(lines, problems);
    }

    private static void check(List<InputProblem> problems, String file, SourceSheet sheet, SourceRow r, int column, Runnable parse) {
        try {
            parse.run();
        } catch (BadInput e) {
            problems.add(p(file, sheet, r, column, e.getMessage()));
        }
    }

    private static InputProblem p(String file, SourceSheet sheet, SourceRow r, int column, String message) {
        return new InputProblem(file, sheet.name(), r.number(), column, message);
    }

    /** One exported row: the import's columns (owner in plaintext, from a logged export) and the read-only ones. */
    record Out(String code, String name, String id, String address, String titleNo, BigDecimal area, String use,
               String status, String state, String option, String signedOn, String vacatedOn) {
    }

    static byte[] write(String title, List<Out> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("调查登记");
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Cell t = sheet.createRow(0).createCell(0);
            t.setCellValue(title);
            t.setCellStyle(bold);
            Row header = sheet.createRow(1);
            List<String> all = new ArrayList<>(COLUMNS);
            all.addAll(READ_ONLY);
            for (int c = 0; c < all.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(all.get(c));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(c, c == 3 ? 30 * 256 : c == 2 ? 22 * 256 : 12 * 256);
            }
            int r = 2;
            for (Out o : rows) {
                Row row = sheet.createRow(r++);
                String[] cells = {o.code(), o.name(), o.id(), o.address(), o.titleNo(),
                        o.area() == null ? null : o.area().toPlainString(), o.use(), o.status(), o.state(), o.option(),
                        o.signedOn(), o.vacatedOn()};
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c] != null) {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
