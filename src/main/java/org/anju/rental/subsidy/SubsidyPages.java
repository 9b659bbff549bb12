package org.anju.rental.subsidy;

import org.anju.account.Access;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.platform.BadInput;
import org.anju.platform.ChinaTime;
import org.anju.platform.Refusals;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages: a county's agreements (with the households still to sign and the city's parameters), an agreement with its
 * computation and history (stop, 年审), the county's rolls (generate, the month's figures), a roll (confirm, bank sheet,
 * results).
 */
@Controller
class SubsidyPages {

    private final Subsidies subsidies;
    private final PaymentRolls rolls;
    private final Access access;

    SubsidyPages(Subsidies subsidies, PaymentRolls rolls, Access access) {
        this.subsidies = subsidies;
        this.rolls = rolls;
        this.access = access;
    }

    private String regionOrOwn(String region) {
        return region == null || region.isBlank() ? access.current().region().code() : region.strip();
    }

    @GetMapping("/rental/subsidies")
    @Requires(Requirement.READ_SCOPED)
    String agreements(@RequestParam(required = false) String region, @RequestParam(required = false) Boolean active,
                      Model model) {
        String code = regionOrOwn(region);
        model.addAttribute("region", code);
        model.addAttribute("agreements", subsidies.agreements(code, active, 0, 500));
        model.addAttribute("active", active);
        boolean handles = subsidies.mayHandle(code);
        model.addAttribute("handles", handles);
        model.addAttribute("unsigned", handles ? subsidies.unsigned(code) : List.of());
        model.addAttribute("parameters", subsidies.parameterVersions(code));
        model.addAttribute("thisMonth", YearMonth.now(ChinaTime.ZONE).toString());
        return "rental/subsidy/agreements";
    }

    @PostMapping("/rental/subsidies/agreements")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String sign(@RequestParam(required = false) Long householdId, @RequestParam(required = false) String startMonth,
                @RequestParam(required = false) String reviewDue, @RequestParam(required = false) String tier,
                @RequestParam(required = false) String rent, @RequestParam(required = false) String bankAccount,
                @RequestParam(required = false) String bankName, @RequestParam(required = false) String region,
                RedirectAttributes redirect) {
        try {
            Agreement a = subsidies.sign(new AgreementForm(householdId, optionalMonth(startMonth), optionalDate(reviewDue),
                    tier, amount(rent), bankAccount, bankName));
            redirect.addFlashAttribute("message", "已签订补贴协议，每月发放 " + Computation.money(a.monthlyAmount()) + " 元");
            return "redirect:/rental/subsidies/agreements/" + a.id();
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addAttribute("region", regionOrOwn(region));
            return "redirect:/rental/subsidies";
        }
    }

    @GetMapping("/rental/subsidies/agreements/{id}")
    @Requires(Requirement.READ_SCOPED)
    String agreement(@PathVariable long id, Model model) {
        Agreement a = subsidies.agreement(id);
        model.addAttribute("agreement", a);
        model.addAttribute("handles", subsidies.mayHandle(a.countyCode()));
        model.addAttribute("reasons", StopReason.values());
        model.addAttribute("today", LocalDate.now(ChinaTime.ZONE));
        model.addAttribute("nextMonth", YearMonth.now(ChinaTime.ZONE).plusMonths(1).toString());
        return "rental/subsidy/agreement";
    }

    @PostMapping("/rental/subsidies/agreements/{id}/stop")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String stop(@PathVariable long id, @RequestParam(required = false) Integer version,
                @RequestParam(required = false) String reason, @RequestParam(required = false) String stopOn,
                @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            subsidies.stop(id, version, SubsidyController.reason(reason), optionalDate(stopOn), note);
            redirect.addFlashAttribute("message", "已停发");
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/rental/subsidies/agreements/" + id;
    }

    @PostMapping("/rental/subsidies/agreements/{id}/review")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String review(@PathVariable long id, @RequestParam(required = false) Integer version,
                  @RequestParam(required = false) String fromMonth, @RequestParam(required = false) String reviewDue,
                  @RequestParam(required = false) String tier, @RequestParam(required = false) String rent,
                  @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            Agreement a = subsidies.review(id, new ReviewForm(version, optionalMonth(fromMonth), optionalDate(reviewDue), tier,
                    amount(rent), note));
            redirect.addFlashAttribute("message", "年审已办理，自" + fromMonth + "起每月发放 " + Computation.money(a.monthlyAmount()) + " 元");
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/rental/subsidies/agreements/" + id;
    }

    @GetMapping("/rental/subsidies/rolls")
    @Requires(Requirement.READ_SCOPED)
    String rolls(@RequestParam(required = false) String region, @RequestParam(required = false) String month, Model model) {
        String code = regionOrOwn(region);
        YearMonth m = month == null || month.isBlank() ? YearMonth.now(ChinaTime.ZONE) : SubsidyController.month(month);
        model.addAttribute("region", code);
        model.addAttribute("rolls", rolls.rolls(code));
        model.addAttribute("figures", rolls.figures(code, m));
        model.addAttribute("month", m.toString());
        model.addAttribute("handles", subsidies.mayHandle(code));
        return "rental/subsidy/rolls";
    }

