package org.anju.bulletin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a correction changed against the version it corrects, part by part, as the 更正说明 lists it: the head fields,
 * each subsection by its heading, each problem, the other sections, and the attachment tables row by row.
 */
final class BulletinChanges {

    private BulletinChanges() {
    }

    static List<String> between(Bulletin before, Bulletin after) {
        List<String> changes = new ArrayList<>();
        field(changes, "发文机关", before.issuer(), after.issuer());
        field(changes, "主送机关", before.addressee(), after.addressee());
        field(changes, "标题", before.title(), after.title());
        field(changes, "成文日期", Objects.toString(before.date(), null), Objects.toString(after.date(), null));
        parts(changes, parts(before), parts(after));
        tables(changes, before.tables(), after.tables());
        return changes;
    }

    private static void field(List<String> changes, String name, String a, String b) {
        if (!Objects.equals(a, b)) {
            changes.add(name + "：由“" + (a == null ? "" : a) + "”改为“" + (b == null ? "" : b) + "”");
        }
    }

    /** Each printed part by a name that does not depend on its number: 住房租赁补贴目标任务及进展情况, 存在的问题（数据报送不完整）. */
    static Map<String, String> parts(Bulletin b) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (Bulletin.Section s : b.sections()) {
            if (!s.paragraphs().isEmpty() && !s.heading().contains("存在的问题")) {
                parts.put(unnumbered(s.heading()), String.join("\n", s.paragraphs()));
            }
            for (Bulletin.Section sub : s.subsections()) {
                parts.put(unnumbered(sub.heading()), String.join("\n", sub.paragraphs()));
            }
        }
        for (String p : b.problems()) {
            String text = unnumberedProblem(p);
            parts.put("存在的问题“" + firstSentence(text) + "”", text);
        }
        return parts;
    }

    private static void parts(List<String> changes, Map<String, String> before, Map<String, String> after) {
        before.forEach((name, text) -> {
            if (!after.containsKey(name)) {
                changes.add(name + "：删去");
            } else if (!after.get(name).equals(text)) {
                changes.add(name + "：已修改");
            }
        });
        after.keySet().stream().filter(name -> !before.containsKey(name)).forEach(name -> changes.add(name + "：新增"));
    }

    private static void tables(List<String> changes, List<BulletinTable> before, List<BulletinTable> after) {
        for (BulletinTable t : after) {
            BulletinTable old = before.stream().filter(o -> o.label().equals(t.label())).findFirst().orElse(null);
            if (old == null) {
                changes.add(t.label() + "：新增");
                continue;
            }
            List<String> rows = new ArrayList<>();
            for (List<String> row : t.rows()) {
                List<String> was = old.rows().stream().filter(r -> r.getFirst().equals(row.getFirst())).findFirst().orElse(null);
                if (!row.equals(was)) {
                    rows.add(row.getFirst());
                }
            }
            if (!rows.isEmpty()) {
                changes.add(t.label() + "：" + String.join("、", rows) + "行的数据已修改");
            } else if (!t.equals(old)) {
                changes.add(t.label() + "：已修改");
            }
        }
        before.stream().filter(o -> after.stream().noneMatch(t -> t.label().equals(o.label())))
                .forEach(o -> changes.add(o.label() + "：删去"));
    }

    /** （三）住房租赁补贴… → 住房租赁补贴…; 三、下一步工作重点 → 下一步工作重点. */
    static String unnumbered(String heading) {
        return heading.replaceFirst("^（[一二三四五六七八九十]+）", "").replaceFirst("^[一二三四五六七八九十]+、", "");
    }

    /** 二是数据报送不完整。… → 数据报送不完整。… */
    static String unnumberedProblem(String problem) {
        return problem.replaceFirst("^[一二三四五六七八九十]+是", "");
    }

    static String firstSentence(String text) {
        int end = text.indexOf('。');
        String s = end < 0 ? text : text.substring(0, end);
        return s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }
}
