package org.anju.rental.lease;

import org.anju.account.Access;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.platform.ChinaTime;
import org.anju.platform.Refusals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** Pages: a county's leases and month figures, a lease (bills, payments, timeline, forms), its printable summary, arrears, violations. */
@Controller
class LeasePages {

    private final Leases leases;
    private final Access access;

    LeasePages(Leases leases, Access access) {
        this.leases = leases;
        this.access = access;
    }

    private String countyOrOwn(String region) {
        return region == null || region.isBlank() ? access.current().region().code() : region.strip();
    }

    @GetMapping("/rental/leases")
    @Requires(Requirement.READ_SCOPED)
    String list(@RequestParam(required = false) String region, @RequestParam(defaultValue = "true") boolean open,
                @RequestParam(required = false) String period, Model model) {
        String code = countyOrOwn(region);
        YearMonth month = period == null || period.isBlank() ? YearMonth.now(ChinaTime.ZONE) : LeaseController.month(period);
        model.addAttribute("leases", leases.leases(code, open));
        model.addAttribute("figures", leases.figures(code, month));
        model.addAttribute("region", code);
        model.addAttribute("open", open);
        model.addAttribute("period", month.toString());
        model.addAttribute("canOperate", leases.canOperate(code));
        return "rental/lease/list";
    }

    @GetMapping("/rental/leases/{id}")
    @Requires(Requirement.READ_SCOPED)
    String lease(@PathVariable long id, Model model) {
        LeaseController.LeaseDetail d = LeaseController.detail(leases, id);
        model.addAttribute("d", d);
        model.addAttribute("rules", leases.rulesOf(id));
        model.addAttribute("canOperate", leases.canOperate(d.lease().countyCode()));
        model.addAttribute("channels", PaymentChannel.values());
        model.addAttribute("today", LocalDate.now(ChinaTime.ZONE));
        return "rental/lease/lease";
    }

    @GetMapping("/rental/leases/{id}/print")
    @Requires(Requirement.READ_SCOPED)
    String print(@PathVariable long id, Model model) {
        model.addAttribute("d", LeaseController.detail(leases, id));
        model.addAttribute("rules", leases.rulesOf(id));
        return "rental/lease/print";
    }

    @GetMapping("/rental/leases/arrears")
    @Requires(Requirement.READ_SCOPED)
    String arrears(@RequestParam(required = false) String region, @RequestParam(required = false) String asOf, Model model) {
        String code = countyOrOwn(region);
        LocalDate day = LeaseController.date(asOf, "asOf");
        model.addAttribute("arrears", leases.countyArrears(code, day));
        model.addAttribute("candidates", leases.candidates(code, day));
        model.addAttribute("region", code);
        model.addAttribute("asOf", day == null ? LocalDate.now(ChinaTime.ZONE) : day);
        return "rental/lease/arrears";
    }

    @GetMapping("/rental/leases/violations")
    @Requires(Requirement.READ_SCOPED)
    String violations(@RequestParam(required = false) String region, Model model) {
        String code = countyOrOwn(region);
        model.addAttribute("violations", leases.countyViolations(code));
        model.addAttribute("region", code);
        return "rental/lease/violations";
    }

    @PostMapping("/rental/leases/bills")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String bill(@RequestParam String region, @RequestParam String period, RedirectAttributes redirect) {
        try {
            Leases.BillingRun run = leases.bill(region, LeaseController.month(period));
            redirect.addFlashAttribute("message", period + " 账单：新生成 " + run.created() + " 笔，已有 " + run.existing() + " 笔"
                    + (run.skipped().isEmpty() ? "" : "；未出账：" + String.join("；", run.skipped())));
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/rental/leases?region=" + region.strip() + "&period=" + period.strip();
    }

    @PostMapping("/rental/leases/{id}/payments")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String pay(@PathVariable long id, @RequestParam String amount, @RequestParam(required = false) String paidOn,
               @RequestParam String channel, @RequestParam(required = false) String reference, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            BigDecimal value;
            try {
                value = new BigDecimal(amount.strip());
            } catch (NumberFormatException e) {
                throw new org.anju.platform.BadInput("缴费金额“" + amount + "”不是数字（元，如 60.00）");
            }
            Lease.Payment p = leases.pay(id, value, LeaseController.date(paidOn, "缴费日期"), LeaseController.channel(channel), reference);
            return "已登记缴费 " + p.amount() + " 元（" + p.channel().label() + "）";
        });
    }

    @PostMapping("/rental/leases/{id}/exit")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String exit(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String appliedOn,
                @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            leases.exitVoluntary(id, version, LeaseController.date(appliedOn, "申请日期"), reason);
            return "已受理自愿退出申请，请在房屋验收后办理腾退";
        });
    }

    @PostMapping("/rental/leases/{id}/move-out")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String moveOut(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String on,
                   @RequestParam(required = false) String inspection, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            Lease l = leases.moveOut(id, version, LeaseController.date(on, "腾退日期"), inspection);
            return "已腾退，房源已空置（" + l.exitLabel() + "）";
        });
    }

    private String act(long id, RedirectAttributes redirect, java.util.function.Supplier<String> work) {
        try {
            redirect.addFlashAttribute("message", work.get());
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/rental/leases/" + id;
    }
}
