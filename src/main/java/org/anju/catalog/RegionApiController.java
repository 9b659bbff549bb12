package org.anju.catalog;

import org.anju.region.*;
import org.anju.indicator.*;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.catalog.RegionViews.AliasRequest;
import org.anju.catalog.RegionViews.CommunityRequest;
import org.anju.catalog.RegionViews.NewUnitRequest;
import org.anju.catalog.RegionViews.RegionDetail;
import org.anju.catalog.RegionViews.RegionView;
import org.anju.catalog.RegionViews.ResolveResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping(path = "/api/regions", produces = "application/json")
@Tag(name = "行政区划", description = "全国省、地、县三级行政区划，以及开发区、市本级、中心城区等填报单位；名称解析")
class RegionApiController {

    private final Regions regions;

    RegionApiController(Regions regions) {
        this.regions = regions;
    }

    @GetMapping
    @Requires(Requirement.AUTHENTICATED)
    @Operation(summary = "列出下级区划", description = "按显示顺序列出某区划的直接下级：市本级、片区、行政区划、开发区，"
            + "县级之下再列出其乡级（街道、镇、乡），乡级之下列出社区/村。")
    @ApiResponse(responseCode = "200", description = "下级列表")
    @ApiResponse(responseCode = "404", description = "代码不存在")
    List<RegionView> children(@Parameter(description = "上级代码，默认 000000（全国）", example = "361100")
                              @RequestParam(defaultValue = Regions.ROOT_CODE) String parent) {
        return RegionViews.views(regions, RegionViews.allChildren(regions, existing(parent)));
    }

    @GetMapping("/{code}/children")
    @Requires(Requirement.AUTHENTICATED)
    @Operation(summary = "列出某区划的下级", description = "同 GET /api/regions?parent={code}：填报单位在前，"
            + "县级之下是乡级（街道、镇、乡，12 位统计用区划代码），乡级之下是社区/村。")
    @ApiResponse(responseCode = "200", description = "下级列表")
    @ApiResponse(responseCode = "404", description = "代码不存在")
    List<RegionView> childrenOf(@Parameter(description = "代码", example = "360702") @PathVariable String code) {
        return RegionViews.views(regions, RegionViews.allChildren(regions, existing(code)));
    }

    @PostMapping(path = "/{code}/communities", consumes = "application/json")
    @Requires(Requirement.ADMIN)
    @Operation(summary = "新增社区/村", description = "在乡级区划（街道、镇、乡）之下新增社区或村；管理员（省、市、县级）在本地区范围内可用。"
            + "代码可省略（自动生成 <乡级代码>-C<n>），给出时须为 12 位统计用区划代码，以所在乡级代码的前九位开头。")
    @ApiResponse(responseCode = "201", description = "已新增")
    @ApiResponse(responseCode = "400", description = "内容有误（不是乡级、重名、代码不符）")
    @ApiResponse(responseCode = "403", description = "不在本地区范围内")
    @ApiResponse(responseCode = "404", description = "代码不存在")
    ResponseEntity<RegionDetail> addCommunity(@Parameter(description = "乡级代码", example = "360702001000") @PathVariable String code,
                                              @RequestBody CommunityRequest request) {
        Region town = existing(code);
        if (request == null) {
            throw new org.anju.platform.BadInput("缺少社区/村名称 name");
        }
        Region r = regions.addCommunity(town, request.name(), request.code());
        return ResponseEntity.created(URI.create("/api/regions/" + r.code())).body(RegionViews.detail(regions, r));
    }

    @GetMapping("/search")
    @Requires(Requirement.AUTHENTICATED)
    @Operation(summary = "按名称或别名搜索", description = "名称或别名包含查询文字的区划：完全相同的在前，其次是开头相同的。")
    List<RegionView> search(@Parameter(description = "查询文字", example = "信州") @RequestParam String q,
                            @Parameter(description = "最多返回条数（1–200，默认 50）") @RequestParam(defaultValue = "50") int limit) {
        if (Regions.normalize(q).isEmpty()) {
            throw new org.anju.platform.BadInput("查询文字 q 不能为空");
        }
        if (limit < 1 || limit > 200) {
            throw new org.anju.platform.BadInput("limit 应在 1 到 200 之间");
        }
        return RegionViews.views(regions, regions.search(q, limit));
    }

