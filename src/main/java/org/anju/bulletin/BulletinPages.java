package org.anju.bulletin;

import org.anju.account.Access;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.platform.Refusals;
import org.anju.progress.PageContext;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

import java.time.LocalDate;

/** Page: a bulletin's preview for any region and month, with its DOCX and XLSX downloads. */
@Controller
class BulletinPages {

    private final Bulletins bulletins;
    private final PageContext context;
    private final Access access;

    BulletinPages(Bulletins bulletins, PageContext context, Access access) {
        this.bulletins = bulletins;
        this.context = context;
        this.access = access;
    }

    @GetMapping("/bulletins")
    @Requires(Requirement.READ_SCOPED)
    String page(@RequestParam(required = false) String region, @RequestParam(required = false) String period,
                @RequestParam(required = false) String issuer, @RequestParam(required = false) String number,
                @RequestParam(required = false) LocalDate date, Model model) {
        PageContext.Choice c = context.choose(region, period);
        return render(c, issuer, number, date, null, model);
    }

    /** Saves 下一步工作重点 from the page; a conflict or bad text shows the page again with the text kept. */
    @PostMapping("/bulletins/next-steps")
    @Requires(Requirement.WRITE_OWN)
    String saveNextSteps(@RequestParam String region, @RequestParam String period, @RequestParam int version,
                         @RequestParam(required = false) String text, @RequestParam(required = false) String issuer,
                         @RequestParam(required = false) String number, @RequestParam(required = false) LocalDate date,
                         Model model, HttpServletResponse response) {
        PageContext.Choice c = context.choose(region, period);
        try {
            bulletins.saveNote(c.region().code(), c.period(), version, text);
            model.addAttribute("message", "已保存下一步工作重点");
            return render(c, issuer, number, date, null, model);
        } catch (IllegalArgumentException | IllegalStateException e) {
            org.anju.platform.Refusals.rethrowBug(e);
            Refusals.show(e, response, model);
            return render(c, issuer, number, date, text, model);
        }
    }

    /** {@code unsaved}: text the user typed that could not be saved, shown again instead of the stored one. */
    private String render(PageContext.Choice c, String issuer, String number, LocalDate date, String unsaved, Model model) {
        Bulletin b = bulletins.compose(c.region().code(), c.period(), new BulletinOptions(issuer, number, date));
        BulletinNote note = bulletins.note(c.region().code(), c.period());
        model.addAttribute("choice", c);
        model.addAttribute("bulletin", b);
        model.addAttribute("issuer", issuer);
        model.addAttribute("number", number);
        model.addAttribute("date", date);
        model.addAttribute("note", note);
        model.addAttribute("noteText", unsaved != null ? unsaved : note.nextSteps());
        model.addAttribute("canWriteNote", access.canWrite(c.region()));
        return "bulletin/index";
    }
}
