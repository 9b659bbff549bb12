package org.anju.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page (Spring Security handles POST /login and POST /logout). */
@Controller
class LoginPages {

    /** /login?error without a stored failure (an old bookmark, a session that could not be saved): no verdict. */
    static final String NOT_COMPLETED = "登录未完成，请重新输入用户名和密码";

    private final Access access;

    LoginPages(Access access) {
        this.access = access;
    }

    @GetMapping("/login")
    @Requires(Requirement.PUBLIC)
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
                 HttpServletRequest request, Model model) {
        if (access.current().signedIn() && error == null) {
            return "redirect:/";
        }
        String message = null;
        if (error != null) {
            HttpSession session = request.getSession(false);
            Object e = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            // "用户名或密码错误" only when the password was checked and found wrong: a sign-in the database could not
            // check (AuthenticationServiceException: no connection in time, a timeout) says so (issue 15)
            message = e instanceof LockedException || e instanceof DisabledException ? ((AuthenticationException) e).getMessage()
                    : e instanceof BadCredentialsException ? AnjuAuthenticationProvider.BAD_CREDENTIALS
                    : e instanceof AuthenticationServiceException ? AnjuAuthenticationProvider.SERVICE_FAILED
                    : NOT_COMPLETED;
            if (session != null) {
                session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            }
        }
        model.addAttribute("error", message);
        model.addAttribute("loggedOut", logout != null);
        return "account/login";
    }
}
