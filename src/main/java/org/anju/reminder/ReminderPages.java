package org.anju.reminder;

import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 待办提醒: the open reminders of the user's region and of the units directly below it. */
@Controller
class ReminderPages {

    private final Reminders reminders;

    ReminderPages(Reminders reminders) {
        this.reminders = reminders;
    }

    @GetMapping("/reminders")
    @Requires(Requirement.AUTHENTICATED)
    String list(Model model) {
        model.addAttribute("reminders", reminders.mine());
        model.addAttribute("shown", Reminders.SHOWN);
        return "reminder/list";
    }
}
