package org.anju.catalog;

import org.anju.region.*;
import org.anju.indicator.*;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/** The /regions pages: browse the tree from 全国 down, search by name or alias. */
@Controller
class RegionPageController {

    private static final int SEARCH_LIMIT = 50;

    private final Regions regions;

    RegionPageController(Regions regions) {
        this.regions = regions;
    }

    @GetMapping("/regions")
    @Requires(Requirement.AUTHENTICATED)
    String root(@RequestParam(required = false) String q, Model model) {
        return show(regions.root(), q, model);
    }

    @GetMapping("/regions/{code}")
    @Requires(Requirement.AUTHENTICATED)
    String region(@PathVariable String code, @RequestParam(required = false) String q, Model model) {
        Region r = regions.byCode(code)
                .orElseThrow(() -> new org.anju.platform.NotFound("区划代码不存在：" + code
                        + "（应为六位行政区划代码，如 361100；可在本页搜索名称）"));
        return show(r, q, model);
    }

    /** The search results fragment, for htmx. */
    @GetMapping("/regions/search")
    @Requires(Requirement.AUTHENTICATED)
    String search(@RequestParam(required = false) String q, Model model) {
        addSearch(q, model);
        return "region/index :: results";
    }

    private String show(Region r, String q, Model model) {
        model.addAttribute("region", RegionViews.detail(regions, r));
        List<Row> children = regions.children(r).stream()
                .map(c -> new Row(RegionViews.view(regions, c),
                        regions.aliases(c).stream().map(Regions.Alias::alias).toList(),
                        regions.members(c).stream().map(Region::name).toList(),
                        regions.children(c).size()))
                .toList();
        model.addAttribute("children", children);
        addSearch(q, model);
        return "region/index";
    }

    private void addSearch(String q, Model model) {
        boolean searching = q != null && !Regions.normalize(q).isEmpty();
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("searching", searching);
        model.addAttribute("results", searching ? RegionViews.views(regions, regions.search(q, SEARCH_LIMIT)) : List.of());
    }

    /** A child in the list: the region, its aliases, its members (groups) and how many children it has. */
    record Row(RegionViews.RegionView region, List<String> aliases, List<String> members, int childCount) {
    }
}
