package org.anju.catalog;

import org.anju.region.*;
import org.anju.indicator.*;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.stream.Collectors;

/** JSON shapes of the region API. */
final class RegionViews {

    private RegionViews() {
    }

    @Schema(description = "区划或填报单位")
    record RegionView(
            @Schema(description = "代码：六位行政区划代码，或单位代码（如 361100-SB 市本级、361100-K1 开发区、361100-ZX 中心城区）", example = "361102")
            String code,
            @Schema(description = "名称", example = "信州区") String name,
            @Schema(description = "类别", example = "COUNTY") RegionKind kind,
            @Schema(description = "类别（中文）", example = "县级") String kindLabel,
            @Schema(description = "级别：0 全国、1 省级、2 地级、3 县级、4 乡级（及县级之下的单位）、5 社区/村", example = "3") int level,
            @Schema(description = "上级代码", example = "361100") String parentCode,
            @Schema(description = "行政区划代码：省、地、县级为 GB/T 2260 六位代码，乡级、社区/村为 12 位统计用区划代码；非行政单位为空", example = "361102") String divisionCode,
            @Schema(description = "从省级起的全称", example = "江西省 上饶市 信州区") String path) {
    }

    @Schema(description = "别名")
    record AliasView(@Schema(description = "别名", example = "上饶经开区") String alias,
                     @Schema(description = "是否仅在本市范围内有效（如“经开区”“市本级”）") boolean cityOnly,
                     @Schema(description = "来源：curated 人工整理、generated 自动生成、added 用户新增") String origin) {
    }

    @Schema(description = "区划详情")
    record RegionDetail(RegionView region,
                        @Schema(description = "上级路径，自全国起") List<RegionView> ancestors,
                        @Schema(description = "别名") List<AliasView> aliases,
                        @Schema(description = "片区成员（仅片区）") List<RegionView> members,
                        @Schema(description = "所属片区") List<RegionView> groups,
                        @Schema(description = "下级个数") int childCount) {
    }

    @Schema(description = "名称解析结果")
    record ResolveResult(
            @Schema(description = "FOUND 唯一匹配、AMBIGUOUS 有多个可能、NOT_FOUND 未找到") String status,
            @Schema(description = "匹配到的区划（唯一匹配时）") RegionView region,
            @Schema(description = "匹配到的区划是否在给定范围之外（扩大到所在市、省或全国后才找到）") Boolean outsideContext,
            @Schema(description = "候选区划（有多个可能时）") List<RegionView> candidates,
            @Schema(description = "说明") String message) {
    }

    @Schema(description = "新增非行政填报单位（开发区、市本级、片区）")
    record NewUnitRequest(
            @Schema(description = "代码，可省略（自动生成 <上级>-K<n>、<上级>-SB、<上级>-G<n>）；六位数字留给行政区划", example = "361100-K4")
            String code,
            @Schema(description = "名称", example = "上饶高新技术产业开发区", requiredMode = Schema.RequiredMode.REQUIRED) String name,
            @Schema(description = "类别：DEV_ZONE 开发区、CITY_LEVEL 市本级、GROUP 片区", requiredMode = Schema.RequiredMode.REQUIRED)
            RegionKind kind,
            @Schema(description = "上级代码", example = "361100", requiredMode = Schema.RequiredMode.REQUIRED) String parentCode,
            @Schema(description = "别名") List<String> aliases,
            @Schema(description = "片区成员代码（仅片区）") List<String> memberCodes) {
    }

    @Schema(description = "新增社区/村")
    record CommunityRequest(@Schema(description = "名称", example = "解放社区", requiredMode = Schema.RequiredMode.REQUIRED) String name,
                            @Schema(description = "12 位统计用区划代码，可省略", example = "360702001001") String code) {
    }

    @Schema(description = "新增别名")
    record AliasRequest(@Schema(description = "别名", example = "饶高新区", requiredMode = Schema.RequiredMode.REQUIRED) String alias,
                        @Schema(description = "是否仅在本市范围内有效，默认否") Boolean cityOnly) {
    }

    static RegionView view(Regions regions, Region r) {
        String parentCode = regions.parent(r).map(Region::code).orElse(null);
        String path = regions.ancestors(r).stream().skip(1).map(Region::name).collect(Collectors.joining(" "));
        path = r.kind() == RegionKind.NATION ? r.name() : path.isEmpty() ? r.name() : path + " " + r.name();
        return new RegionView(r.code(), r.name(), r.kind(), r.kind().label(), r.level(), parentCode, r.divisionCode(), path);
    }

    static List<RegionView> views(Regions regions, List<Region> list) {
        return list.stream().map(r -> view(regions, r)).toList();
    }

    static RegionDetail detail(Regions regions, Region r) {
        return new RegionDetail(view(regions, r), views(regions, regions.ancestors(r)),
                regions.aliases(r).stream().map(a -> new AliasView(a.alias(), a.cityOnly(), a.origin())).toList(),
                views(regions, regions.members(r)), views(regions, regions.groupsOf(r)), allChildren(regions, r).size());
    }

    /** The children as the catalog lists them: the reporting tree's, then the towns of a county (communities of a town). */
    static List<Region> allChildren(Regions regions, Region r) {
        List<Region> children = regions.children(r);
        List<Region> local = regions.localUnits(r);
        if (local.isEmpty()) {
            return children;
        }
        if (children.isEmpty()) {
            return local;
        }
        List<Region> all = new java.util.ArrayList<>(children);
        all.addAll(local);
        return all;
    }

    static ResolveResult result(Regions regions, Resolution resolution) {
        return switch (resolution) {
            case Resolution.Found f -> new ResolveResult("FOUND", view(regions, f.region()), f.outsideContext(), List.of(),
                    f.outsideContext() ? "在给定范围之外找到：" + view(regions, f.region()).path() : "找到：" + view(regions, f.region()).path());
            case Resolution.Ambiguous a -> new ResolveResult("AMBIGUOUS", null, null, views(regions, a.candidates()),
                    "有 " + a.candidates().size() + " 个同名区划，请指定所在地区");
            case Resolution.NotFound n -> new ResolveResult("NOT_FOUND", null, null, List.of(), "未找到该名称的区划");
        };
    }
}
