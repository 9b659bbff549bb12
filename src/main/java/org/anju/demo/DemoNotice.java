package org.anju.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.anju.account.Access;
import org.anju.region.Regions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every page says so where the demo's reconstructed figures can appear: seed 004 prints the Zhangye totals, not
 * each project's dates or each county's share of some amounts, and a 演示数据 figure must never pass for a real one.
 * Added to rendered pages only (not API answers, not redirects); without the demo it costs nothing.
 */
@Configuration
class DemoNotice implements WebMvcConfigurer, HandlerInterceptor {

    static final String TEXT = "演示数据：张掖市2023年的目标任务、各县区开工量、户数、到位资金、拨付、支出及公租房录入数照录004号文件；"
            + "项目库中的日期、各县区计划投资、老旧小区楼栋数、保租房和棚改各项目的完成投资、各县区租赁补贴发放金额和线上发放户数、月报上报时间"
            + "为演示用的示意数（合计与通报一致），不是文件所载。";

    private final ProgressDemoData demo;
    private final Access access;
    private final Regions regions;
    private final boolean enabled;
    private volatile boolean loaded;

    DemoNotice(ProgressDemoData demo, Access access, Regions regions, @Value("${anju.demo.enabled:true}") boolean enabled) {
        this.demo = demo;
        this.access = access;
        this.regions = regions;
        this.enabled = enabled;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    /** Shown to whoever can read Zhangye's data; the Jiangxi accounts never see it. */
    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
        if (!enabled || mav == null || mav.getViewName() == null || mav.getViewName().startsWith("redirect:")) {
            return;
        }
        if (!loaded) {
            loaded = demo.loaded();   // once loaded, always: no query per page after that
        }
        // above Zhangye (who can read it) or inside it (a county's reporter)
        if (loaded && regions.byCode(ProgressDemoData.CITY)
                .filter(z -> access.canRead(z) || regions.contains(z, access.current().region())).isPresent()) {
            mav.addObject("demoNotice", TEXT);
        }
    }
}
