package org.anju.calendar;

import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.platform.ChinaTime;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/** The /calendar page: a loaded year's days off and weekend days worked, and the local changes. Read-only. */
@Controller
class CalendarPageController {

    private final WorkingDays workingDays;
    private final Regions regions;

    CalendarPageController(WorkingDays workingDays, Regions regions) {
        this.workingDays = workingDays;
        this.regions = regions;
    }

    @GetMapping("/calendar")
    @Requires(Requirement.AUTHENTICATED)
    String show(@RequestParam(required = false) Integer year, @RequestParam(required = false) String region, Model model) {
        List<Integer> years = workingDays.notices().stream().map(HolidayNotice::year).toList();
        int today = java.time.LocalDate.now(ChinaTime.ZONE).getYear();
        int shown = year != null ? year : years.contains(today) ? today : years.isEmpty() ? today : years.getLast();
        Region r = region == null || region.isBlank() ? null : CalendarViews.region(regions, region);
        model.addAttribute("years", years);
        model.addAttribute("year", shown);
        model.addAttribute("region", r);
        model.addAttribute("calendar", CalendarViews.YearView.of(workingDays.year(shown, r)));
        return "calendar/index";
    }
}
