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

    /**
     * {@code refusal}: a {@link Refusal} from a feature — shown with its kind's status; anything else is a bug and is
     * thrown on to the error handling (500 with an error id), never shown as if it were a reason.
     */
    public static void show(RuntimeException refusal, HttpServletResponse response, Model model) {
        Refusal r = Refusal.of(refusal);
        if (r == null) {
            throw refusal;
        }
        response.setStatus(r.kind().status());
        model.addAttribute("error", r.getMessage());
    }

    /**
     * For a handler that shows refusals itself ({@code catch (IllegalArgumentException | IllegalStateException e)}):
     * anything caught that is not a {@link Refusal} is a bug and goes on to the error handling (500 with an error id),
     * never shown as if it were a reason.
     */
    public static void rethrowBug(RuntimeException caught) {
        if (Refusal.of(caught) == null) {
            throw caught;
        }
    }
}
