package org.anju.cli;

import org.anju.plan.check.Finding;
import org.anju.plan.imports.ImportResult;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.util.List;

/** How commands print: plain Chinese text for people, or JSON with {@code --json}. */
final class Output {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Output() {
    }

    static void json(PrintWriter out, Object value) {
        out.println(JSON.writeValueAsString(value));
    }

    static void importResult(PrintWriter out, ImportResult r, boolean allFigures) {
        if (!r.ok()) {
            out.println("导入失败：" + r.fileName() + "（未写入任何数据）");
            r.problems().forEach(p -> out.println("  ✗ " + p.text()));
            return;
        }
        out.println((r.committed() ? "已导入：" : "预览（未写入）：") + r.fileName()
                + (r.encoding() != null ? "（" + r.encoding() + "）" : ""));
        var p = r.plan();
        if (p != null) {
            out.println("  计划：" + p.title() + (p.documentNumber() != null ? "（" + p.documentNumber() + "）" : "")
                    + (r.planId() != null ? "，编号 " + r.planId() : ""));
            out.println("  发文：" + p.issuerRegion() + "（" + p.issuerCode() + "），年度 "
                    + (p.firstYear() == p.lastYear() ? p.firstYear() : p.firstYear() + "–" + p.lastYear())
                    + (p.parentPlan() != null ? "，上级计划 " + p.parentPlan() : ""));
        }
        var g = r.progress();
        if (g != null) {
            out.println("  进展表：" + g.title() + "，" + g.issuerRegion() + "（" + g.issuerCode() + "），截至 " + g.period()
                    + (r.progressId() != null ? "，编号 " + r.progressId() : ""));
        }
        for (ImportResult.TableSummary t : r.tables()) {
            out.println("  " + (t.label() != null ? t.label() + " " : "") + t.title() + "（"
                    + ("PROGRESS".equals(t.kind()) ? "进展表" + (t.period() != null ? "，截至 " + t.period() : "") : "计划表")
                    + "）：" + t.rows() + " 行，" + t.figures() + " 个数");
        }
        out.println("  各列含义：");
        for (ImportResult.ColumnLine c : r.columns()) {
            out.println("    " + c.table() + " 第 " + c.letter() + " 列「" + c.header() + "」→ " + c.meaning()
                    + (c.basis() == null || c.basis().isEmpty() ? "" : "（" + c.basis() + "）"));
        }
        r.notes().forEach(n -> out.println("  注：" + n.where() + "：" + n.text()));
        r.warnings().forEach(w -> out.println("  ⚠ " + w));
        if (!r.questions().isEmpty()) {
            out.println("  尚有 " + r.questions().size() + " 处待确认（确认前不会写入任何数据）：");
            for (ImportResult.Question q : r.questions()) {
                out.println("  ? " + q.where() + "：" + q.text());
                String option = switch (q.kind()) {
                    case "COLUMN" -> "--column \"" + q.key() + "=…\"";
                    case "REGION" -> "--region \"" + q.key() + "=…\"";
                    case "PERIOD" -> "--period 2023-09";
                    case "PARENT" -> "--parent 文号";
                    default -> "--years 2023";
                };
                out.println("      答法：" + option + (q.choices().isEmpty() ? "" : "，可选：" + String.join("、",
                        q.choices().stream().limit(8).map(c -> c.value() + "（" + c.label() + "）").toList())));
            }
        }
        int shown = allFigures ? r.figures().size() : Math.min(r.figures().size(), 20);
        if (!r.figures().isEmpty()) {
            out.println("  识别出的数字（" + r.figures().size() + " 个" + (shown < r.figures().size() ? "，列出前 " + shown
                    + " 个；--all 列出全部" : "") + "）：");
            for (ImportResult.FigureLine f : r.figures().subList(0, shown)) {
                out.println("    " + f.table() + " 第 " + f.row() + " 行 " + f.column() + "「" + f.rowLabel() + "」→ "
                        + f.regionName() + "（" + f.regionCode() + "） " + f.indicator() + " "
                        + (f.year() == null ? "合计" : f.year() + "年") + " " + kindLabel(f.kind())
                        + (f.period() == null ? "" : "（截至 " + f.period() + "）") + "：" + f.printed());
            }
        }
        for (ImportResult.StatedLine s : r.stated()) {
            out.println("  正文数「" + s.printed() + "」（" + s.regionName() + "）：" + switch (s.status()) {
                case "AGREES" -> "与表中 " + s.tableValue().stripTrailingZeros().toPlainString() + " 一致";
                case "DIFFERS" -> "与表中 " + s.tableValue().stripTrailingZeros().toPlainString() + " 不符";
                default -> "表中无对应数字";
            });
        }
        findings(out, r.findings());
    }

    private static String kindLabel(String kind) {
        return switch (kind) {
            case "TARGET" -> "目标任务";
            case "ACTUAL" -> "完成数";
            default -> "完成率";
        };
    }

    static void findings(PrintWriter out, List<Finding> findings) {
        if (findings.isEmpty()) {
            out.println("  校验：未发现不一致");
            return;
        }
        out.println("  校验：发现 " + findings.size() + " 处不一致");
        for (Finding f : findings) {
            out.println("  ! [" + f.kind().title() + "] " + f.location());
            out.println("      " + f.message());
        }
    }
}
