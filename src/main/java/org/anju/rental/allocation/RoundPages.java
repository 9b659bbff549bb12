package org.anju.rental.allocation;

import org.anju.account.Access;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.platform.BadInput;
import org.anju.platform.Conflict;
import org.anju.platform.Once;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages: a region's rounds with the form to open one, a round with its stages (名单公示 → 种子公布 → 摇号 → 结果公示 →
 * 选房), and the public notices (no login): the rounds, a round's result and its candidate list file.
 */
@Controller
class RoundPages {

    private final Rounds rounds;
    private final Access access;
    private final org.anju.rental.stock.Stock stock;
    /** 开始批次 and 登记 (选房) sent twice are done once (Once). */
    private final Once once;

    RoundPages(Rounds rounds, Access access, org.anju.rental.stock.Stock stock, Once once) {
        this.rounds = rounds;
        this.access = access;
        this.stock = stock;
        this.once = once;
    }

    @GetMapping("/rental/rounds")
    @Requires(Requirement.READ_SCOPED)
    String list(@RequestParam(required = false) String region, Model model) {
        String code = region == null || region.isBlank() ? access.current().region().code() : region.strip();
        model.addAttribute("region", code);
        model.addAttribute("rounds", rounds.rounds(code));
        boolean canRun = rounds.canRun(code);
        model.addAttribute("canRun", canRun);
        // the county's vacant dwellings to tick, rather than ids to type (the first page: 200, enough for a round)
        model.addAttribute("vacant", canRun ? stock.dwellings(code, null, org.anju.rental.stock.StockStatus.VACANT, 0)
                .dwellings() : List.of());
        return "rental/waiting/rounds";
    }

    @PostMapping("/rental/rounds")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String open(@RequestParam String county, @RequestParam(required = false) String name,
                @RequestParam(required = false) String dwellings, @RequestParam(required = false) String group,
                @RequestParam(required = false) String candidates, @RequestParam(required = false) String seedSource,
                @RequestParam(required = false) String seedDue, @RequestParam(name = Once.FIELD, required = false) String key,
                RedirectAttributes redirect) {
        try {
            // a double-click carries the form's key: the second gets the round the first opened, not a refusal that the
            // dwellings are in a round (the one its own first click opened)
            Once.Done done = once.run(key, Once.From.FORM, java.util.Arrays.asList(county, name, dwellings, group, candidates,
                    seedSource, seedDue), () -> rounds.open(new Rounds.Opening(county, name, ids(dwellings), group,
                    candidates == null || candidates.isBlank() ? null : integer(candidates), seedSource, date(seedDue))).id());
            // the name as open() stored it: a round opened (now or by the first click) had a name, stripped
            redirect.addFlashAttribute("message", "批次“" + name.strip() + "”已开始，候选名单已公示"
                    + (done.repeated() ? "（同一表单又提交了一次，未重复开始）" : ""));
            return "redirect:/rental/rounds/" + done.id();
        } catch (BadInput | Conflict e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/rental/rounds?region=" + county;
        }
    }

    @GetMapping("/rental/rounds/{id}")
    @Requires(Requirement.READ_SCOPED)
    String round(@PathVariable long id, Model model) {
        RoundView r = rounds.round(id);
        model.addAttribute("round", r);
        model.addAttribute("canRun", rounds.canRun(r.countyCode()));
        model.addAttribute("householdOf", r.candidates().stream().collect(java.util.stream.Collectors.toMap(
                RoundView.Candidate::number, RoundView.Candidate::householdId, (a, b) -> a)));
        return "rental/waiting/round";
    }

    @PostMapping("/rental/rounds/{id}/draw")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String draw(@PathVariable long id, @RequestParam(required = false) String seed, RedirectAttributes redirect) {
        try {
            rounds.draw(id, seed);
            redirect.addFlashAttribute("message", "已摇号，结果已公示");
        } catch (BadInput | Conflict e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/rental/rounds/" + id;
    }

    @PostMapping("/rental/rounds/{id}/choices")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    String act(@PathVariable long id, @RequestParam(required = false) String number,
               @RequestParam(required = false) String action, @RequestParam(required = false) String dwelling,
               @RequestParam(name = Once.FIELD, required = false) String key, RedirectAttributes redirect) {
        try {
            Rounds.Action a = Rounds.Action.parse(action);
            Long chosen = dwelling == null || dwelling.isBlank() ? null : (long) integer(dwelling);
            // sent again (a double-click, Back) the form's key answers with the first's result; without a key a repeated
            // 选房 is still told as what it is by the round (Rounds.Acted), not as another household's choice
            String[] already = {null};
            Once.Done done = once.run(key, Once.From.FORM, java.util.Arrays.asList(id, number, action, dwelling), () -> {
                already[0] = rounds.act(id, number, a, chosen).already();
                return id;
            });
            redirect.addFlashAttribute("message", done.repeated() ? number + " " + a.label() + "已登记（同一表单又提交了一次，未重复登记）"
                    : already[0] != null ? already[0] : number + " " + a.label() + "已登记");
        } catch (BadInput | Conflict e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/rental/rounds/" + id;
    }

    // ---- public notices --------------------------------------------------------------------------------

    @GetMapping("/public/rental/rounds")
    @Requires(Requirement.PUBLIC)
    String publicList(Model model) {
        model.addAttribute("rounds", rounds.publicRounds());
        return "rental/waiting/public-rounds";
    }

    @GetMapping("/public/rental/rounds/{id}")
    @Requires(Requirement.PUBLIC)
    String publicRound(@PathVariable long id, Model model) {
        model.addAttribute("round", rounds.publicRound(id));
        return "rental/waiting/public-round";
    }

    @GetMapping("/public/rental/rounds/{id}/candidates.txt")
    @Requires(Requirement.PUBLIC)
    ResponseEntity<byte[]> candidates(@PathVariable long id) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("第" + id + "批次候选名单.txt", StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(rounds.candidateFile(id).getBytes(StandardCharsets.UTF_8));
    }

    private static List<Long> ids(String text) {
        List<Long> ids = new ArrayList<>();
        if (text == null) {
            return ids;
        }
        for (String part : text.split("[,，\\s]+")) {
            if (!part.isBlank()) {
                try {
                    ids.add(Long.parseLong(part.strip()));
                } catch (NumberFormatException e) {
                    throw new BadInput("房源编号“" + part.strip() + "”不是数字：请填写房源编号，用逗号或空格分开");
                }
            }
        }
        return ids;
    }

    private static int integer(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new BadInput("“" + text.strip() + "”不是整数");
        }
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadInput("种子公布日期应写成 2025-03-04，不是“" + text.strip() + "”");
        }
    }
}
