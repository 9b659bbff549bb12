package org.anju.ledger.identification;

import org.anju.platform.BadInput;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A 认定 checklist as a province or city uploads it — tab-separated lines an official keeps in a spreadsheet, lines
 * starting with # (the source header) and blank lines left out:
 * <pre>
 * 地区	220000
 * 发文机关	吉林省保障性安居工程领导小组办公室
 * 名称	吉林省棚户区改造项目认定清单
 * 文号	吉安居办〔2021〕10号
 * 生效	2021-03-23
 * 失效	2025-12-31                       (optional)
 * 来源	…
 * 条款	JL-4	严禁将因道路拓展……纳入棚改	排除	本项目是否……？	征收决定依据/规划	[核对]
 * </pre>
 * A 条款 line: number, verbatim clause, kind (排除/必备/优先), the question asked of a project, the evidence expected,
 * and optionally a {@link FactCheck}. Every problem is refused naming the file, line and column; nothing half-read
 * is returned.
 */
public final class ChecklistFile {

    /** Texts larger than this are no checklist. */
    static final int MAX_CHARS = 200_000;

    private ChecklistFile() {
    }

    /** What a file states. */
    public record Parsed(String regionCode, String issuingBody, String name, String document, LocalDate from,
                         LocalDate to, String source, List<Clause> clauses) {
    }

    public static Parsed parse(String file, String text) {
        if (text == null || text.isBlank()) {
            throw new BadInput(file + "：文件是空的");
        }
        if (text.length() > MAX_CHARS) {
            throw new BadInput(file + "：文件过大（超过 " + MAX_CHARS + " 个字符），不是认定清单");
        }
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Map<String, String> single = new LinkedHashMap<>();
        Map<String, Integer> where = new LinkedHashMap<>();
        List<Clause> clauses = new ArrayList<>();
        Map<String, Integer> numbers = new LinkedHashMap<>();
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int n = i + 1;
            String[] f = Arrays.stream(line.split("\t", -1)).map(String::strip).toArray(String[]::new);
            switch (f[0]) {
                case "地区", "发文机关", "名称", "文号", "生效", "失效", "来源" -> {
                    if (single.put(f[0], f.length > 1 ? f[1] : "") != null) {
                        throw bad(file, n, 1, "“" + f[0] + "”写了两次，只能有一行");
                    }
                    where.put(f[0], n);
                    if (f.length > 1 && f[1].isEmpty() || f.length < 2) {
                        throw bad(file, n, 2, "“" + f[0] + "”后面没有内容");
                    }
                }
                case "条款" -> {
                    Clause c = clause(file, n, f);
                    Integer before = numbers.put(c.number(), n);
                    if (before != null) {
                        throw bad(file, n, 2, "条款编号“" + c.number() + "”与第 " + before + " 行重复");
                    }
                    clauses.add(c);
                }
                default -> throw bad(file, n, 1, "不认识的行“" + f[0] + "”：应为 地区、发文机关、名称、文号、生效、失效、来源 或 条款");
            }
        }
        for (String key : List.of("地区", "发文机关", "名称", "文号", "生效", "来源")) {
            if (!single.containsKey(key)) {
                throw new BadInput(file + "：缺少“" + key + "”行");
            }
        }
        if (!single.get("地区").matches("\\d{6}")) {
            throw bad(file, where.get("地区"), 2, "地区应为 6 位区划代码（如 220000 吉林省），不是“" + single.get("地区") + "”");
        }
        LocalDate from = date(file, where.get("生效"), single.get("生效"));
        LocalDate to = single.containsKey("失效") ? date(file, where.get("失效"), single.get("失效")) : null;
        if (to != null && to.isBefore(from)) {
            throw bad(file, where.get("失效"), 2, "失效日期 " + to + " 早于生效日期 " + from);
        }
        if (clauses.isEmpty()) {
            throw new BadInput(file + "：没有“条款”行：认定清单至少要有一条条款");
        }
        return new Parsed(single.get("地区"), single.get("发文机关"), single.get("名称"), single.get("文号"), from, to,
                single.get("来源"), List.copyOf(clauses));
    }

    private static Clause clause(String file, int n, String[] f) {
        if (f.length < 6) {
            throw bad(file, n, f.length + 1, "条款行应为：条款、编号、条款原文、类别（排除/必备/优先）、"
                    + "向项目提出的问题、应提供的证明材料（六列，可加第七列核对条件）；这一行只有 " + f.length + " 列");
        }
        if (f.length > 7) {
            throw bad(file, n, 8, "条款行最多七列（第七列为核对条件），多出的内容请删去");
        }
        String[] names = {null, "编号", "条款原文", "类别", "问题", "证明材料"};
        for (int c = 1; c <= 5; c++) {
            if (f[c].isEmpty()) {
                throw bad(file, n, c + 1, names[c] + "不能为空");
            }
        }
        if (!f[1].matches("[\\p{L}\\p{N}.（）()〔〕\\-]{1,30}")) {
            throw bad(file, n, 2, "条款编号“" + f[1] + "”只能由文字、数字、点、括号和连字符组成（最多 30 个字符），如 JL-4 或 四.4");
        }
        ClauseKind kind = ClauseKind.parse(f[3]).orElseThrow(() -> bad(file, n, 4, "类别“" + f[3] + "”不对：应为 排除、必备 或 优先"));
        FactCheck check = null;
        if (f.length == 7 && !f[6].isEmpty()) {
            try {
                check = FactCheck.parse(f[6]);
            } catch (BadInput e) {
                throw bad(file, n, 7, e.getMessage());
            }
        }
        return new Clause(f[1], f[2], kind, f[4], f[5], check);
    }

    private static LocalDate date(String file, int line, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw bad(file, line, 2, "日期“" + text + "”应写成 2021-03-23");
        }
    }

    static BadInput bad(String file, int line, int column, String message) {
        return new BadInput(file + " 第 " + line + " 行第 " + column + " 列：" + message);
    }
}
