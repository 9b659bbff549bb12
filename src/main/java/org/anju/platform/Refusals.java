package org.anju.platform;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;

/**
 * A form refused with a reason the user can act on, shown on the page again: the status the API gives the
 * same refusal (see {@code ApiErrors}: 400 for bad input, 409 when the stored data changed or forbids it)
 * and the message as {@code error}.
 */
public final class Refusals {

    private Refusals() {
    }

    /** {@code refusal}: an {@link IllegalArgumentException} or {@link IllegalStateException} from a feature. */
    public static void show(RuntimeException refusal, HttpServletResponse response, Model model) {
        response.setStatus(refusal instanceof IllegalArgumentException ? 400 : 409);
        model.addAttribute("error", refusal.getMessage());
    }
}
