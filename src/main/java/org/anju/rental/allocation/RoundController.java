package org.anju.rental.allocation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.platform.BadInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * REST: allocation rounds (配租批次) and the monthly figures. Opening, drawing and choosing are checked by the service:
 * the county's or city's 住房保障审核员, or the county's own accounts that keep its stock.
 */
@RestController
@RequestMapping("/api/rental/rounds")
@Tag(name = "公租房配租批次", description = "区县组织的配租批次：名单公示（SHA-256）→ 种子公布 → 摇号（anju-draw-v1）→ 结果公示 → 选房；"
        + "选定的房源转为已分配并记入配租记录。按月统计轮候户数、配租户数、拒绝次数和分配率。")
class RoundController {

    private final Rounds rounds;
    private final Allocations allocations;

    RoundController(Rounds rounds, Allocations allocations) {
        this.rounds = rounds;
        this.allocations = allocations;
    }

    @GetMapping
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "列出配租批次", description = "地区及其下级区县的批次，新的在前。")
    List<RoundView> list(@RequestParam String region) {
        return rounds.rounds(region);
    }

    @GetMapping("/{id}")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "查看配租批次", description = "候选名单（脱敏）、房源、各环节和全部记录。")
    RoundView round(@PathVariable long id) {
        return rounds.round(id);
    }

    @PostMapping
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "开始配租批次", description = "冻结并公示候选名单（SHA-256）。按摇号配租且候选多于房源时，须同时公布随机种子的来源"
            + "（seedSource）和公布日期（seedDue）；否则按轮候顺序直接进入选房。")
    RoundView open(@RequestBody Rounds.Opening opening) {
        return rounds.open(opening);
    }

    record SeedInput(String seed) {
    }

    @PostMapping("/{id}/draw")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "录入种子并摇号", description = "种子为公布的数值原样（一行，首尾无空格），公布日期之前不能摇号。"
            + "返回批次概要（种子、结果哈希、各环节、复核命令），候选家庭的摇号顺序用 GET /api/rental/rounds/{id} 读取。")
    RoundView draw(@PathVariable long id, @RequestBody SeedInput input) {
        return rounds.draw(id, input.seed());
    }

    record ActionInput(String number, String action, Long dwellingId) {
    }

    @PostMapping("/{id}/choices")
    @Requires(Requirement.HANDLE_APPLICATIONS)
    @Operation(summary = "登记选房结果", description = "action：CHOSE（选房，须给 dwellingId）、GAVE_UP（放弃，递补下一户）、"
            + "REFUSED（拒绝配租，超过本市上限按规则取消本批次或轮候资格）。同一家庭再次提交选定它已选定的房源（重试）时不重复登记，"
            + "返回批次现状；房源已由本批次其他家庭选定则 409（说明申请编号和选定时间）。")
    RoundView act(@PathVariable long id, @RequestBody ActionInput input) {
        return rounds.act(id, input.number(), Rounds.Action.parse(input.action()), input.dwellingId()).round();
    }

    @GetMapping("/figures")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "轮候与配租月度统计", description = "区县某月：月末轮候户数、当月配租户数、当月拒绝次数、月末已分配与可分配房源（分配率）。")
    AllocationFigures figures(@RequestParam String region, @RequestParam String month) {
        return allocations.figures(region, month(month));
    }

    static YearMonth month(String text) {
        try {
            return YearMonth.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new BadInput("月份应写成 2025-03，不是“" + text + "”");
        }
    }
}
