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

    static void importResult(PrintWriter out, ImportResult r) {
        if (!r.ok()) {
            out.println("导入失败：" + r.fileName() + "（未写入任何数据）");
            r.problems().forEach(p -> out.println("  ✗ " + p.text()));
            return;
        }
        var p = r.plan();
        out.println((r.committed() ? "已导入：" : "预览（未写入）：") + r.fileName()
                + (r.encoding() != null ? "（" + r.encoding() + "）" : ""));
        out.println("  计划：" + p.title() + (p.documentNumber() != null ? "（" + p.documentNumber() + "）" : "")
                + (r.planId() != null ? "，编号 " + r.planId() : ""));
        out.println("  发文：" + p.issuerRegion() + "（" + p.issuerCode() + "），年度 "
                + (p.firstYear() == p.lastYear() ? p.firstYear() : p.firstYear() + "–" + p.lastYear())
                + (p.parentPlan() != null ? "，上级计划 " + p.parentPlan() : ""));
        for (ImportResult.TableSummary t : r.tables()) {
            out.println("  " + (t.label() != null ? t.label() + " " : "") + t.title() + "：" + t.rows() + " 行，"
                    + t.figures() + " 个数；" + String.join("、", t.columns()));
        }
        findings(out, r.findings());
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
