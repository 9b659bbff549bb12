package org.anju.catalog;

import org.anju.region.*;
import org.anju.indicator.*;
import org.anju.account.Access;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/** The /regions pages: browse the tree from 全国 down, search by name or alias. */
@Controller
class RegionPageController {

    private static final int SEARCH_LIMIT = 50;

    private final Regions regions;
    private final Access access;

    RegionPageController(Regions regions, Access access) {
        this.regions = regions;
        this.access = access;
    }

    @GetMapping("/regions")
    @Requires(Requirement.AUTHENTICATED)
    String root(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String find, @RequestParam(required = false) String page,
                @RequestParam(required = false) String size, Model model) {
        return show(regions.root(), q, model, kind, find, org.anju.platform.PageRequest.parse(page, size));
    }

    @GetMapping("/regions/{code}")
    @Requires(Requirement.AUTHENTICATED)
    String region(@PathVariable String code, @RequestParam(required = false) String q,
                  @RequestParam(required = false) String kind, @RequestParam(required = false) String find,
                  @RequestParam(required = false) String page, @RequestParam(required = false) String size, Model model) {
        return show(existing(code), q, model, kind, find, org.anju.platform.PageRequest.parse(page, size));
    }

    /** A county's administrator (or one above) adds a 社区/村 below a town; the service checks who may. */
    @PostMapping("/regions/{code}/communities")
    @Requires(Requirement.ADMIN)
    String addCommunity(@PathVariable String code, @RequestParam String name,
                        @RequestParam(required = false) String communityCode, Model model,
                        jakarta.servlet.http.HttpServletResponse response) {
        Region town = existing(code);
        try {
            Region added = regions.addCommunity(town, name, communityCode);
            return "redirect:/regions/" + town.code() + "?added=" + java.net.URLEncoder.encode(added.code(),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (org.anju.platform.BadInput e) {
            response.setStatus(e.kind().status()); // the refused form is shown again with the API's status (400)
            model.addAttribute("communityError", e.getMessage());
            model.addAttribute("communityName", name);
            model.addAttribute("communityCode", communityCode);
            return show(town, null, model, null, null, org.anju.platform.PageRequest.first());
        }
    }

    private Region existing(String code) {
        return regions.byCode(code)
                .orElseThrow(() -> new org.anju.platform.NotFound("区划代码不存在：" + code
                        + "（应为六位行政区划代码，如 361100，或十二位乡级代码；可在本页搜索名称）"));
    }

    /** The search results fragment, for htmx. */
    @GetMapping("/regions/search")
    @Requires(Requirement.AUTHENTICATED)
    String search(@RequestParam(required = false) String q, Model model) {
        addSearch(q, model);
        return "region/index :: results";
    }

    /**
     * The region and a page of its children — or, with {@code find}, of its subtree whose name contains it or whose code
     * starts with it — narrowed to a kind ({@code kind}: a {@link RegionKind} name or its Chinese label).
     */
    private String show(Region r, String q, Model model, String kind, String find, org.anju.platform.PageRequest page) {
        model.addAttribute("region", RegionViews.detail(regions, r));
        RegionKind k = kind(kind);
        org.anju.platform.Page<Row> children = regions.page(r, k, find, page)
                .map(c -> new Row(RegionViews.view(regions, c),
                        regions.aliases(c).stream().map(Regions.Alias::alias).toList(),
                        regions.members(c).stream().map(Region::name).toList(),
                        RegionViews.allChildren(regions, c).size()));
        model.addAttribute("children", children);
        model.addAttribute("kinds", RegionKind.values());
        model.addAttribute("kind", k == null ? "" : k.name());
        model.addAttribute("find", find == null ? "" : find);
        model.addAttribute("canAddCommunity", r.kind() == RegionKind.TOWN && access.canManageLocalUnits(r));
        addSearch(q, model);
        return "region/index";
    }

    private void addSearch(String q, Model model) {
        boolean searching = q != null && !Regions.normalize(q).isEmpty();
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("searching", searching);
        model.addAttribute("results", searching ? RegionViews.views(regions, regions.search(q, SEARCH_LIMIT)) : List.of());
    }

    static RegionKind kind(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (RegionKind k : RegionKind.values()) {
            if (k.name().equals(text.strip()) || k.label().equals(text.strip())) {
                return k;
            }
        }
        throw new org.anju.platform.BadInput("参数 kind（类别）“" + text.strip() + "”不对：应为 " + String.join("、",
                java.util.Arrays.stream(RegionKind.values()).map(k -> k.name() + "（" + k.label() + "）").toList()));
    }

    /** A child in the list: the region, its aliases, its members (groups) and how many children it has. */
    record Row(RegionViews.RegionView region, List<String> aliases, List<String> members, int childCount) {
    }
}
