package org.anju.ledger.item;

import org.anju.account.Access;
import org.anju.account.Channel;
import org.anju.intake.InputException;
import org.anju.intake.InputProblem;
import org.anju.intake.SourceDocument;
import org.anju.intake.SourceReader;
import org.anju.intake.SourceRow;
import org.anju.intake.SourceSheet;
import org.anju.ledger.kind.DeadlineRule;
import org.anju.ledger.kind.FieldDef;
import org.anju.ledger.kind.KindDefinition;
import org.anju.platform.BadInput;
import org.anju.platform.Denied;
import org.anju.region.Region;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kind's ledger as officials keep it: one sheet, one row per item, the kind's Chinese column headers —
 * 序号 · 事项名称 · 责任单位 · 责任人 · 整改期限 · 整改措施 · the kind's fields · 状态. Imported all or nothing (preview,
 * then commit), every problem named by sheet, row and column; a column the kind does not have is refused by name,
 * never guessed. Exported in the same layout, so an exported file imports unchanged. Petitioners' names and phones
 * are personal data and are in neither direction (entered on the item's page).
 */
@Service
public class LedgerImport {

    static final String SEQ = "序号", TITLE = "事项名称", UNIT = "责任单位", RESPONSIBLE = "责任人", DEADLINE = "整改期限",
            MEASURES = "整改措施", STATE = "状态";

    /** One row as read. */
    public record Row(int row, NewItem item, String unitName) {
    }

    /** What an import found (preview) or wrote (commit). */
    public record Result(String kind, String kindName, String regionCode, String regionName, List<Row> rows, List<Long> ids,
                         boolean committed) {
    }

    private final Ledger ledger;
    private final SourceReader reader;
    private final Access access;
    private final TransactionTemplate transaction;

    private final org.anju.platform.OperationsMetrics metrics;

    LedgerImport(Ledger ledger, SourceReader reader, Access access, TransactionTemplate transaction,
                 org.anju.platform.OperationsMetrics metrics) {
        this.metrics = metrics;
        this.ledger = ledger;
        this.reader = reader;
        this.access = access;
        this.transaction = transaction;
    }

    static List<String> headers(KindDefinition kind) {
        List<String> h = new ArrayList<>(List.of(SEQ, TITLE, UNIT, RESPONSIBLE, DEADLINE, MEASURES));
        kind.fields().forEach(f -> h.add(f.label()));
        h.add(STATE);
        return h;
    }

    /** Reads the file and checks every row; with {@code commit}, writes all rows in one transaction, or none. */
    public Result importFile(String regionCode, String kindCode, String fileName, byte[] content, boolean commit) {
        return metrics.timeImport(commit ? "ledger" : "ledger-preview",
                () -> importChecked(regionCode, kindCode, fileName, content, commit));
    }

    private Result importChecked(String regionCode, String kindCode, String fileName, byte[] content, boolean commit) {
        KindDefinition kind = ledger.kinds().get(kindCode);
        Region region = ledger.region(regionCode);
        if (!ledger.canIssue(region.code())) {
            throw new Denied("无权导入" + region.name() + "的台账：由该地区能修改数据的账号导入");
        }
        SourceDocument doc = reader.read(fileName, content);
        List<Row> rows = rows(kind, region, fileName, doc);
        if (!commit) {
            return new Result(kind.code(), kind.name(), region.code(), region.name(), rows, List.of(), false);
        }
        List<Long> ids = Access.via(Channel.IMPORT, () -> transaction.execute(s -> {
            List<Long> out = new ArrayList<>();
            List<InputProblem> problems = new ArrayList<>();
            for (Row r : rows) {
                try {
                    out.add(ledger.create(r.item()));
                } catch (IllegalArgumentException | IllegalStateException e) {
                    org.anju.platform.Refusals.rethrowBug(e);
                    problems.add(new InputProblem(fileName, doc.sheets().getFirst().name(), r.row(), null, e.getMessage()));
                }
            }
            if (!problems.isEmpty()) {
                s.setRollbackOnly();
                throw new InputException(problems);
            }
            return out;
        }));
        return new Result(kind.code(), kind.name(), region.code(), region.name(), rows, ids, true);
    }

    List<Row> rows(KindDefinition kind, Region region, String file, SourceDocument doc) {
        SourceSheet sheet = doc.sheets().getFirst();
        List<InputProblem> problems = new ArrayList<>();
        List<String> known = headers(kind);
        SourceRow header = null;
        int at = 0;
        for (; at < sheet.rows().size(); at++) {
            SourceRow r = sheet.rows().get(at);
            if (!r.prose() && !r.cell(0).startsWith("#") && !r.text().isBlank()) {
                header = r;
                break;
            }
        }
        if (header == null) {
            throw new InputException(InputProblem.ofFile(file, "没有表头行：第一行应为 " + String.join("、", known)));
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int c = 0; c < header.cells().size(); c++) {
            String h = header.cell(c);
            if (h.isEmpty()) {
                continue;
            }
            if (!known.contains(h)) {
                problems.add(new InputProblem(file, sheet.name(), header.number(), c + 1, "“" + h + "”不是" + kind.name()
                        + "台账的列，不能确定它对应哪一项：请改为以下列名之一，或删去该列：" + String.join("、", known)));
            } else if (columns.putIfAbsent(h, c) != null) {
                problems.add(new InputProblem(file, sheet.name(), header.number(), c + 1, "列“" + h + "”重复"));
            }
        }
        List<String> required = new ArrayList<>(List.of(TITLE, UNIT));
        if (kind.deadline() instanceof DeadlineRule.OnDate) {
            required.add(DEADLINE);
        }
        kind.fields().stream().filter(FieldDef::required).forEach(f -> required.add(f.label()));
        for (String r : required) {
            if (!columns.containsKey(r)) {
                problems.add(new InputProblem(file, sheet.name(), header.number(), null, "缺少必填的列“" + r + "”"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        Map<String, Long> units = new HashMap<>();
        ledger.units(region.code()).forEach(u -> units.put(u.name(), u.id()));
        List<Row> rows = new ArrayList<>();
        for (int i = at + 1; i < sheet.rows().size(); i++) {
            SourceRow r = sheet.rows().get(i);
            if (r.prose() || r.cell(0).startsWith("#") || r.text().isBlank()) {
                continue;
            }
            List<InputProblem> here = new ArrayList<>();
            java.util.function.Function<String, String> cell = h -> columns.containsKey(h) ? r.cell(columns.get(h)) : "";
            java.util.function.BiConsumer<String, String> problem = (h, m) -> here.add(new InputProblem(file, sheet.name(),
                    r.number(), columns.containsKey(h) ? columns.get(h) + 1 : null, m));
            String title = cell.apply(TITLE);
            if (title.isEmpty()) {
                problem.accept(TITLE, "“事项名称”不能为空");
            }
            String unitName = cell.apply(UNIT);
            Long unitId = units.get(unitName);
            if (unitName.isEmpty()) {
                problem.accept(UNIT, "“责任单位”不能为空");
            } else if (unitId == null) {
                problem.accept(UNIT, "责任单位“" + unitName + "”不在" + region.name() + "的责任单位名单中：请先由管理员在“台账 · 责任单位”中添加，"
                        + "或改为名单中的名称（" + String.join("、", units.keySet()) + "）");
            }
            LocalDate deadline = null;
            if (!cell.apply(DEADLINE).isEmpty()) {
                try {
                    deadline = FieldDef.date(DEADLINE, cell.apply(DEADLINE));
                } catch (BadInput e) {
                    problem.accept(DEADLINE, e.getMessage());
                }
            } else if (kind.deadline() instanceof DeadlineRule.OnDate) {
                problem.accept(DEADLINE, "“整改期限”不能为空：" + kind.name() + "须写明完成日期");
            }
            String state = cell.apply(STATE);
            if (!state.isEmpty() && !state.equals(LedgerState.PENDING.label())) {
                problem.accept(STATE, "导入的事项从“待整改”开始，状态列应为空或“待整改”，实际为“" + state
                        + "”：进展、销号请在平台上办理，以留下记录");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (FieldDef f : kind.fields()) {
                try {
                    String v = f.normalize(cell.apply(f.label()));
                    if (v != null) {
                        fields.put(f.code(), v);
                    }
                } catch (BadInput e) {
                    problem.accept(f.label(), e.getMessage());
                }
            }
            if (here.isEmpty()) {
                rows.add(new Row(r.number(), new NewItem(kind.code(), region.code(), title, fields, unitId,
                        blank(cell.apply(RESPONSIBLE)), blank(cell.apply(MEASURES)), deadline, null, null, null, null, null), unitName));
            }
            problems.addAll(here);
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        if (rows.isEmpty()) {
            throw new InputException(InputProblem.ofFile(file, "表中没有事项：表头之下应每行一个事项"));
        }
        return rows;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The region's own items of a kind, in the import's layout. */
    public byte[] export(String regionCode, String kindCode) {
        KindDefinition kind = ledger.kinds().get(kindCode);
        Region region = ledger.region(regionCode);
        List<Item> items = ledger.items(region.code(), kind.code(), null).stream()
                .filter(i -> i.regionCode().equals(region.code())).sorted(java.util.Comparator.comparingLong(Item::id)).toList();
        List<String> headers = headers(kind);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(kind.name()));
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            org.apache.poi.ss.usermodel.Row h = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                h.createCell(c).setCellValue(headers.get(c));
                h.getCell(c).setCellStyle(bold);
                sheet.setColumnWidth(c, 16 * 256);
            }
            int r = 1;
            for (Item i : items) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
                List<String> values = new ArrayList<>(List.of(String.valueOf(r), i.title(), nz(i.unitName()), nz(i.responsible()),
                        i.deadline().toString(), nz(i.measures())));
                kind.fields().forEach(f -> values.add(nz(i.field(f.code()))));
                values.add(i.state().label());
                for (int c = 0; c < values.size(); c++) {
                    if (!values.get(c).isEmpty()) {
                        row.createCell(c).setCellValue(values.get(c));
                    }
                }
                r++;
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
