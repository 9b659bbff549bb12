package org.anju.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping(path = "/api/privacy", produces = "application/json")
@Tag(name = "个人信息", description = "个人信息访问记录：谁在何时、为何查看或导出了哪些完整的个人信息")
class PrivacyApiController {

    private final PersonalData personalData;

    PrivacyApiController(PersonalData personalData) {
        this.personalData = personalData;
    }

    @GetMapping("/accesses")
    @Requires(Requirement.ADMIN)
    @Operation(summary = "个人信息访问记录：本地区及下级的个人信息被查看、导出的记录，新的在前（省级、市级管理员）")
    List<AccessRecord> accesses(@RequestParam(required = false) String region,
                                @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to,
                                @RequestParam(required = false) String actor,
                                @RequestParam(required = false) String subjectType,
                                @RequestParam(required = false) String subjectId,
                                @RequestParam(required = false) Integer limit) {
        return personalData.accesses(region, from, to, actor, subjectType, subjectId, limit);
    }
}