    @PostMapping("/rental/subsidies/rolls")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String generate(@RequestParam(required = false) String region, @RequestParam(required = false) String month,
                    RedirectAttributes redirect) {
        String code = regionOrOwn(region);
        try {
            Roll r = rolls.generate(code, optionalMonth(month));
            redirect.addFlashAttribute("message", "已生成" + r.periodName() + "花名册：" + r.households() + " 户，合计 "
                    + Computation.money(r.total()) + " 元");
            return "redirect:/rental/subsidies/rolls/" + r.id();
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addAttribute("region", code);
            return "redirect:/rental/subsidies/rolls";
        }
    }

    @GetMapping("/rental/subsidies/rolls/{id}")
    @Requires(Requirement.READ_SCOPED)
    String roll(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        Roll r = rolls.roll(id);
        model.addAttribute("roll", r);
        model.addAttribute("lines", rolls.lines(id, Math.max(0, page) * 200, 200));
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("months", months(r));
        model.addAttribute("handles", subsidies.mayHandle(r.countyCode()));
        return "rental/subsidy/roll";
    }

    static List<String> months(Roll r) {
        List<String> m = new ArrayList<>();
        for (LocalDate d = r.periodStart(); !d.isAfter(r.periodEnd()); d = d.plusMonths(1)) {
            m.add(d.getMonthValue() + "月");
        }
        return m;
    }

    @PostMapping("/rental/subsidies/rolls/{id}/confirm")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String confirm(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        try {
            rolls.confirm(id, version);
            redirect.addFlashAttribute("message", "花名册已确认，可导出银行发放表");
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/rental/subsidies/rolls/" + id;
    }

    @PostMapping("/rental/subsidies/rolls/{id}/bank-sheet")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    Object bankSheet(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            return SubsidyController.xlsx(rolls.bankSheet(id, reason));
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/rental/subsidies/rolls/" + id;
        }
    }

    @PostMapping("/rental/subsidies/rolls/{id}/marks")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String mark(@PathVariable long id, @RequestParam(required = false) String seqs, @RequestParam(required = false) String status,
                @RequestParam(required = false) String online, @RequestParam(required = false) String failure,
                RedirectAttributes redirect) {
        try {
            Roll r = rolls.mark(id, seqs(seqs), SubsidyController.status(status),
                    online == null || online.isBlank() ? null : "是".equals(online) || "true".equals(online), failure);
            redirect.addFlashAttribute("message", "已登记：" + r.results());
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/rental/subsidies/rolls/" + id;
    }

    @PostMapping("/rental/subsidies/parameters")
    @Requires(Requirement.ADMIN)
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String region,
                  @RequestParam(required = false) String effectiveFrom, RedirectAttributes redirect) throws IOException {
        String code = regionOrOwn(region);
        try {
            if (file == null || file.isEmpty()) {
                throw new BadInput("请选择补贴参数文件");
            }
            SubsidyParameters p = subsidies.uploadParameters(code, optionalDate(effectiveFrom), file.getOriginalFilename(),
                    SubsidyController.utf8(file.getBytes(), file.getOriginalFilename()));
            redirect.addFlashAttribute("message", "已保存" + p.regionName() + "的补贴参数（第 " + p.id() + " 号），自"
                    + Subsidies.DAY.format(p.effectiveFrom()) + "起施行");
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        redirect.addAttribute("region", code);
        return "redirect:/rental/subsidies";
    }

    static List<Integer> seqs(String text) {
        List<Integer> seqs = new ArrayList<>();
        if (text == null) {
            return seqs;
        }
        for (String part : text.split("[,，、\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                if (part.contains("-")) {
                    int from = Integer.parseInt(part.substring(0, part.indexOf('-')));
                    int to = Integer.parseInt(part.substring(part.indexOf('-') + 1));
                    if (to < from || to - from > 100_000) {
                        throw new BadInput("序号范围“" + part + "”不对：应如 1-20");
                    }
                    for (int i = from; i <= to; i++) {
                        seqs.add(i);
                    }
                } else {
                    seqs.add(Integer.parseInt(part));
                }
            } catch (NumberFormatException e) {
                throw new BadInput("序号“" + part + "”不是数字：请写成 1, 3, 5-9");
            }
        }
        return seqs;
    }

    private static YearMonth optionalMonth(String text) {
        return text == null || text.isBlank() ? null : SubsidyController.month(text);
    }

    private static LocalDate optionalDate(String text) {
        return text == null || text.isBlank() ? null : SubsidyController.date(text, "日期");
    }

    private static BigDecimal amount(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new BadInput("月租金“" + text.strip() + "”不是数值（元）");
        }
    }
}
