package org.anju.region;

import org.anju.AnjuTest;
import org.anju.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.web.context.WebApplicationContext;
import org.anju.region.Resolution.Found;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The REST API, the /regions page, and changes at runtime (this class adds units, hence its own database). */
@AnjuTest
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RegionApiTest {

    @Autowired
    WebApplicationContext context;

    /** As the Jiangxi province admin: reads everything, adds units and aliases in Jiangxi. */
    MockMvc mvc;

    @BeforeEach
    void signIn() {
        mvc = TestUsers.mvc(context, TestUsers.PROVINCE_ADMIN);
    }

    @Autowired
    Regions regions;

    @Autowired
    JdbcClient jdbc;

    Region code(String code) {
        return regions.byCode(code).orElseThrow(() -> new AssertionError("no region " + code));
    }

    // ------------------------------------------------------------------------------------- reading

    @Test
    void listsChildren() throws Exception {
        mvc.perform(get("/api/regions").param("parent", "361100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(17))
                .andExpect(jsonPath("$[0].code").value("361100-SB"))
                .andExpect(jsonPath("$[0].kindLabel").value("市本级"))
                .andExpect(jsonPath("$[1].name").value("中心城区"))
                .andExpect(jsonPath("$[2].name").value("信州区"))
                .andExpect(jsonPath("$[2].path").value("江西省 上饶市 信州区"))
                .andExpect(jsonPath("$[2].divisionCode").value("361102"));
        mvc.perform(get("/api/regions"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(32));      // 31 provinces and 兵团
        mvc.perform(get("/api/regions").param("parent", "999999"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("区划代码不存在：999999"));
    }

    @Test
    void getsOneWithItsPath() throws Exception {
        mvc.perform(get("/api/regions/361102"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.region.name").value("信州区"))
                .andExpect(jsonPath("$.region.kind").value("COUNTY"))
                .andExpect(jsonPath("$.ancestors[*].name").value(contains("全国", "江西省", "上饶市")))
                .andExpect(jsonPath("$.groups[0].code").value("361100-ZX"));
        mvc.perform(get("/api/regions/361100-ZX"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.members[*].name").value(contains("上饶市本级", "信州区", "上饶经济技术开发区", "上饶高铁经济试验区")))
                .andExpect(jsonPath("$.aliases[*].alias").value(hasItem("上饶市中心城区")));
        mvc.perform(get("/api/regions/361100-K1"))
                .andExpect(jsonPath("$.region.divisionCode").doesNotExist())
                .andExpect(jsonPath("$.aliases[*].alias").value(hasItem("上饶经开区")));
        mvc.perform(get("/api/regions/12345"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("未找到"));
    }

    @Test
    void subtreeInPreOrder() throws Exception {
        mvc.perform(get("/api/regions/361102/subtree"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1));
        mvc.perform(get("/api/regions/360700/subtree"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("360700"))
                .andExpect(jsonPath("$[*].code").value(hasItem("360700-K2")));
    }

    @Test
    void searchesNamesAndAliases() throws Exception {
        mvc.perform(get("/api/regions/search").param("q", "蓉江新区"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("360700-K2"));
        mvc.perform(get("/api/regions/search").param("q", "朝阳区"))
                .andExpect(jsonPath("$[*].code").value(hasItem("110105")))
                .andExpect(jsonPath("$[*].code").value(hasItem("220104")));
        mvc.perform(get("/api/regions/search").param("q", " "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("查询文字 q 不能为空"));
        mvc.perform(get("/api/regions/search"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("缺少参数 q"));
        mvc.perform(get("/api/regions/search").param("q", "区").param("limit", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("limit")));
    }

    @Test
    void resolves() throws Exception {
        mvc.perform(get("/api/regions/resolve").param("label", "中心城区").param("context", "361100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FOUND"))
                .andExpect(jsonPath("$.region.code").value("361100-ZX"))
                .andExpect(jsonPath("$.outsideContext").value(false));
        mvc.perform(get("/api/regions/resolve").param("label", "中心城区").param("context", "360000"))
                .andExpect(jsonPath("$.status").value("AMBIGUOUS"))
                .andExpect(jsonPath("$.candidates.length()").value(11));
        mvc.perform(get("/api/regions/resolve").param("label", "南康区").param("context", "361100"))
                .andExpect(jsonPath("$.status").value("FOUND"))
                .andExpect(jsonPath("$.outsideContext").value(true));
        mvc.perform(get("/api/regions/resolve").param("label", "不存在区"))
                .andExpect(jsonPath("$.status").value("NOT_FOUND"));
        mvc.perform(get("/api/regions/resolve").param("label", ""))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/regions/resolve").param("label", "信州区").param("context", "000001"))
                .andExpect(status().isNotFound());
    }

    @Test
    void openApiDocumentsTheEndpointsInChinese() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/regions/resolve'].get.summary").value("解析名称"))
                .andExpect(jsonPath("$.paths['/api/regions'].post.summary").value("新增填报单位"));
    }

    // ------------------------------------------------------------------------------------- changes

    @Test
    void addsADevelopmentZoneThroughTheApi() throws Exception {
        mvc.perform(post("/api/regions").contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "宜春测试开发区", "kind": "DEV_ZONE", "parentCode": "360900",
                         "aliases": ["宜春测试区"]}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/regions/360900-K1"))
                .andExpect(jsonPath("$.region.code").value("360900-K1"))
                .andExpect(jsonPath("$.region.level").value(3))
                .andExpect(jsonPath("$.ancestors[*].code").value(contains("000000", "360000", "360900")));
        Region zone = code("360900-K1");
        assertThat(regions.resolve("宜春测试区", code("360000"))).isEqualTo(new Found(zone, false));
        assertThat(regions.children(code("360900")).getLast()).isEqualTo(zone);
        assertClosure(zone);

        mvc.perform(post("/api/regions").contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "宜春测试开发区", "kind": "DEV_ZONE", "parentCode": "360900"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("已有名为")));
        mvc.perform(post("/api/regions").contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "某区", "kind": "COUNTY", "parentCode": "361100"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("只能新增")));
        mvc.perform(post("/api/regions").contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "某区", "kind": "PLANET", "parentCode": "361100"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("kind")));
        mvc.perform(post("/api/regions").contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "某开发区", "kind": "DEV_ZONE", "parentCode": "999999"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("上级区划代码不存在：999999"));
        mvc.perform(post("/api/regions").contentType(MediaType.APPLICATION_JSON).content("""
                        {"code": "361199", "name": "某开发区", "kind": "DEV_ZONE", "parentCode": "361100"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("六位数字")));
        mvc.perform(post("/api/regions").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("JSON")));
    }

    @Test
    void addsAGroupWhoseMembersStayWhereTheyAre() {
        Region ganzhou = code("360700");
        Region group = regions.addUnit(NewUnit.group(null, "南部片区", "360700", List.of("360729", "360728", "360734")));
        assertThat(group.code()).isEqualTo("360700-G1");
        assertThat(group.kind()).isEqualTo(RegionKind.GROUP);
        assertThat(group.level()).isEqualTo(3);
        assertThat(group.divisionCode()).isNull();
        assertThat(regions.parent(group)).contains(ganzhou);
        assertThat(regions.members(group)).extracting(Region::name).containsExactly("定南县", "全南县", "寻乌县");
        assertThat(regions.parent(code("360729"))).contains(ganzhou);
        assertThat(regions.groupOf(code("360734"), "南部片区")).contains(group);
        assertThat(regions.groupOf(code("360734"), "中心城区")).isEmpty();
        // a group's name is city-relative, like 中心城区
        assertThat(regions.resolve("南部片区", ganzhou)).isEqualTo(new Found(group, false));
        assertThat(regions.resolve("南部片区", code("360729"))).isEqualTo(new Found(group, false));
        assertThat(regions.resolve("南部片区", code("361100"))).isInstanceOf(Resolution.NotFound.class);
        assertThat(jdbc.sql("select count(*) from region_group_member where group_id = :id").param("id", group.id())
                .query(Long.class).single()).isEqualTo(3);
        assertClosure(group);

        assertThatThrownBy(() -> regions.addUnit(NewUnit.group(null, "北部片区", "360700", List.of("361102"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("不在");
        assertThatThrownBy(() -> regions.addUnit(NewUnit.group(null, "空片区", "360700", List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("至少");
        assertThatThrownBy(() -> regions.addUnit(NewUnit.group(null, "中心城区", "360700", List.of("360702"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("已有名为");
    }

    @Test
    void addsADevelopmentZoneDirectlyUnderAProvinceAndItsCityLevelUnit() {
        Region zone = regions.addUnit(NewUnit.devZone("340000-K1", "测试新区", "340000"));
        assertThat(zone.level()).isEqualTo(2);
        assertThat(regions.city(zone)).contains(zone);
        Region own = regions.addUnit(new NewUnit(null, "测试新区本级", RegionKind.CITY_LEVEL, "340000-K1", null, null));
        assertThat(own.code()).isEqualTo("340000-K1-SB");
        assertThat(regions.resolve("市本级", zone)).isEqualTo(new Found(own, false));
        assertThat(regions.children(zone).getFirst()).isEqualTo(own);
        assertThatThrownBy(() -> regions.addUnit(new NewUnit(null, "又一个本级", RegionKind.CITY_LEVEL, "340000-K1", null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("已有市本级");
        assertThatThrownBy(() -> regions.addUnit(new NewUnit(null, "县本级", RegionKind.CITY_LEVEL, "361102", null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("市本级只能");
        assertClosure(own);
    }

    @Test
    void normalisesNamesOfNewUnitsLikeLabels() {
        Region zone = regions.addUnit(NewUnit.devZone(null, " 玉山 A 区 ", "361123"));
        assertThat(zone.name()).isEqualTo("玉山A区");
        assertThat(zone.level()).isEqualTo(4);
        assertThat(regions.resolve("玉山Ａ区", code("361100"))).isEqualTo(new Found(zone, false));
    }

    @Test
    void addsAliases() throws Exception {
        Region xinzhou = code("361102");
        regions.addAlias(xinzhou, "信州");
        assertThat(regions.resolve("信州", code("361100"))).isEqualTo(new Found(xinzhou, false));
        assertThat(jdbc.sql("select origin from region_alias where alias = '信州'").query(String.class).single())
                .isEqualTo("added");
        regions.addAlias(xinzhou, " 信州 "); // again: no change
        assertThat(jdbc.sql("select count(*) from region_alias where alias = '信州'").query(Long.class).single()).isEqualTo(1);

        assertThatThrownBy(() -> regions.addAlias(xinzhou, "广丰区"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("正式名称");
        assertThatThrownBy(() -> regions.addAlias(xinzhou, "　"))
                .isInstanceOf(IllegalArgumentException.class);

        // a city-only alias only works inside its city
        Region zone = code("360700-K2");
        regions.addAlias(zone, "新区", true);
        assertThat(regions.resolve("新区", code("360700"))).isEqualTo(new Found(zone, false));
        assertThat(regions.resolve("新区", code("361100"))).isInstanceOf(Resolution.NotFound.class);

        // a nationwide alias may not name what already names a region of another province (issue 10: one province
        // must not break another's imports); within its city it may
        assertThatThrownBy(() -> regions.addAlias(code("110105"), "朝阳"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("“朝阳”已用来指辽宁省朝阳市（211300），作为朝阳区的通用别名会使其他地区的表格无法识别或识别错；"
                        + "请换一个别名，或设为仅限本市有效的别名");
        assertThatThrownBy(() -> regions.addUnit(NewUnit.devZone(null, "上饶测试园区", "361100", "恩平")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("“恩平”已用来指广东省江门市恩平市（440785）");
        regions.addAlias(code("110105"), "朝阳", true);
        assertThat(regions.resolve("朝阳", code("110000"))).isEqualTo(new Found(code("110105"), false));
        assertThat(regions.resolve("朝阳", code("210000"))).isEqualTo(new Found(code("211300"), false));

        mvc.perform(post("/api/regions/361100-K3/aliases").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"alias\": \"三清山管委会\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.aliases[*].alias").value(hasItem("三清山管委会")));
        mvc.perform(post("/api/regions/361100-K3/aliases").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"alias\": \"三清山管委会\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/regions/361100-K3/aliases").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"alias\": \"信州区\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("“信州区”是已有区划的正式名称，不能用作别名"));
        mvc.perform(post("/api/regions/361100-K3/aliases").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"alias\": \"恩平\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.startsWith("“恩平”已用来指广东省江门市恩平市（440785）")));
        mvc.perform(post("/api/regions/000009/aliases").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"alias\": \"某地\"}"))
                .andExpect(status().isNotFound());
        assertThat(regions.resolve("三清山管委会", null)).isEqualTo(new Found(code("361100-K3"), false));
    }

    @Test
    void changesSurviveAReloadFromTheDatabase() {
        Region zone = regions.addUnit(NewUnit.devZone(null, "抚州测试园区", "361000", "抚州园"));
        regions.reload();
        assertThat(regions.byCode(zone.code())).contains(zone);
        assertThat(regions.resolve("抚州园", code("361000"))).isEqualTo(new Found(zone, false));
    }

    // ------------------------------------------------------------------------------ below the county

    @Test
    void listsTheTownsOfACountyAndTheCommunitiesOfATown() throws Exception {
        mvc.perform(get("/api/regions/360702/children"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(17))
                .andExpect(jsonPath("$[0].code").value("360702001000"))
                .andExpect(jsonPath("$[0].name").value("解放街道"))
                .andExpect(jsonPath("$[0].kind").value("TOWN"))
                .andExpect(jsonPath("$[0].kindLabel").value("乡级"))
                .andExpect(jsonPath("$[0].level").value(4))
                .andExpect(jsonPath("$[0].divisionCode").value("360702001000"))
                .andExpect(jsonPath("$[0].path").value("江西省 赣州市 章贡区 解放街道"));
        mvc.perform(get("/api/regions").param("parent", "360702"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(17));
        mvc.perform(get("/api/regions/361100/children"))
                .andExpect(jsonPath("$.length()").value(17))                 // a city's: its units, no towns
                .andExpect(jsonPath("$[*].kind", not(hasItem("TOWN"))));
        mvc.perform(get("/api/regions/360702"))
                .andExpect(jsonPath("$.childCount").value(17));
        mvc.perform(get("/api/regions/360700/subtree"))
                .andExpect(jsonPath("$[*].kind", not(hasItem("TOWN"))));
        mvc.perform(get("/api/regions/999999/children")).andExpect(status().isNotFound());
    }

    @Test
    void aCountyAdministratorAddsCommunitiesBelowItsTowns() throws Exception {
        MockMvc county = TestUsers.mvc(context, TestUsers.COUNTY_ADMIN);
        mvc.perform(post("/api/regions/360702002000/communities").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"省级测试社区\"}"))
                .andExpect(status().isCreated());              // a province administrator within the province
        county.perform(post("/api/regions/360702001000/communities").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"解放社区居委会\", \"code\": \"360702001001\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/regions/360702001001"))
                .andExpect(jsonPath("$.region.kind").value("COMMUNITY"))
                .andExpect(jsonPath("$.region.kindLabel").value("社区/村"))
                .andExpect(jsonPath("$.region.level").value(5))
                .andExpect(jsonPath("$.region.divisionCode").value("360702001001"))
                .andExpect(jsonPath("$.region.path").value("江西省 赣州市 章贡区 解放街道 解放社区居委会"));
        county.perform(post("/api/regions/360702001000/communities").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"和平村\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.region.code").value("360702001000-C1"))
                .andExpect(jsonPath("$.region.divisionCode").doesNotExist());
        // refused: same name, a code outside the town, a code in use, a county instead of a town
        county.perform(post("/api/regions/360702001000/communities").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \" 和平村\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("“解放街道”内已有名为“和平村”的社区/村"));
        county.perform(post("/api/regions/360702001000/communities").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"错码社区\", \"code\": \"360702002001\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("以所在解放街道的前九位 360702001 开头")));
        county.perform(post("/api/regions/360702001000/communities").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"重码社区\", \"code\": \"360702001001\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("代码已被使用：360702001001"));
        county.perform(post("/api/regions/360702/communities").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"县下社区\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("社区/村只能设在乡级区划（街道、镇、乡）之下")));
        // refused: another county's town; a town reviewer (no administrator)
        county.perform(post("/api/regions/361102001000/communities").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"越权社区\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("无权在水南街道之下新增社区/村")));
        TestUsers.mvc(context, TestUsers.TOWN_REVIEWER).perform(post("/api/regions/360702001000/communities")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"越权社区\"}"))
                .andExpect(status().isForbidden());

        Region jiefang = code("360702001000");
        Region community = code("360702001001");
        assertThat(regions.localUnits(jiefang)).extracting(Region::code).containsExactly("360702001001", "360702001000-C1");
        assertThat(regions.children(jiefang)).isEmpty();
        assertThat(regions.subtree(jiefang)).extracting(Region::code)
                .containsExactly("360702001000", "360702001001", "360702001000-C1");
        assertThat(regions.subtree(code("360702"))).extracting(Region::code).containsExactly("360702");
        assertClosure(community);
        // applications name it as people write it
        assertThat(regions.resolveLocal("解放社区", code("360702"))).isEqualTo(new Found(community, false));
        assertThat(regions.resolve("解放社区居委会", null)).isInstanceOf(Resolution.NotFound.class);
        // it survives a reload; the county's users see it; its own staff are created by the county's administrator
        regions.reload();
        assertThat(regions.byCode("360702001001")).contains(community);
        county.perform(get("/api/regions/360702001000/children"))
                .andExpect(jsonPath("$[*].code", contains("360702001001", "360702001000-C1")));
        county.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON).content("""
                        {"username": "jf_clerk", "displayName": "解放社区受理员", "regionCode": "360702001001",
                         "roles": ["COMMUNITY_CLERK"]}"""))
                .andExpect(status().isCreated());
        county.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON).content("""
                        {"username": "jf_reporter", "displayName": "不该有的填报员", "regionCode": "360702001001",
                         "roles": ["COUNTY_REPORTER"]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("不适用于解放社区居委会（社区/村）")));
        county.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON).content("""
                        {"username": "sn_reviewer", "displayName": "他县的初审员", "regionCode": "361102001000",
                         "roles": ["TOWN_REVIEWER"]}"""))
                .andExpect(status().isForbidden());
        county.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON).content("""
                        {"username": "zg_admin2", "displayName": "越级", "regionCode": "360700",
                         "roles": ["VIEWER"]}"""))
                .andExpect(status().isForbidden());
    }

    @Test
    void theTownPageListsItsCommunitiesAndLetsTheCountyAddOne() throws Exception {
        MockMvc county = TestUsers.mvc(context, TestUsers.COUNTY_ADMIN);
        mvc.perform(get("/regions/360702"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("解放街道")))
                .andExpect(content().string(containsString("乡级")));
        county.perform(get("/regions/360702003000"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("新增社区/村")));
        county.perform(post("/regions/360702003000/communities").param("name", "南外测试社区")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        county.perform(get("/regions/360702003000"))
                .andExpect(content().string(containsString("南外测试社区")));
        county.perform(post("/regions/360702003000/communities").param("name", "南外测试社区")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("已有名为“南外测试社区”的社区/村")));
        TestUsers.mvc(context, TestUsers.TOWN_REVIEWER).perform(get("/regions/360702003000"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("新增社区/村"))));
    }

    /** The closure rows of a region equal its ancestors with their distances, plus itself at depth 0. */
    void assertClosure(Region r) {
        List<String> actual = jdbc.sql("""
                        select r.code || '@' || ra.depth from region_ancestor ra join region r on r.id = ra.ancestor_id
                        where ra.region_id = :id order by ra.depth""")
                .param("id", r.id()).query(String.class).list();
        List<Region> chain = new java.util.ArrayList<>(regions.ancestors(r));
        chain.add(r);
        List<String> expected = new java.util.ArrayList<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            expected.add(chain.get(i).code() + "@" + (chain.size() - 1 - i));
        }
        assertThat(actual).isEqualTo(expected);
    }

    // ------------------------------------------------------------------------------------------ page

    @Test
    void pageBrowsesTheTree() throws Exception {
        mvc.perform(get("/regions"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("全国")))
                .andExpect(content().string(containsString("江西省")))
                .andExpect(content().string(containsString("href=\"/regions/360000\"")));
        mvc.perform(get("/regions/361100"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>上饶市 · 行政区划 · 安居</title>")))
                .andExpect(content().string(containsString("href=\"/regions/360000\"")))  // breadcrumb
                .andExpect(content().string(containsString("上饶市本级")))
                .andExpect(content().string(containsString("信州区")))
                .andExpect(content().string(containsString("开发区")))
                .andExpect(content().string(containsString("片区")))
                .andExpect(content().string(containsString("上饶经开区")))          // aliases of children
                .andExpect(content().string(containsString("上饶市本级、信州区、上饶经济技术开发区、上饶高铁经济试验区")))
                .andExpect(content().string(containsString("htmx.min.js")));       // the shared layout
        mvc.perform(get("/regions/361100-ZX"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("片区成员")))
                .andExpect(content().string(containsString("上饶高铁经济试验区")));
        mvc.perform(get("/regions/361102"))
                .andExpect(content().string(containsString("所属片区")));
        mvc.perform(get("/regions/999999"))
                .andExpect(status().isNotFound());
    }

    @Test
    void pageSearches() throws Exception {
        mvc.perform(get("/regions/search").param("q", "肃南"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("甘肃省 张掖市 肃南裕固族自治县")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/regions/search").param("q", "没有这个地方"))
                .andExpect(content().string(containsString("没有名称或别名包含")));
        mvc.perform(get("/regions").param("q", "蓉江"))
                .andExpect(content().string(containsString("赣州蓉江新区")))
                .andExpect(content().string(containsString("<html")));
    }
}
