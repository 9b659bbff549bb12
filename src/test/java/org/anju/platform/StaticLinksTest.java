package org.anju.platform;

import org.anju.SeedDataTest;
import org.anju.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * No {@link ResourceUrlEncodingFilter} runs ({@link StaticLinks}: it sent every link of every page through the class
 * path), and the version-less webjar links the templates write are still served.
 */
@SeedDataTest
class StaticLinksTest {

    @Autowired
    WebApplicationContext context;

    @Test
    void noLinkGoesThroughTheResourceChainAndWebjarsAreServedWithoutAVersion() throws Exception {
        @SuppressWarnings("rawtypes")
        Map<String, FilterRegistrationBean> registrations = context.getBeansOfType(FilterRegistrationBean.class);
        assertThat(registrations.values().stream().filter(r -> r.getFilter() instanceof ResourceUrlEncodingFilter))
                .as("the filter's registration").isNotEmpty().noneMatch(FilterRegistrationBean::isEnabled);

        MockMvc mvc = TestUsers.mvc(context, TestUsers.ZHANGYE_VIEWER);
        mvc.perform(get("/webjars/echarts/echarts.min.js")).andExpect(status().isOk())
                .andExpect(content().string(containsString("echarts")));
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk())
                .andExpect(content().string(containsString("htmx")));
    }
}
