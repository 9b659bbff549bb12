package org.anju;

import org.anju.account.DemoUsers;
import org.anju.account.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

import java.util.EnumSet;
import java.util.List;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Acting as a given user in MockMvc tests: {@code mvc.perform(get("/api/plans").with(TestUsers.as("sr_admin")))}.
 * The user is one of the demo accounts (account/demo-users.yml: jx_admin, sr_admin, sr_viewer, xz_reporter,
 * srsb_reporter, gz_admin, zg_reporter, jl_admin, zy_admin, zy_viewer, gzq_reporter, mohurd_viewer) or an ad-hoc one ({@link #as(String, String, Role...)});
 * it is created in the test's database on first use, so this works with and without the demo data. The
 * request is signed in like a browser session and carries a valid CSRF token.
 */
public final class TestUsers {

    /** Province admin of 江西省. */
    public static final String PROVINCE_ADMIN = "jx_admin";
    /** City admin of 上饶市. */
    public static final String CITY_ADMIN = "sr_admin";
    /** Viewer at 上饶市. */
    public static final String CITY_VIEWER = "sr_viewer";
    /** County reporter of 信州区 (上饶市). */
    public static final String COUNTY_REPORTER = "xz_reporter";
    /** City admin of 赣州市: another city. */
    public static final String OTHER_CITY_ADMIN = "gz_admin";
    /** City admin of 张掖市 (seed 004's demo data). */
    public static final String ZHANGYE_ADMIN = "zy_admin";
    /** Viewer at 张掖市. */
    public static final String ZHANGYE_VIEWER = "zy_viewer";
    /** County reporter of 甘州区 (张掖市). */
    public static final String GANZHOU_DISTRICT_REPORTER = "gzq_reporter";
    /** County administrator of 章贡区 (赣州市): manages its accounts, adds its 社区/村. */
    public static final String COUNTY_ADMIN = "zg_admin";
    /** 住房保障审核员 of 章贡区: its public-rental cases, leases and exits. */
    public static final String HOUSING_OFFICE = "zg_housing";
    /** 街道初审员 of 解放街道 (章贡区). */
    public static final String TOWN_REVIEWER = "jf_reviewer";
    /** Viewer at 全国: reads every plan. */
    public static final String NATIONAL_VIEWER = "mohurd_viewer";

    public static final List<String> DEMO = List.of(PROVINCE_ADMIN, CITY_ADMIN, CITY_VIEWER, COUNTY_REPORTER,
            OTHER_CITY_ADMIN, NATIONAL_VIEWER);

    private TestUsers() {
    }

    /** Signed in as this demo account, with a CSRF token. */
    public static RequestPostProcessor as(String username) {
        return request -> {
            WebApplicationContext context = WebApplicationContextUtils.getRequiredWebApplicationContext(
                    request.getServletContext());
            context.getBean(DemoUsers.class).ensure(username);
            return signIn(context, username).postProcessRequest(request);
        };
    }

    /** Signed in as an ad-hoc account bound to {@code regionCode} with these roles (created on first use). */
    public static RequestPostProcessor as(String username, String regionCode, Role... roles) {
        return request -> {
            WebApplicationContext context = WebApplicationContextUtils.getRequiredWebApplicationContext(
                    request.getServletContext());
            DemoUsers demo = context.getBean(DemoUsers.class);
            demo.ensure(username, username, regionCode, EnumSet.copyOf(List.of(roles)), demo.password());
            return signIn(context, username).postProcessRequest(request);
        };
    }

    /** Signed in as an account the test created itself (not a demo account). */
    public static RequestPostProcessor asExisting(String username) {
        return request -> signIn(WebApplicationContextUtils.getRequiredWebApplicationContext(request.getServletContext()),
                username).postProcessRequest(request);
    }

    private static RequestPostProcessor signIn(WebApplicationContext context, String username) {
        UserDetails user = context.getBean(UserDetailsService.class).loadUserByUsername(username);
        RequestPostProcessor auth = authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities()));
        return request -> csrf().postProcessRequest(auth.postProcessRequest(request));
    }

    /** A MockMvc whose every request is signed in as this demo account (unless a test says otherwise). */
    public static MockMvc mvc(WebApplicationContext context, String username) {
        return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity())
                .defaultRequest(get("/").with(as(username))).build();
    }

    /** The published password of the demo accounts. */
    public static String password(WebApplicationContext context) {
        return context.getBean(DemoUsers.class).password();
    }
}
