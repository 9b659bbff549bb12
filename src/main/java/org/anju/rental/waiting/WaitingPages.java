package org.anju.rental.waiting;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.anju.account.Access;
import org.anju.account.ClientAddress;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.platform.BadInput;
import org.anju.platform.Conflict;
import org.anju.platform.TooMany;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages: the waiting list for housing offices, and the public lookup of one's own place (no login). */
@Controller
class WaitingPages {

    private final WaitingList waiting;
    private final PublicLookups lookups;
    private final ClientAddress clients;
    private final Access access;

    WaitingPages(WaitingList waiting, PublicLookups lookups, ClientAddress clients, Access access) {
        this.waiting = waiting;
        this.lookups = lookups;
        this.clients = clients;
        this.access = access;
    }

    @GetMapping("/rental/waiting")
    @Requires(Requirement.READ_SCOPED)
    String list(@RequestParam(required = false) String region, @RequestParam(required = false) String certificate,
                @RequestParam(defaultValue = "0") int page, Model model) {
        String code = region == null || region.isBlank() ? access.current().region().code() : region.strip();
        model.addAttribute("region", code);
        model.addAttribute("certificate", certificate);
        try {
            model.addAttribute("list", waiting.page(code, certificate, page));
        } catch (BadInput | Conflict e) {
            model.addAttribute("error", e.getMessage());
            waiting.cityWithoutRules(code).ifPresent(city -> model.addAttribute("rulesCity", city));
        }
        return "rental/waiting/list";
    }

    @GetMapping("/public/rental/waiting")
    @Requires(Requirement.PUBLIC)
    String lookupForm() {
        return "rental/waiting/lookup";
    }

    /** POST, so that the ID number stays out of addresses and server logs. */
    @PostMapping("/public/rental/waiting")
    @Requires(Requirement.PUBLIC)
    String lookup(@RequestParam(required = false) String certificate, @RequestParam(required = false) String idNumber,
                  Model model, HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("certificate", certificate);
        try {
            model.addAttribute("standing", lookups.lookup(certificate, idNumber, clients.counted(request)));
        } catch (BadInput | Conflict e) {
            model.addAttribute("error", e.getMessage());
        } catch (TooMany e) {
            response.setStatus(e.kind().status());
            model.addAttribute("error", e.getMessage());
        }
        return "rental/waiting/lookup";
    }
}
