package org.anju.rental.lease;

import org.anju.account.Access;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.platform.ChinaTime;
import org.anju.platform.Once;
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
    /** 登记缴费 sent twice is recorded once (Once). */
    private final Once once;
    private final Access access;
    private final org.anju.rental.household.Households households;
    private final org.anju.rental.stock.Stock stock;

    LeasePages(Leases leases, Access access, org.anju.rental.household.Households households,
               org.anju.rental.stock.Stock stock, Once once) {
        this.once = once;
        this.leases = leases;
        this.access = access;
        this.households = households;
        this.stock = stock;
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
               @RequestParam String channel, @RequestParam(required = false) String reference,
               @RequestParam(name = Once.FIELD, required = false) String key, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            BigDecimal value;
            try {
                value = new BigDecimal(amount.strip());
            } catch (NumberFormatException e) {
                throw new org.anju.platform.BadInput("缴费金额“" + amount + "”不是数字（元，如 60.00）");
            }
            // a payment without a 票据号 has nothing to tell a repeat by: the form's key does (Once)
            Once.Done done = once.run(key, Once.From.FORM, java.util.List.of(id, amount, String.valueOf(paidOn), channel,
                    String.valueOf(reference)), () -> leases.pay(id, value, LeaseController.date(paidOn, "缴费日期"),
                    LeaseController.channel(channel), reference).id());
            Lease.Payment p = leases.payment(id, done.id());
            return "已登记缴费 " + p.amount() + " 元（" + p.channel().label() + "）" + (done.repeated() ? "（同一表单又提交了一次，未重复登记）" : "");
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

    /** The form to sign a lease for a household and the dwelling it chose (linked from the round's page). */
    @GetMapping("/rental/leases/new")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String newLease(@RequestParam long household, @RequestParam long dwelling, Model model) {
        var d = stock.dwelling(dwelling);
        if (!leases.canOperate(d.regionCode())) {
            var a = access.current();
            throw new org.anju.platform.Denied("当前账号（" + a.displayName() + "，" + a.rolesLabel() + "）不能办理" + d.estateName()
                    + "的公租房租赁：须为房源所在县区（或所在市）的住房保障审核员");
        }
        model.addAttribute("household", households.household(household));
        model.addAttribute("dwelling", d);
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        model.addAttribute("today", today);
        return "rental/lease/new";
    }

    @PostMapping("/rental/leases")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String sign(@RequestParam long household, @RequestParam long dwelling, @RequestParam(required = false) String signedOn,
                @RequestParam(required = false) String startsOn, @RequestParam(required = false) String endsOn,
                @RequestParam(required = false) String programme, RedirectAttributes redirect) {
        try {
            Lease l = leases.sign(new Leases.SignForm(household, dwelling, LeaseController.date(signedOn, "签约日期"),
                    LeaseController.date(startsOn, "租期起始日"), LeaseController.date(endsOn, "租期截止日"),
                    programme == null || programme.isBlank() ? null : programme.strip()));
            redirect.addFlashAttribute("message", "已签订合同 " + l.leaseNo() + "，请在交付钥匙时办理入住");
            return "redirect:/rental/leases/" + l.id();
        } catch (IllegalArgumentException | IllegalStateException e) {
            Refusals.rethrowBug(e);
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/rental/leases/new?household=" + household + "&dwelling=" + dwelling;
        }
    }

    /** 入住: the keys are handed over; the dwelling becomes 已入住. */
    @PostMapping("/rental/leases/{id}/move-in")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String moveIn(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String on,
                  RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            Lease l = leases.moveIn(id, version, LeaseController.date(on, "入住日期"));
            return "已办理入住（" + l.leaseNo() + "），房源已入住";
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