    @GetMapping("/resolve")
    @Requires(Requirement.AUTHENTICATED)
    @Operation(summary = "解析名称", description = "把文件中的名称（如“中心城区”“上饶经开区”“肃南县”）解析为区划。"
            + "给出范围时优先在范围内查找，找不到再扩大到所在市、省和全国；“市本级”“中心城区”等只在所在市内查找。")
    ResolveResult resolve(@Parameter(description = "名称", example = "中心城区") @RequestParam String label,
                          @Parameter(description = "范围（所在表格所属区划的代码），省略为全国", example = "361100")
                          @RequestParam(required = false) String context) {
        if (Regions.normalize(label).isEmpty()) {
            throw new org.anju.platform.BadInput("名称 label 不能为空");
        }
        Region ctx = context == null || context.isBlank() ? null : existing(context);
        return RegionViews.result(regions, regions.resolve(label, ctx));
    }

    @GetMapping("/{code}")
    @Requires(Requirement.AUTHENTICATED)
    @Operation(summary = "查看区划", description = "区划详情，含上级路径、别名、片区成员和所属片区。")
    @ApiResponse(responseCode = "404", description = "代码不存在")
    RegionDetail get(@Parameter(description = "代码", example = "361102") @PathVariable String code) {
        return RegionViews.detail(regions, existing(code));
    }

    @GetMapping("/{code}/subtree")
    @Requires(Requirement.AUTHENTICATED)
    @Operation(summary = "列出全部下级", description = "该区划及其全部下级填报单位，按先序排列（上级在前）；不含乡级和社区/村（逐级见 children）。")
    @ApiResponse(responseCode = "404", description = "代码不存在")
    List<RegionView> subtree(@Parameter(description = "代码", example = "361100") @PathVariable String code) {
        return RegionViews.views(regions, regions.subtree(existing(code)));
    }

    @PostMapping(consumes = "application/json")
    @Requires(Requirement.REFERENCE_ADMIN)
    @Operation(summary = "新增填报单位", description = "新增开发区（DEV_ZONE）、市本级（CITY_LEVEL）或片区（GROUP，须列出成员）。")
    @ApiResponse(responseCode = "201", description = "已新增")
    @ApiResponse(responseCode = "400", description = "内容有误")
    ResponseEntity<RegionDetail> create(@RequestBody NewUnitRequest request) {
        if (request == null || request.kind() == null) {
            throw new org.anju.platform.BadInput("缺少类别 kind（DEV_ZONE、CITY_LEVEL 或 GROUP）");
        }
        Region r = regions.addUnit(new NewUnit(request.code(), request.name(), request.kind(), request.parentCode(),
                request.aliases(), request.memberCodes()));
        return ResponseEntity.created(URI.create("/api/regions/" + r.code())).body(RegionViews.detail(regions, r));
    }

    @PostMapping(path = "/{code}/aliases", consumes = "application/json")
    @Requires(Requirement.REFERENCE_ADMIN)
    @Operation(summary = "新增别名", description = "别名不能是任何区划的正式名称；已有的别名不重复添加。")
    @ApiResponse(responseCode = "201", description = "已新增")
    @ApiResponse(responseCode = "200", description = "已有此别名，未作改动")
    @ApiResponse(responseCode = "400", description = "别名不可用")
    @ApiResponse(responseCode = "404", description = "代码不存在")
    ResponseEntity<RegionDetail> addAlias(@Parameter(description = "代码", example = "361100-K1") @PathVariable String code,
                                          @RequestBody AliasRequest request) {
        Region r = existing(code);
        if (request == null) {
            throw new org.anju.platform.BadInput("缺少别名 alias");
        }
        String alias = Regions.normalize(request.alias());
        boolean had = regions.aliases(r).stream().anyMatch(a -> a.alias().equals(alias));
        regions.addAlias(r, request.alias(), Boolean.TRUE.equals(request.cityOnly()));
        return ResponseEntity.status(had ? HttpStatus.OK : HttpStatus.CREATED).body(RegionViews.detail(regions, r));
    }

    private Region existing(String code) {
        return regions.byCode(code).orElseThrow(() -> new org.anju.platform.NotFound("区划代码不存在：" + code));
    }
}
