package org.anju.rental.waiting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** REST: the waiting list (轮候) and the cities' waiting-list rules. */
@RestController
@RequestMapping("/api/rental/waiting")
@Tag(name = "公租房轮候", description = "市、区县的公租房轮候名单（按本市轮候规则排序，姓名、身份证号脱敏）和各市的轮候规则")
class WaitingController {

    private final WaitingList waiting;
    private final WaitingRuleBook book;

    WaitingController(WaitingList waiting, WaitingRuleBook book) {
        this.waiting = waiting;
        this.book = book;
    }

    @GetMapping
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "轮候名单", description = "市或区县的轮候家庭，每页 50 户；certificate 给出资格证号时只列该户及其位次。")
    WaitingPage list(@RequestParam String region, @RequestParam(required = false) String certificate,
                     @io.swagger.v3.oas.annotations.Parameter(description = "页码，从 0 开始（0 至 100000）")
                     @RequestParam(defaultValue = "0") int page) {
        return waiting.page(region, certificate, page);
    }

    @GetMapping("/rules")
    @Requires(Requirement.AUTHENTICATED)
    @Operation(summary = "轮候规则", description = "可查看的各市上传的轮候规则（各版本：排序、优先群体或评分、配租方式、拒绝上限及后果、"
            + "复核周期）；原文、上传人和时间见 /api/rental/rules，上传用 POST /api/rental/rules（kind=WAITING）。")
    List<WaitingRules> rules() {
        return book.all();
    }
}
