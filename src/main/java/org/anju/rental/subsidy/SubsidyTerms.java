package org.anju.rental.subsidy;

import org.anju.platform.BadInput;
import org.anju.rental.rules.RuleText;
import org.anju.rental.rules.SubsidyFormula;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A city's parameter file read whole: the formula ({@link SubsidyFormula}, its own lines) and the payment terms this
 * package reads from lines of its own, each optional in the file and refused where it is needed but missing:
 * <pre>
 * 发放周期	按月		(or 按季)
 * 不足月	按日折算	(or 全月, 不发: a month an agreement covers only in part)
 * 银行表标题	{县区}{期间}住房租赁补贴发放花名册	(the bank sheet's title; {县区} and {期间} are filled in)
 * 银行表单位	单位：元
 * </pre>
 * The payment lines are blanked before the formula reads the text, so its messages keep the file's line numbers.
 */
record SubsidyTerms(SubsidyFormula formula, Cycle cycle, PartialMonth partialMonth, String sheetTitle, String sheetUnit) {

    static final Set<String> KEYS = Set.of("发放周期", "不足月", "银行表标题", "银行表单位");
    static final int MAX_CHARS = 100_000;

    static SubsidyTerms parse(String file, String text) {
        if (text == null || text.isBlank()) {
            throw new BadInput(file + "：文件是空的");
        }
        if (text.length() > MAX_CHARS) {
            throw new BadInput(file + "：补贴参数文件不能超过 " + MAX_CHARS + " 个字符");
        }
        Map<String, String> own = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (RuleText.Line line : RuleText.lines(text)) {
            if (KEYS.contains(line.key())) {
                String[] f = line.cells();
                String where = file + " 第 " + line.number() + " 行：";
                if (f.length < 2 || f[1].isEmpty()) {
                    throw new BadInput(where + "“" + f[0] + "”后面缺少内容");
                }
                if (own.put(f[0], f[1]) != null) {
                    throw new BadInput(where + "“" + f[0] + "”写了两次");
                }
                lines[line.number() - 1] = "";
            }
        }
        SubsidyFormula formula = SubsidyFormula.parse(file, String.join("\n", lines));
        Cycle cycle = null;
        if (own.containsKey("发放周期")) {
            cycle = Cycle.parse(own.get("发放周期")).orElseThrow(() -> new BadInput(file + "：发放周期应为“按月”或“按季”，不是“"
                    + own.get("发放周期") + "”"));
        }
        PartialMonth partial = null;
        if (own.containsKey("不足月")) {
            partial = PartialMonth.parse(own.get("不足月")).orElseThrow(() -> new BadInput(file
                    + "：不足月应为“按日折算”“全月”或“不发”，不是“" + own.get("不足月") + "”"));
        }
        return new SubsidyTerms(formula, cycle, partial, own.get("银行表标题"), own.get("银行表单位"));
    }
}
