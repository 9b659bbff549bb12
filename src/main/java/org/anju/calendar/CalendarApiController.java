package org.anju.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.calendar.CalendarViews.AdjustmentRequest;
import org.anju.calendar.CalendarViews.AdjustmentView;
import org.anju.calendar.CalendarViews.DayAnswer;
import org.anju.calendar.CalendarViews.NoticeView;
import org.anju.calendar.CalendarViews.WorkingDaysAnswer;
import org.anju.calendar.CalendarViews.YearView;
import org.anju.platform.BadInput;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping(path = "/api/calendar", produces = "application/json")
@Tag(name = "工作日历", description = "国务院办公厅每年的部分节假日安排（法定节假日与调休）、各地的地方调整，以及按工作日计算的期限")
class CalendarApiController {

    private final WorkingDays workingDays;
    private final Regions regions;

    CalendarApiController(WorkingDays workingDays, Regions regions) {
        this.workingDays = workingDays;
        this.regions = regions;
    }

    @GetMapping
    @Requires(Requirement.AUTHENTICATED)
    @Operation(summary = "已载入的年份", description = "每年一份《国务院办公厅关于某年部分节假日安排的通知》；未载入的年份不能计算工作日。")
    List<NoticeView> years() {
        return workingDays.notices().stream().map(NoticeView::of).toList();
    }

    @GetMapping("/{year}")
    @Requires(Requirement.AUTHENTICATED)
    @Operation(summary = "某年的放假与调休", description = "通知原文、通知所列的放假日（OFF）和调休上班日（WORK），以及地方调整："
            + "给出 region 时为该地区适用的（本级及上级的，近者优先），否则为全部。")
    @ApiResponse(responseCode = "404", description = "该年的通知未载入")
    YearView year(@Parameter(description = "年份", example = "2024") @PathVariable int year,
                  @Parameter(description = "地区代码（可选）", example = "361100") @RequestParam(required = false) String region) {
        Region r = region == null || region.isBlank() ? null : CalendarViews.region(regions, region);
        return YearView.of(workingDays.year(year, r));
    }

    @GetMapping("/working-days")
    @Requires(Requirement.AUTHENTICATED)
    @Operation(summary = "按工作日计算期限", description = "从 from 起 days 个工作日后的最后一天。counting 必须写明开始的当日是否计入："
            + "START_NEXT_DAY（不计入，自下一日起算，民法典第201条）或 START_SAME_DAY（计入）。"
            + "期间经过未载入通知的年份（或下一年通知未载入时的12月下旬）则拒绝（409），不按周末推算。")
    @ApiResponse(responseCode = "200", description = "到期日")
    @ApiResponse(responseCode = "409", description = "所需年份的放假安排未载入")
    WorkingDaysAnswer dueDate(@Parameter(description = "开始日期（如受理日）", example = "2024-09-26") @RequestParam String from,
                              @Parameter(description = "工作日数", example = "5") @RequestParam int days,
                              @Parameter(description = "地区代码（地方调整按此地区及其上级；全国为 000000）", example = "361100")
                              @RequestParam String region,
                              @Parameter(description = "START_NEXT_DAY 或 START_SAME_DAY", example = "START_NEXT_DAY")
                              @RequestParam String counting) {
        LocalDate start = CalendarViews.date("from", from);
        Region r = CalendarViews.region(regions, region);
        Counting c = CalendarViews.counting(counting);
        LocalDate due = workingDays.addWorkingDays(start, days, r, c);
        return new WorkingDaysAnswer(start, days, c, c.label(), r.code(), r.name(), c.firstDay(start), due,
                CalendarViews.weekday(due));
    }

    @GetMapping("/day")
    @Requires(Requirement.AUTHENTICATED)
    @Operation(summary = "某日是否为工作日", description = "按通知、本地区及上级的地方调整判断，并说明原因。")
    DayAnswer day(@Parameter(description = "日期", example = "2024-09-29") @RequestParam String date,
                  @Parameter(description = "地区代码（全国为 000000）", example = "361100") @RequestParam String region) {
        LocalDate d = CalendarViews.date("date", date);
        Region r = CalendarViews.region(regions, region);
        DayStatus s = workingDays.status(d, r);
        return new DayAnswer(d, CalendarViews.weekday(d), r.code(), r.name(), s.working(), s.why());
    }

    @PostMapping(path = "/adjustments", consumes = "application/json")
    @Requires(Requirement.REFERENCE_ADMIN)
    @Operation(summary = "新增地方调整", description = "某省、市、县自行放假或调休上班的一天（kind：OFF 休息、WORK 上班），"
            + "对该地区及其下级有效；须写明依据。省级管理员可为本省及其下辖地区设置。")
    @ApiResponse(responseCode = "201", description = "已新增")
    @ApiResponse(responseCode = "400", description = "内容有误，或该日本来就是所设类别")
    @ApiResponse(responseCode = "409", description = "该地区该日已有调整，或该年的通知未载入")
    ResponseEntity<AdjustmentView> add(@RequestBody AdjustmentRequest request) {
        if (request == null) {
            throw new BadInput("缺少请求内容：regionCode、date、kind、reason");
        }
        Region r = CalendarViews.region(regions, request.regionCode());
        LocalAdjustment a = workingDays.addLocalAdjustment(r, CalendarViews.date("date", request.date()), request.kind(),
                request.reason());
        return ResponseEntity.status(HttpStatus.CREATED).body(AdjustmentView.of(a));
    }

    @DeleteMapping("/adjustments")
    @Requires(Requirement.REFERENCE_ADMIN)
    @Operation(summary = "删除地方调整", description = "删除某地区本级对某日的调整（上级的调整不受影响）。")
    @ApiResponse(responseCode = "204", description = "已删除")
    @ApiResponse(responseCode = "404", description = "该地区该日没有调整")
    ResponseEntity<Void> remove(@Parameter(description = "地区代码", example = "361100") @RequestParam String region,
                                @Parameter(description = "日期", example = "2024-10-08") @RequestParam String date) {
        workingDays.removeLocalAdjustment(CalendarViews.region(regions, region), CalendarViews.date("date", date));
        return ResponseEntity.noContent().build();
    }
}
