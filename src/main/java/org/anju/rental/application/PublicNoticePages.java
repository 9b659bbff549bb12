package org.anju.rental.application;

import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.platform.ChinaTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.time.LocalDate;

/** The public notices (公示), open to everyone without login: names and ID numbers masked. */
@Controller
class PublicNoticePages {

    private final Applications applications;

    PublicNoticePages(Applications applications) {
        this.applications = applications;
    }

    @GetMapping("/public/rental/notices")
    @Requires(Requirement.PUBLIC)
    String index(Model model) {
        model.addAttribute("offices", applications.noticeOffices());
        return "rental/application/notices";
    }

    @GetMapping("/public/rental/notices/{region}")
    @Requires(Requirement.PUBLIC)
    String notices(@PathVariable String region, Model model) {
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        model.addAttribute("notices", applications.notices(region, today));
        model.addAttribute("region", region);
        model.addAttribute("today", today);
        return "rental/application/notice";
    }
}
