package org.anju.bulletin;

import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.progress.PageContext;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;

/** Page: a bulletin's preview for any region and month, with its DOCX and XLSX downloads. */
@Controller
class BulletinPages {

    private final Bulletins bulletins;
    private final PageContext context;

    BulletinPages(Bulletins bulletins, PageContext context) {
        this.bulletins = bulletins;
        this.context = context;
    }

    @GetMapping("/bulletins")
    @Requires(Requirement.READ_ISSUED)
    String page(@RequestParam(required = false) String region, @RequestParam(required = false) String period,
                @RequestParam(required = false) String issuer, @RequestParam(required = false) String number,
                @RequestParam(required = false) LocalDate date, Model model) {
        PageContext.Choice c = context.chooseIssued(region, period);
        Bulletin b = bulletins.compose(c.region().code(), c.period(), new BulletinOptions(issuer, number, date));
        model.addAttribute("choice", c);
        model.addAttribute("bulletin", b);
        model.addAttribute("issuer", issuer);
        model.addAttribute("number", number);
        model.addAttribute("date", date);
        return "bulletin/index";
    }
}
