package org.anju.plan.web;

import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.indicator.BuildingType;
import org.anju.indicator.Construction;
import org.anju.indicator.Placement;
import org.anju.plan.Milestone;
import org.anju.plan.Plans;
import org.anju.platform.Once;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The plan page's 进度要求 form: the issuer adds, changes and removes milestones. A bad field is refused with its
 * name and the expected form, and nothing is saved.
 */
@Controller
class MilestonePages {

    private final Plans plans;
    private final Once once;

    MilestonePages(Plans plans, Once once) {
        this.plans = plans;
        this.once = once;
    }

    @PostMapping("/plans/{id}/milestones")
    @Requires(Requirement.WRITE_OWN)
    String save(@PathVariable long id, @RequestParam int version, @RequestParam MultiValueMap<String, String> form,
                RedirectAttributes redirect) {
        try {
            Milestone m = parse(form);
            // sent again (Back, a double-click) the form carries the plan version it was shown with: without its key
            // the repeat was refused as 已被他人修改, about the user's own click — now it is answered as done
            Once.Done done = once.run(form.getFirst(Once.FIELD), Once.From.FORM, List.of(id, Once.fields(form)),
                    () -> plans.saveMilestone(id, version, m).id());
            redirect.addFlashAttribute("message", (m.id() == null ? "已添加" : "已修改") + "进度要求：" + m.dueOn() + " "
                    + (m.workItem() != null ? m.workItem() : m.scope() != null ? m.scope() : "")
                    + (done.repeated() ? "（同一表单又提交了一次，未重复保存）" : ""));
        } catch (IllegalArgumentException | IllegalStateException | java.util.NoSuchElementException e) {
            redirect.addFlashAttribute("milestoneError", e.getMessage());
        }
        return "redirect:/plans/" + id + "#milestones";
    }

    @PostMapping("/plans/{id}/milestones/{milestoneId}/delete")
    @Requires(Requirement.WRITE_OWN)
    String delete(@PathVariable long id, @PathVariable long milestoneId, @RequestParam int version,
                  RedirectAttributes redirect) {
        try {
            plans.deleteMilestone(id, version, milestoneId);
            redirect.addFlashAttribute("message", "已删除进度要求");
        } catch (IllegalArgumentException | IllegalStateException | java.util.NoSuchElementException e) {
            redirect.addFlashAttribute("milestoneError", e.getMessage());
        }
        return "redirect:/plans/" + id + "#milestones";
    }

    static Milestone parse(MultiValueMap<String, String> form) {
        String milestoneId = text(form, "milestoneId");
        LocalDate due = date(text(form, "dueOn"));
        String program = text(form, "program");
        if (program == null) {
            throw new org.anju.platform.BadInput("请选择工程类别");
        }
        BigDecimal threshold = number(text(form, "threshold"));
        String stage = text(form, "stage");
        if (stage == null && (text(form, "years") != null || text(form, "measure") != null
                || !form.getOrDefault("placements", List.of()).isEmpty()
                || !form.getOrDefault("constructions", List.of()).isEmpty()
                || !form.getOrDefault("buildingTypes", List.of()).isEmpty())) {
            // these fields only mean something for a check on the register: never dropped without a word
            throw new org.anju.platform.BadInput("项目年度、计量、安置方式、建设方式、楼型只用于按项目库核对：请选择“阶段”，或清空这些栏");
        }
        for (String key : List.of("quote", "scope", "workItem")) {
            String v = text(form, key);
            int max = key.equals("quote") ? 2000 : 200;
            if (v != null && v.length() > max) {
                throw new org.anju.platform.BadInput("“" + (key.equals("quote") ? "原文" : key.equals("scope") ? "范围" : "工作事项")
                        + "”太长（" + v.length() + " 字），最多 " + max + " 字");
            }
        }
        Milestone.Selection selection = stage == null ? null : new Milestone.Selection(stage, text(form, "measure"),
                years(text(form, "years")), choices(form, "placements", Placement::parse, "安置方式"),
                choices(form, "constructions", Construction::parse, "建设方式"),
                choices(form, "buildingTypes", BuildingType::parse, "楼型"));
        Long mid;
        try {
            mid = milestoneId == null ? null : Long.valueOf(milestoneId);
        } catch (NumberFormatException e) {
            throw new org.anju.platform.BadInput("参数 milestoneId 的值「" + milestoneId + "」不对：应为进度要求的编号");
        }
        return new Milestone(mid, due, program, text(form, "indicator"), text(form, "workItem"),
                text(form, "scope"), threshold, text(form, "quote"), selection);
    }

    private static String text(MultiValueMap<String, String> form, String key) {
        String v = form.getFirst(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static LocalDate date(String v) {
        if (v == null) {
            throw new org.anju.platform.BadInput("“时限”不能为空，应为日期（如 2023-08-31）");
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new org.anju.platform.BadInput("“时限”不是日期（应为 2023-08-31 这样的形式）：" + v);
        }
    }

    private static BigDecimal number(String v) {
        return v == null ? null : org.anju.platform.Numbers.figure(v.replace("%", "").replace("％", ""), "“要求达到（%）”");
    }

    /** "2021、2022" or "2021,2022": each a plan year. */
    static List<Integer> years(String v) {
        List<Integer> years = new ArrayList<>();
        if (v == null) {
            return years;
        }
        for (String part : v.split("[,，、\\s]+")) {
            String y = part.replace("年", "").strip();
            if (y.isEmpty()) {
                continue;
            }
            try {
                int year = Integer.parseInt(y);
                if (year < 1990 || year > 2100) {
                    throw new NumberFormatException();
                }
                years.add(year);
            } catch (NumberFormatException e) {
                throw new org.anju.platform.BadInput("“项目年度”中的「" + part + "」不是年份（应为 2021 或 2021、2022 这样的形式）");
            }
        }
        return years;
    }

    private static <T> List<T> choices(MultiValueMap<String, String> form, String key, Function<String, java.util.Optional<T>> parse,
                                       String label) {
        List<T> list = new ArrayList<>();
        for (String v : form.getOrDefault(key, List.of())) {
            if (!v.isBlank()) {
                list.add(parse.apply(v).orElseThrow(() -> new org.anju.platform.BadInput(label + "不对：" + v)));
            }
        }
        return list;
    }
}
