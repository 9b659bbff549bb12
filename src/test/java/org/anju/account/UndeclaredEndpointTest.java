package org.anju.account;

import org.anju.AnjuTest;
import org.anju.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An endpoint that forgot {@link Requires} is refused to everyone (fail closed), not silently open. */
@AnjuTest
@AutoConfigureMockMvc
@Import(UndeclaredEndpointTest.Endpoints.class)
class UndeclaredEndpointTest {

    /** Registered for this test only (as a member of an imported test configuration, never by scanning). */
    @TestConfiguration
    static class Endpoints {
        @RestController
        static class Forgetful {
            @GetMapping("/api/test/undeclared")
            String undeclared() {
                return "should never be reached";
            }

            @GetMapping("/api/test/declared")
            @Requires(Requirement.AUTHENTICATED)
            String declared() {
                return "ok";
            }
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void refusedEvenToAProvinceAdmin() throws Exception {
        mvc.perform(get("/api/test/undeclared").with(TestUsers.as(TestUsers.PROVINCE_ADMIN)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("未声明访问规则")));
        mvc.perform(get("/api/test/declared").with(TestUsers.as(TestUsers.COUNTY_REPORTER))).andExpect(status().isOk());
        mvc.perform(get("/api/test/declared")).andExpect(status().isUnauthorized());
    }
}
