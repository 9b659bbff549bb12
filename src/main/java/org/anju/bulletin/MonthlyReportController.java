package org.anju.bulletin;

import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.progress.PageContext;
import org.anju.progress.Periods;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.nio.charset.StandardCharsets;

/** Seed 003's 月报告: the page {@code /bulletins/monthly-report}, REST as JSON and DOCX under {@code /api/monthly-reports}. */
@io.swagger.v3.oas.annotations.tags.Tag(name = "月报告", description = "某地区某月的月报告（吉林省格式）：JSON 和 Word（DOCX）")
@Controller
class MonthlyReportController {

    private final MonthlyReports reports;
    private final PageContext context;

    MonthlyReportController(MonthlyReports reports, PageContext context) {
        this.reports = reports;
        this.context = context;
    }

    @GetMapping("/bulletins/monthly-report")
    @Requires(Requirement.READ_SCOPED)
    String page(@RequestParam(required = false) String region, @RequestParam(required = false) String period, Model model) {
        PageContext.Choice c = context.choose(region, period);
        model.addAttribute("choice", c);
        model.addAttribute("report", reports.compose(c.region().code(), c.period()));
        return "bulletin/monthly-report";
    }

    @GetMapping("/api/monthly-reports/{region}/{period}")
    @Requires(Requirement.READ_SCOPED)
    @ResponseBody
    Bulletin json(@PathVariable String region, @PathVariable String period) {
        return reports.compose(region, Periods.parse(period));
    }

    @GetMapping("/api/monthly-reports/{region}/{period}/docx")
    @Requires(Requirement.READ_SCOPED)
    ResponseEntity<byte[]> docx(@PathVariable String region, @PathVariable String period) {
        var p = Periods.parse(period);
        byte[] content = reports.docx(region, p);
        return ResponseEntity.ok().contentType(BulletinController.DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(reports.fileName(region, p), StandardCharsets.UTF_8).build().toString())
                .body(content);
    }
}
