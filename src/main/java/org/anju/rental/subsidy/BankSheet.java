package org.anju.rental.subsidy;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * The bank sheet (银行发放表) of a confirmed roll as officials print it: the title (the city's 银行表标题 with {县区} and
 * {期间} filled in, or "章贡区2025年3月住房租赁补贴发放花名册"), the unit line on the right (the city's 银行表单位, or
 * "单位：元"), the columns 序号, 姓名, 身份证号, 银行账号, 开户行, 金额 — ID and account numbers as text (a number cell
 * would lose digits), 序号 and 金额 as numbers, amounts with two decimals — and a 合计 row. Personal data in plaintext:
 * only built from lines {@link org.anju.privacy.PersonalData#export} returned.
 */
public final class BankSheet {

    static final List<String> HEADERS = List.of("序号", "姓名", "身份证号", "银行账号", "开户行", "金额");
    static final String DEFAULT_TITLE = "{县区}{期间}住房租赁补贴发放花名册";
    static final String DEFAULT_UNIT = "单位：元";

    private BankSheet() {
    }

    /** A line in plaintext. */
    record Line(int seq, String name, String idNumber, String bankAccount, String bankName, BigDecimal amount) {
    }

    /** The file: its name and bytes. */
    public record File(String fileName, byte[] content) {
    }

    static String title(Roll r, String sheetTitle) {
        return (sheetTitle == null ? DEFAULT_TITLE : sheetTitle).replace("{县区}", r.countyName()).replace("{期间}", r.periodName());
    }

    static File write(Roll r, String sheetTitle, String sheetUnit, List<Line> lines) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("银行发放表");
            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            CellStyle titleStyle = wb.createCellStyle();
            titleStyle.setFont(big);
            titleStyle.setAlignment(HorizontalAlignment.CENTER);
            CellStyle unitStyle = wb.createCellStyle();
            unitStyle.setAlignment(HorizontalAlignment.RIGHT);
            CellStyle head = bordered(wb.createCellStyle());
            head.setFont(bold);
            head.setAlignment(HorizontalAlignment.CENTER);
            CellStyle text = bordered(wb.createCellStyle());
            CellStyle number = bordered(wb.createCellStyle());
            number.setDataFormat(wb.createDataFormat().getFormat("0"));
            CellStyle money = bordered(wb.createCellStyle());
            money.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            CellStyle totalText = bordered(wb.createCellStyle());
            totalText.setFont(bold);
            CellStyle totalMoney = bordered(wb.createCellStyle());
            totalMoney.setFont(bold);
            totalMoney.setDataFormat(wb.createDataFormat().getFormat("0.00"));

            String title = title(r, sheetTitle);
            Row t = sheet.createRow(0);
            t.setHeightInPoints(28);
            cell(t, 0, title, titleStyle);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADERS.size() - 1));
            Row u = sheet.createRow(1);
            cell(u, HEADERS.size() - 1, sheetUnit == null ? DEFAULT_UNIT : sheetUnit, unitStyle);
            Row h = sheet.createRow(2);
            for (int i = 0; i < HEADERS.size(); i++) {
                cell(h, i, HEADERS.get(i), head);
            }
            int row = 3;
            BigDecimal total = BigDecimal.ZERO;
            for (Line l : lines) {
                Row x = sheet.createRow(row++);
                Cell seq = x.createCell(0);
                seq.setCellValue(l.seq());
                seq.setCellStyle(number);
                cell(x, 1, l.name(), text);
                cell(x, 2, l.idNumber(), text);
                cell(x, 3, l.bankAccount(), text);
                cell(x, 4, l.bankName(), text);
                Cell amount = x.createCell(5);
                amount.setCellValue(l.amount().doubleValue());
                amount.setCellStyle(money);
                total = total.add(l.amount());
            }
            Row sum = sheet.createRow(row);
            cell(sum, 0, "合计", totalText);
            cell(sum, 1, "共 " + lines.size() + " 户", totalText);
            for (int i = 2; i < 5; i++) {
                cell(sum, i, "", totalText);
            }
            Cell s = sum.createCell(5);
            s.setCellValue(total.doubleValue());
            s.setCellStyle(totalMoney);
            int[] widths = {8, 12, 22, 26, 30, 14};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            wb.write(out);
            wb.close();
            return new File(title + ".xlsx", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CellStyle bordered(CellStyle s) {
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        return s;
    }

    private static void cell(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }
}
