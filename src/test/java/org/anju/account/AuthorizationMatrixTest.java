package org.anju.account;

import org.anju.AnjuTest;
import org.anju.TestUsers;
import org.anju.plan.Plan;
import org.anju.plan.PlanDraft;
import org.anju.plan.Plans;
import org.anju.plan.imports.ImportOptions;
import org.anju.plan.imports.ImportResult;
import org.anju.plan.imports.PlanImporter;
import org.anju.project.Project;
import org.anju.project.Projects;
import org.anju.report.ReportValue;
import org.anju.report.Reports;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every endpoint × every kind of user × own and other regions' data: allowed or denied as each handler's
 * {@link Requires} declares, and no response leaks another region's documents.
 *
 * <p>The endpoints are enumerated from Spring MVC's handler mappings, so a new endpoint is in the matrix the
 * moment it exists. It must declare {@link Requires} (the test fails otherwise) and must be reachable with
 * the path variables below — or get concrete requests in {@link #explicitSamples()} (the test says which).
 * Each request runs in a savepoint that is rolled back, so writes do not disturb the next request.
 */
@AnjuTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"anju.demo.enabled=true", "anju.test.database=matrix"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    /** The users the matrix runs as; null: not signed in. */
    enum Who {
        PROVINCE_ADMIN("jx_admin", "360000", Role.PROVINCE_ADMIN),
        CITY_ADMIN("sr_admin", "361100", Role.CITY_ADMIN),
        COUNTY_REPORTER("xz_reporter", "361102", Role.COUNTY_REPORTER),
        CITY_VIEWER("sr_viewer", "361100", Role.VIEWER),
        OTHER_CITY_ADMIN("gz_admin", "360700", Role.CITY_ADMIN),
        // public-rental applications (HANDLE_APPLICATIONS): a county's 住房保障 office and a town's 初审员 of 赣州市
        HOUSING_OFFICE("zg_housing", "360702", Role.HOUSING_OFFICE),
        TOWN_REVIEWER("jf_reviewer", "360702001000", Role.TOWN_REVIEWER),
        // the monitoring system's account (全国): signed in, yet refused everything but the public pages
        MONITOR("prometheus", "000000", Role.MONITOR),
        ANONYMOUS(null, null, null);

        final String username;
        final String region;
        final Role role;

        Who(String username, String region, Role role) {
            this.username = username;
            this.region = region;
            this.role = role;
        }
    }

    /** One concrete request; {@code subject} is the region whose data it reads or changes (null: none in particular). */
    record Sample(String label, String subject, Supplier<AbstractMockHttpServletRequestBuilder<?>> request) {
    }

    record Endpoint(String method, String pattern, HandlerMethod handler) {
        String key() {
            return method + " " + pattern;
        }

        boolean ours() {
            return handler.getBeanType().getPackageName().startsWith("org.anju.");
        }

        boolean api() {
            return pattern.startsWith("/api/");
        }
    }

    /** Framework endpoints (no @Requires possible): what they require, by controller package. */
    static final Map<String, Requirement> FRAMEWORK = Map.of(
            "org.springframework.boot", Requirement.PUBLIC,     // the error page
            "org.springdoc", Requirement.AUTHENTICATED);        // API docs, guarded by URL

    /** The title of the plan issued by 信州区 that this test adds (a county's own document). */
    static final String XINZHOU_PLAN = "信州区2023年保障性安居工程实施计划（矩阵测试）";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Plans plans;
    @Autowired
    org.anju.rental.household.Households households;
    @Autowired
    org.anju.rental.lease.Leases leases;
    @Autowired
    PlanImporter importer;
    @Autowired
    Regions regions;
    @Autowired
    Users users;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Projects projects;
    @Autowired
    Reports reports;
    @Autowired
    tools.jackson.databind.json.JsonMapper json;
    @Autowired
    org.anju.rental.stock.Stock stock;
    @Autowired
    org.anju.rental.stock.StockPreviews stockPreviews;
    @Autowired
    org.anju.rental.subsidy.Subsidies subsidies;
    @Autowired
    org.anju.rental.subsidy.PaymentRolls subsidyRolls;
    /** 租赁补贴 by the code of their county: an agreement, a household still to sign, a draft roll, a confirmed roll. */
    final Map<String, Long> agreementIds = new LinkedHashMap<>();
    final Map<String, Long> unsignedIds = new LinkedHashMap<>();
    final Map<String, Long> draftRollIds = new LinkedHashMap<>();
    final Map<String, Long> confirmedRollIds = new LinkedHashMap<>();
    @Autowired
    org.anju.rental.application.Applications applications;
    @Autowired
    org.anju.rental.application.CityRules cityRules;
    /** Applications in 解放街道 (章贡区, 赣州市) by the state the samples need. */
    final Map<String, Long> applicationIds = new LinkedHashMap<>();
    long objectionId;
    /** Housing-stock estates and dwellings by the code of their county. */
    final Map<String, Long> estateIds = new LinkedHashMap<>();
    final Map<String, Long> dwellingIds = new LinkedHashMap<>();

    /** The month of the reports the matrix approves, returns and reads; 2024-02 holds an approved one (lock). */
    static final java.time.YearMonth MONTH = java.time.YearMonth.of(2024, 1);
    static final java.time.YearMonth APPROVED = java.time.YearMonth.of(2024, 2);
    @Autowired
    org.anju.platform.Jobs jobs;
    @Autowired
    org.anju.calendar.WorkingDays workingDays;
    /** Finished import jobs of the province admin (a job is seen by its owner only; others get 404), by kind. */
    final Map<String, String> jobIds = new LinkedHashMap<>();
    /** Project ids by the code of their unit. */
    final Map<String, Long> projectIds = new LinkedHashMap<>();
    /** Data each region's users must never see unless they read that region (scoped): marker → region code. */
    final Map<String, String> dataMarkers = new LinkedHashMap<>();

    /** Plan ids by issuer code. */
    final Map<String, Long> planIds = new LinkedHashMap<>();
    /** Progress tables (进展表) by issuer code. */
    final Map<String, Long> progressIds = new LinkedHashMap<>();
    /** Progress tables each region's users must never see unless they read documents of the issuer: marker → issuer. */
    final Map<String, String> progressMarkers = new LinkedHashMap<>();
    /** Preview import batches by issuer code. */
    final Map<String, Long> batchIds = new LinkedHashMap<>();
    /** User ids by the code of their region. */
    final Map<String, Long> userIds = new LinkedHashMap<>();
    /** Documents each region's users must never see, by issuer code: title or 文号. */
    final Map<String, String> planMarkers = new LinkedHashMap<>();

    @BeforeAll
    void fixtures() {
        planIds.put("360000", plans.byDocumentNumber("赣建保〔2023〕1号").orElseThrow().id());
        Region sr = region("361100");
        planIds.put("361100", plans.readable().stream().filter(p -> p.issuerRegionId() == sr.id()).findFirst().orElseThrow().id());
        Region gz = region("360700");
        planIds.put("360700", plans.readable().stream().filter(p -> p.issuerRegionId() == gz.id()).findFirst().orElseThrow().id());
        Region xz = region("361102");
        long xzPlan = plans.save(new PlanDraft(new Plan(null, XINZHOU_PLAN, xz.id(), "信州区住房和城乡建设局", null, null,
                2023, 2023, planIds.get("361100"), null, null), List.of(), List.of(), List.of()), false);
        planIds.put("361102", xzPlan);
        planIds.put("220000", plans.byDocumentNumber("吉安居办〔2021〕10号").orElseThrow().id());

        planMarkers.put("360000", "赣建保〔2023〕1号");
        planMarkers.put("361100", "关于下达2023年全市保障性安居工程建设工作计划的通知");
        planMarkers.put("360700", "赣州市城市棚户区改造攻坚行动方案");
        planMarkers.put("361102", XINZHOU_PLAN);
        planMarkers.put("220000", "吉安居办〔2021〕10号");

        // progress data: a project of 2024 in 信州区 and in 章贡区 (not in any 2023 bulletin), submitted reports of
        // 信州区, 章贡区 and 上饶市本级 for 2024-01 (to approve or return), an approved one of 信州区 for 2024-02 (to lock)
        for (String unit : List.of("361102", "360702")) {
            Region r = region(unit);
            String name = "矩阵测试" + r.name() + "项目";
            projectIds.put(unit, projects.save(new Project(null, unit, r.name(), "SHANTYTOWN", 2024, name, null,
                    java.math.BigDecimal.TEN, null, null, null, null, null, null, null, null, null, null, null, 0)).id());
            dataMarkers.put(name, unit);
        }
        dataMarkers.put("山丹县2023年李桥乡80套保障性租赁住房项目", "620725");
        // housing stock: an estate with one dwelling in 信州区 and in 章贡区
        for (String unit : List.of("361102", "360702")) {
            String name = "矩阵测试" + region(unit).name() + "公租房小区";
            var estate = stock.saveEstate(org.anju.rental.stock.Estate.of(unit, name, null,
                    org.anju.rental.stock.Programme.PUBLIC_RENTAL, null, null));
            estateIds.put(unit, estate.id());
            dwellingIds.put(unit, stock.add(new org.anju.rental.stock.Stock.NewDwelling(estate.id(), "1号楼", "1", "101", null,
                    1, java.math.BigDecimal.TEN, null, null, null, null, org.anju.rental.stock.StockStatus.VACANT)).id());
            dataMarkers.put(name, unit);
        }
        subsidyFixtures();
        // 赣州市's waiting-list and lease rules: the test files (未核实), uploaded as the city would
        org.anju.rental.application.TestRuleFiles.upload(cityRules, regions, "360700",
                org.anju.rental.application.RuleFile.Kind.WAITING, "rental/waiting-samples/360700-test.tsv");
        org.anju.rental.application.TestRuleFiles.upload(cityRules, regions, "360700",
                org.anju.rental.application.RuleFile.Kind.LEASE, "rental/lease-samples/360700-公租房.tsv");
        leaseFixture();
        ledgerFixtures();
        bulletinFixtures();
        roundFixtures();
        identificationFixtures();
        for (String unit : List.of("361102", "360702", "361100-SB")) {
            var saved = reports.save(unit, MONTH, 0, List.of(new ReportValue("RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", "", java.math.BigDecimal.ONE)));
            reports.submit(unit, MONTH, saved.version());
        }
        jobIds.put("/imports/", jobs.start("jx_admin", "矩阵测试", org.anju.platform.Jobs.PLAN_STAGES,
                // a job binds whom it acts for (as the pages do with the user who started it)
                () -> Access.runAs(Actor.system(regions.root()),
                        () -> importer.importFile(fileName("360000"), csv("360000"), ImportOptions.preview()))));
        jobIds.put("/projects/", jobs.start("jx_admin", "矩阵测试", org.anju.platform.Jobs.REGISTER_STAGES,
                () -> new Projects.ImportSummary("矩阵测试.csv", 0, 0, 0)));
        // the JSON of a job (issue 15): jx_admin's, a 404 for everyone else (once the others ended: two per user)
        jobs.await(jobIds.get("/imports/"), "jx_admin");
        jobs.await(jobIds.get("/projects/"), "jx_admin");
        jobIds.put("/api/import-jobs/", jobs.start("jx_admin", "矩阵测试", org.anju.platform.Jobs.REGISTER_STAGES,
                () -> new Projects.ImportSummary("矩阵测试.csv", 0, 0, 0)));
        var feb = reports.submit("361102", APPROVED, 0);
        reports.approve("361102", APPROVED, feb.version());

        for (String issuer : List.of("360000", "361100", "360700")) {
            ImportResult preview = importer.importFile(fileName(issuer), csv(issuer),
                    ImportOptions.preview().keepingPreview());
            assertThat(preview.ok()).as(preview.problems().toString()).isTrue();
            assertThat(preview.plan().issuerCode()).isEqualTo(issuer);
            batchIds.put(issuer, preview.batchId());
        }
        for (String issuer : List.of("360000", "361100")) {
            String rows = issuer.equals("360000") ? "上饶市\t60\t30\t50%\n赣州市\t40\t20\t50%\n"
                    : "信州区\t60\t30\t50%\n广丰区\t40\t20\t50%\n";
            byte[] table = ("2023年保障性租赁住房进展情况\n（截至2023年9月末）\n地区\t年度任务\t开工数\t开工率\n合计\t100\t50\t50%\n"
                    + rows).getBytes(StandardCharsets.UTF_8);
            ImportResult progress = importer.importFile("矩阵测试进展" + issuer + ".tsv", table, ImportOptions.commit());
            assertThat(progress.complete()).as(progress.problems() + " " + progress.questions()).isTrue();
            progressIds.put(issuer, progress.progressId());
            progressMarkers.put("矩阵测试进展" + issuer, issuer);
        }
        applicationFixtures();
        for (String u : List.of("jx_admin", "xz_reporter", "sr_viewer", "gz_admin")) {
            User user = users.byUsername(u).orElseThrow();
            userIds.put(region(user.regionId()).code(), user.id());
        }
    }

    Region region(String code) {
        return regions.byCode(code).orElseThrow();
    }

    /**
     * 租赁补贴 in 信州区 and 章贡区: their cities' parameters (monthly, prorated), a household with an agreement from
     * 2024-01, one qualified but not signed, the draft roll of 2024-01 and the confirmed one of 2024-02.
     */
    void subsidyFixtures() {
        int seq = 1;
        for (String unit : List.of("361102", "360702")) {
            Region county = region(unit);
            Region city = regions.city(county).orElseThrow();
            subsidies.uploadParameters(city.code(), java.time.LocalDate.of(2024, 1, 1), "矩阵测试.tsv", "城市\t" + city.code()
                    + "\n名称\t矩阵测试补贴\n来源\t矩阵测试\n方式\t按人\n标准\t*\t10\n面积\t1+\t15\n发放周期\t按月\n不足月\t按日折算\n");
            String street = regions.localUnits(county).getFirst().code();
            long[] ids = new long[2];
            for (int i = 0; i < 2; i++) {
                var member = new org.anju.rental.household.HouseholdForm.MemberForm("矩阵测试",
                        org.anju.privacy.SyntheticIds.number(unit, "19800101", seq++), "本人", null, false, true, null);
                ids[i] = households.register(new org.anju.rental.household.HouseholdForm(street, null, null, List.of(member),
                        List.of(), java.math.BigDecimal.ZERO, 5, null, null, false, null, null));
                households.qualify(ids[i], org.anju.rental.household.Guarantee.SUBSIDY, java.time.LocalDate.of(2024, 1, 1));
            }
            unsignedIds.put(unit, ids[1]);
            agreementIds.put(unit, subsidies.sign(new org.anju.rental.subsidy.AgreementForm(ids[0],
                    java.time.YearMonth.of(2024, 1), java.time.LocalDate.of(2024, 12, 31), null, null, "6222021234567890123",
                    "矩阵测试银行")).id());
            draftRollIds.put(unit, subsidyRolls.generate(unit, java.time.YearMonth.of(2024, 1)).id());
            var feb = subsidyRolls.generate(unit, java.time.YearMonth.of(2024, 2));
            confirmedRollIds.put(unit, subsidyRolls.confirm(feb.id(), feb.version()).id());
        }
    }

    static final String JIEFANG = "360702001000";

    private static final java.util.concurrent.atomic.AtomicInteger SAMPLE_FILES = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * An uploaded document's text made a new version for one sample (a comment line of its own): the same file sent
     * again is refused as a duplicate (Reupload), which would hide whether the user may upload.
     */
    static byte[] sampleFile(String text) {
        return ("# 矩阵样例 " + SAMPLE_FILES.incrementAndGet() + "\n" + text).getBytes(StandardCharsets.UTF_8);
    }

    /** 徐州's 低保 rule set and flow (resources rental/rules, rental/flows) as 赣州市's, for the matrix only. */
    static String ganzhou(String path) {
        try (var in = AuthorizationMatrixTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("320300", "360700");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String family(String birth, int seq, String area) {
        return "{\"regionCode\": \"" + JIEFANG + "\", \"members\": [{\"name\": \"矩阵测试\", \"idNumber\": \""
                + org.anju.privacy.SyntheticIds.number("360702", birth, seq) + "\", \"relation\": \"本人\", \"annualIncome\": \"10000\", "
                + "\"incomeProven\": true, \"ableToWork\": true}], \"groups\": [{\"name\": \"低保\", \"since\": \"2020-01-01\"}], "
                + "\"heldArea\": " + area + ", \"hukouYears\": 10}";
    }

    org.anju.rental.household.HouseholdForm familyForm(String birth, int seq, java.math.BigDecimal area) {
        return new org.anju.rental.household.HouseholdForm(JIEFANG, null, null, List.of(
                new org.anju.rental.household.HouseholdForm.MemberForm("矩阵测试", org.anju.privacy.SyntheticIds.number("360702",
                        birth, seq), "本人", "10000", true, true, null)),
                List.of(new org.anju.rental.household.HouseholdForm.GroupForm("低保", java.time.LocalDate.of(2020, 1, 1))),
                area, 10, null, null, null, null, null);
    }

    /** Applications of families at 解放街道 in each state a sample needs (the town's 初审员 takes them in). */
    void applicationFixtures() {
        var rules = org.anju.rental.application.RuleFile.Kind.RULES;
        var flow = org.anju.rental.application.RuleFile.Kind.FLOW;
        cityRules.upload("360700", rules, "矩阵测试准入条件.tsv", ganzhou("/rental/rules/320300-公租房-低保特困.tsv"), null, null);
        cityRules.upload("360700", flow, "矩阵测试审核流程.tsv", ganzhou("/rental/flows/320300-公租房-低保特困.tsv"),
                java.time.LocalDate.of(2024, 1, 1), null);
        var g = org.anju.rental.household.Guarantee.PUBLIC_RENTAL;
        var day = java.time.LocalDate.of(2024, 9, 26);
        java.util.function.BiFunction<Integer, java.math.BigDecimal, Long> submit = (seq, area) -> applications.submit(
                new org.anju.rental.application.NewApplication(familyForm("19800101", seq, area), null, g, null, day));
        var approve = org.anju.rental.review.Review.Decision.APPROVE;
        long town = submit.apply(101, java.math.BigDecimal.TEN);
        applicationIds.put("town", town);
        long returned = submit.apply(102, java.math.BigDecimal.TEN);
        applications.decide(returned, applications.application(returned).version(),
                org.anju.rental.review.Review.Decision.RETURN, "矩阵测试退回", day.plusDays(1));
        applicationIds.put("returned", returned);
        long notice = submit.apply(103, java.math.BigDecimal.TEN);
        applications.decide(notice, applications.application(notice).version(), approve, null, day.plusDays(1));
        applicationIds.put("notice", notice);
        long objected = submit.apply(104, java.math.BigDecimal.TEN);
        applications.decide(objected, applications.application(objected).version(), approve, null, day.plusDays(1));
        objectionId = applications.object(objected, applications.application(objected).version(), "来信", "矩阵测试异议",
                day.plusDays(3)).id();
        applicationIds.put("objection", objected);
        long county = submit.apply(105, java.math.BigDecimal.TEN);
        applications.decide(county, applications.application(county).version(), approve, null, day.plusDays(1));
        applications.endNotice(county, applications.application(county).version(), day.plusDays(20));
        applicationIds.put("county", county);
        long qualified = submit.apply(106, java.math.BigDecimal.TEN);
        applications.decide(qualified, applications.application(qualified).version(), approve, null, day.plusDays(1));
        applications.endNotice(qualified, applications.application(qualified).version(), day.plusDays(20));
        for (int i = 0; i < 3; i++) {
            applications.decide(qualified, applications.application(qualified).version(), approve, null, day.plusDays(21 + i));
        }
        applicationIds.put("qualified", qualified);
        applicationIds.put("incomplete", submit.apply(107, null));
    }

    Region region(int id) {
        return regions.byId(id);
    }

    /** A small breakdown table whose rows lie below {@code issuer}, so the importer infers that issuer. */
    static byte[] csv(String issuer) {
        String row = switch (issuer) {
            case "360000" -> "上饶市";
            case "361100" -> "信州区";
            case "360700" -> "兴国县";
            default -> throw new IllegalArgumentException(issuer);
        };
        return ("2023年城市棚户区改造目标任务分解表\n单位：套\n地区,开工\n合计,10\n" + row + ",10\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static String fileName(String issuer) {
        return "矩阵测试" + issuer + ".csv";
    }

    // ---- the endpoints ------------------------------------------------------------------------------

    List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
                Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
                for (String pattern : e.getKey().getPatternValues()) {
                    for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                        all.add(new Endpoint(m.name(), pattern, e.getValue()));
                    }
                }
            }
        }
        all.sort(java.util.Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return all;
    }

    Requirement requirement(Endpoint e) {
        if (e.ours()) {
            Requires r = e.handler().getMethodAnnotation(Requires.class);
            return r == null ? null : r.value();
        }
        return FRAMEWORK.entrySet().stream().filter(f -> e.handler().getBeanType().getPackageName().startsWith(f.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    @Test
    void everyEndpointDeclaresWhatItRequires() {
        List<String> undeclared = endpoints().stream().filter(e -> requirement(e) == null)
                .map(e -> e.key() + " → " + e.handler().getShortLogMessage()).toList();
        assertThat(undeclared).as("handler methods without @Requires(Requirement…) — declare what each needs").isEmpty();
    }

    // ---- samples --------------------------------------------------------------------------------------

    static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    /** Values of path variables, with the region each value's data belongs to. */
    Map<String, String> values(Endpoint e, String variable) {
        String p = e.pattern();
        Map<String, String> v = new LinkedHashMap<>();   // value → subject region code (or "" for none)
        switch (variable) {
            case "id" -> {
                if (p.startsWith("/api/plans/") || p.startsWith("/plans/")) {
                    planIds.forEach((issuer, id) -> v.put(id.toString(), issuer));
                } else if (p.startsWith("/api/progress-tables/") || p.startsWith("/progress-tables/")) {
                    progressIds.forEach((issuer, id) -> v.put(id.toString(), issuer));
                } else if (p.startsWith("/api/projects/") || p.startsWith("/projects/")) {
                    projectIds.forEach((unit, id) -> v.put(id.toString(), unit));
                } else if (p.startsWith("/api/ledger/items/") || p.startsWith("/ledger/items/")) {
                    ledgerPendingIds.forEach((unit, id) -> v.put(id.toString(), unit));
                } else if (p.startsWith("/api/bulletins/drafts/") || p.startsWith("/bulletins/drafts/")) {
                    bulletinDraftIds.forEach((issuer, id) -> v.put(id.toString(), issuer));
                } else if (p.startsWith("/api/bulletins/issued/") || p.startsWith("/bulletins/issued/")) {
                    bulletinIssuedIds.forEach((issuer, id) -> v.put(id.toString(), issuer));
                } else if (p.startsWith("/api/ledger/files/")) {
                    ledgerFileIds.forEach((unit, id) -> v.put(id.toString(), unit));
                } else if (p.startsWith("/api/rental/stock/estates/") || p.startsWith("/rental/stock/estates/")) {
                    estateIds.forEach((unit, id) -> v.put(id.toString(), unit));
                } else if (p.startsWith("/api/rental/stock/dwellings/") || p.startsWith("/rental/stock/dwellings/")) {
                    dwellingIds.forEach((unit, id) -> v.put(id.toString(), unit));
                } else if (p.startsWith("/api/rental/subsidies/agreements/") || p.startsWith("/rental/subsidies/agreements/")) {
                    agreementIds.forEach((unit, id) -> v.put(id.toString(), unit));
                } else if (p.startsWith("/api/rental/subsidies/rolls/") || p.startsWith("/rental/subsidies/rolls/")) {
                    draftRollIds.forEach((unit, id) -> v.put(id.toString(), unit));
                    confirmedRollIds.forEach((unit, id) -> v.put(id.toString(), unit));
                } else if (p.startsWith("/api/rental/leases/") || p.startsWith("/rental/leases/")) {
                    v.put(String.valueOf(leaseId), "360702");
                } else if (p.startsWith("/api/ledger/expropriation/projects/") || p.startsWith("/ledger/expropriation/projects/")) {
                    v.put(String.valueOf(exproProject()), "360702");
                } else if (p.startsWith("/api/ledger/expropriation/households/") || p.startsWith("/ledger/expropriation/households/")) {
                    v.put(String.valueOf(exproHousehold("JK-010")), "360702");
                } else if (p.startsWith("/api/ledger/identification/checklists/")) {
                    identChecklistIds.forEach((city, id) -> v.put(id.toString(), city));
                } else if (p.startsWith("/api/ledger/identification/") || p.startsWith("/ledger/identification/")) {
                    identDraftIds.forEach((unit, id) -> v.put(id.toString(), unit));
                } else if (p.startsWith("/api/users/") || p.startsWith("/users/")) {
                    userIds.forEach((region, id) -> v.put(id.toString(), region));
                }
            }
            case "seq" -> v.put("1", "");
            case "jobId" -> jobIds.forEach((prefix, id) -> {
                if (p.startsWith(prefix)) {
                    v.put(id, "");
                }
            });
            case "region" -> {
                for (String c : List.of("361102", "361100", "360702", "620700")) {
                    v.put(c, c);
                }
            }
            // bulletins of 2023 (the matrix's 2024 projects must not appear in what another region may read)
            case "period" -> v.put(p.startsWith("/api/bulletins/") ? "2023-12" : MONTH.toString(), "");
            case "code" -> {
                if (p.startsWith("/api/regions/") || p.startsWith("/regions/")) {
                    for (String c : List.of("361100", "361102", "360700", "220000")) {
                        v.put(c, c);
                    }
                } else if (p.startsWith("/api/indicators/")) {
                    v.put("SHANTYTOWN.START.UNIT", "");
                }
            }
            case "batchId" -> batchIds.forEach((issuer, id) -> v.put(id.toString(), issuer));
            default -> {
                if (!e.ours()) {
                    v.put("x", "");
                }
            }
        }
        return v;
    }

    // ---- 棚改项目认定 (org.anju.ledger.identification) ------------------------------------------------------

    @Autowired
    org.anju.ledger.identification.Checklists identChecklists;
    @Autowired
    org.anju.ledger.identification.Identifications identifications;
    /** By the code of their county: an answered draft with evidence, a submitted one, a project not yet identified. */
    final Map<String, Long> identDraftIds = new LinkedHashMap<>();
    final Map<String, Long> identSubmittedIds = new LinkedHashMap<>();
    final Map<String, Long> identSpareProjects = new LinkedHashMap<>();
    final Map<String, Long> identEvidenceIds = new LinkedHashMap<>();
    /** The test checklist by the code of its city. */
    final Map<String, Long> identChecklistIds = new LinkedHashMap<>();
    static final java.time.LocalDate IDENT_DAY = java.time.LocalDate.of(2024, 6, 1);

    /** The clearly labelled test checklist (one clause, T-1) as {@code city}'s. */
    static String identChecklist(String city) {
        try (var in = AuthorizationMatrixTest.class.getResourceAsStream("/ledger/identification/test-checklist.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("REGION", city);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void identificationFixtures() {
        for (String unit : List.of("361102", "360702")) {
            String city = unit.substring(0, 4) + "00";
            identChecklistIds.put(city, identChecklists.upload(city, "矩阵测试认定清单.tsv", identChecklist(city)).id());
            long[] ids = new long[2];
            for (int k = 0; k < 3; k++) {
                String name = "矩阵测试" + region(unit).name() + "认定项目" + (k + 1);
                long project = projects.save(new Project(null, unit, null, "SHANTYTOWN", 2024, name, null,
                        java.math.BigDecimal.TEN, null, null, null, null, null, null, null, null, null, null, null, 0)).id();
                dataMarkers.put(name, unit);
                if (k == 2) {
                    identSpareProjects.put(unit, project);
                    continue;
                }
                var i = identifications.open(project, null, IDENT_DAY);
                i = identifications.facts(i.id(), i.version(), new org.anju.ledger.identification.Facts(
                        org.anju.ledger.identification.AreaType.CITY_SHANTY, 20, 20, 1980, null, null, null));
                i = identifications.answer(i.id(), i.version(), "T-1", org.anju.ledger.identification.Answer.DOES_NOT_MATCH,
                        "矩阵测试");
                var e = identifications.addEvidence(i.id(), "T-1", "矩阵测试.pdf", "application/pdf",
                        "矩阵测试".getBytes(StandardCharsets.UTF_8));
                if (k == 0) {
                    identEvidenceIds.put(unit, e.id());
                } else {
                    identifications.submit(i.id(), identifications.get(i.id()).version());
                }
                ids[k] = i.id();
            }
            identDraftIds.put(unit, ids[0]);
            identSubmittedIds.put(unit, ids[1]);
        }
    }

    void identificationSamples(Map<String, List<Sample>> s) {
        for (String unit : List.of("361102", "360702")) {
            String city = unit.substring(0, 4) + "00";
            long draft = identDraftIds.get(unit);
            long submitted = identSubmittedIds.get(unit);
            long evidence = identEvidenceIds.get(unit);
            Supplier<Integer> dv = () -> identifications.get(draft).version();
            Supplier<Integer> sv = () -> identifications.get(submitted).version();
            add(s, "GET /api/ledger/identification", unit, () -> request(HttpMethod.GET, "/api/ledger/identification")
                    .param("region", unit));
            add(s, "POST /api/ledger/identification/checklists", city, () -> multipart("/api/ledger/identification/checklists")
                    .file(new MockMultipartFile("file", "矩阵测试认定清单.tsv", "text/tab-separated-values",
                            sampleFile(identChecklist(city)))).param("region", city));
            add(s, "POST /ledger/identification/checklists", city, () -> multipart("/ledger/identification/checklists")
                    .file(new MockMultipartFile("file", "矩阵测试认定清单.tsv", "text/tab-separated-values",
                            sampleFile(identChecklist(city)))).param("region", city));
            add(s, "POST /api/ledger/identification", unit, () -> json(HttpMethod.POST, "/api/ledger/identification",
                    "{\"projectId\": " + identSpareProjects.get(unit) + ", \"asOf\": \"2024-06-01\"}"));
            add(s, "POST /ledger/identification/open", unit, () -> request(HttpMethod.POST, "/ledger/identification/open")
                    .param("projectId", String.valueOf(identSpareProjects.get(unit))).param("asOf", "2024-06-01"));
            add(s, "PUT /api/ledger/identification/{id}/facts", unit, () -> json(HttpMethod.PUT,
                    "/api/ledger/identification/" + draft + "/facts", "{\"version\": " + dv.get()
                            + ", \"type\": \"CITY_SHANTY\", \"households\": 30}"));
            add(s, "POST /ledger/identification/{id}/facts", unit, () -> request(HttpMethod.POST,
                    "/ledger/identification/" + draft + "/facts").param("version", String.valueOf(dv.get()))
                    .param("type", "CITY_SHANTY").param("households", "30"));
            add(s, "PUT /api/ledger/identification/{id}/answers/{clause}", unit, () -> json(HttpMethod.PUT,
                    "/api/ledger/identification/" + draft + "/answers/T-1", "{\"version\": " + dv.get()
                            + ", \"answer\": \"不符合\", \"reason\": \"矩阵测试\"}"));
            add(s, "POST /ledger/identification/{id}/answer", unit, () -> request(HttpMethod.POST,
                    "/ledger/identification/" + draft + "/answer").param("version", String.valueOf(dv.get()))
                    .param("clause", "T-1").param("answer", "DOES_NOT_MATCH").param("reason", "矩阵测试"));
            add(s, "POST /api/ledger/identification/{id}/evidence", unit, () -> multipart("/api/ledger/identification/"
                    + draft + "/evidence").file(new MockMultipartFile("file", "证明.pdf", "application/pdf", new byte[] {1, 2}))
                    .param("clause", "T-1"));
            add(s, "POST /ledger/identification/{id}/evidence", unit, () -> multipart("/ledger/identification/"
                    + draft + "/evidence").file(new MockMultipartFile("file", "证明.pdf", "application/pdf", new byte[] {1, 2}))
                    .param("clause", "T-1"));
            add(s, "GET /api/ledger/identification/{id}/evidence/{evidenceId}", unit, () -> request(HttpMethod.GET,
                    "/api/ledger/identification/" + draft + "/evidence/" + evidence));
            add(s, "GET /ledger/identification/{id}/evidence/{evidenceId}", unit, () -> request(HttpMethod.GET,
                    "/ledger/identification/" + draft + "/evidence/" + evidence));
            add(s, "POST /api/ledger/identification/{id}/submit", unit, () -> json(HttpMethod.POST,
                    "/api/ledger/identification/" + draft + "/submit", "{\"version\": " + dv.get() + "}"));
            add(s, "POST /ledger/identification/{id}/submit", unit, () -> request(HttpMethod.POST,
                    "/ledger/identification/" + draft + "/submit").param("version", String.valueOf(dv.get())));
            add(s, "POST /api/ledger/identification/{id}/approve", unit, () -> json(HttpMethod.POST,
                    "/api/ledger/identification/" + submitted + "/approve", "{\"version\": " + sv.get() + "}"));
            add(s, "POST /api/ledger/identification/{id}/refuse", unit, () -> json(HttpMethod.POST,
                    "/api/ledger/identification/" + submitted + "/refuse", "{\"version\": " + sv.get()
                            + ", \"clauses\": [\"T-1\"], \"note\": \"矩阵测试\"}"));
            add(s, "POST /api/ledger/identification/{id}/return", unit, () -> json(HttpMethod.POST,
                    "/api/ledger/identification/" + submitted + "/return", "{\"version\": " + sv.get()
                            + ", \"note\": \"矩阵测试\"}"));
            add(s, "POST /ledger/identification/{id}/decide", unit, () -> request(HttpMethod.POST,
                    "/ledger/identification/" + submitted + "/decide").param("version", String.valueOf(sv.get()))
                    .param("decision", "REFUSE").param("clauses", "T-1").param("note", "矩阵测试"));
        }
    }

    /** Requests for endpoints that need a body, parameters or particular data. */
    Map<String, List<Sample>> explicitSamples() {
        Map<String, List<Sample>> s = new TreeMap<>();
        // plans
        for (String issuer : List.of("361100", "361102", "360000", "360700")) {
            long id = planIds.get(issuer);
            add(s, "POST /api/plans", issuer, () -> json(HttpMethod.POST, "/api/plans",
                    "{\"title\": \"矩阵测试新计划\", \"issuerCode\": \"" + issuer + "\", \"firstYear\": 2023}"));
            add(s, "PUT /api/plans/{id}", issuer, () -> {
                Plan p = plans.get(id);
                return json(HttpMethod.PUT, "/api/plans/" + id, "{\"title\": \"" + p.title() + "（改）\", \"issuerCode\": \""
                        + issuer + "\", \"firstYear\": " + p.firstYear() + ", \"lastYear\": " + p.lastYear()
                        + ", \"version\": " + p.version() + "}");
            });
            add(s, "POST /plans/{id}/edit", issuer, () -> {
                Plan p = plans.get(id);
                return request(HttpMethod.POST, "/plans/" + id + "/edit").param("version", String.valueOf(p.version()))
                        .param("title", p.title() + "（改）").param("firstYear", String.valueOf(p.firstYear()));
            });
            add(s, "PUT /api/plans/{id}/stated-totals", issuer, () -> json(HttpMethod.PUT, "/api/plans/" + id
                    + "/stated-totals?version=" + plans.get(id).version(), "[]"));
            add(s, "PUT /api/plans/{id}/milestones", issuer, () -> json(HttpMethod.PUT, "/api/plans/" + id
                    + "/milestones?version=" + plans.get(id).version(), "[]"));
            add(s, "POST /plans/{id}/milestones", issuer, () -> request(HttpMethod.POST, "/plans/" + id + "/milestones")
                    .param("version", String.valueOf(plans.get(id).version())).param("dueOn", "2023-08-31")
                    .param("program", "SHANTYTOWN").param("workItem", "矩阵测试"));
            add(s, "POST /plans/{id}/milestones/{milestoneId}/delete", issuer, () -> request(HttpMethod.POST,
                    "/plans/" + id + "/milestones/0/delete").param("version", String.valueOf(plans.get(id).version())));
            add(s, "GET /api/plans/{id}/totals", issuer, () -> request(HttpMethod.GET, "/api/plans/" + id + "/totals")
                    .param("region", issuer));
            add(s, "GET /api/plans/{id}/targets/history", issuer, () -> request(HttpMethod.GET,
                    "/api/plans/" + id + "/targets/history").param("region", issuer).param("indicator", "SHANTYTOWN.START.UNIT")
                    .param("year", "2023"));
            add(s, "GET /plans/{id}/history", issuer, () -> request(HttpMethod.GET, "/plans/" + id + "/history")
                    .param("region", issuer).param("indicator", "SHANTYTOWN.START.UNIT").param("year", "2023"));
        }
        // imports
        for (String issuer : List.of("361100", "360000", "360700")) {
            add(s, "POST /api/imports", issuer, () -> multipart("/api/imports")
                    .file(new MockMultipartFile("file", fileName(issuer), "text/csv", csv(issuer))));
            add(s, "POST /imports/preview", issuer, () -> multipart("/imports/preview")
                    .file(new MockMultipartFile("file", fileName(issuer), "text/csv", csv(issuer))));
        }
        // regions and indicators
        for (String parent : List.of("361100", "360700", "220000")) {
            add(s, "POST /api/regions", parent, () -> json(HttpMethod.POST, "/api/regions",
                    "{\"name\": \"矩阵测试开发区\", \"kind\": \"DEV_ZONE\", \"parentCode\": \"" + parent + "\"}"));
            add(s, "POST /api/regions/{code}/aliases", parent, () -> json(HttpMethod.POST,
                    "/api/regions/" + parent + "/aliases", "{\"alias\": \"矩阵测试别名\"}"));
        }
        // 社区/村 below a town: 信州区's 水南街道 (上饶市), 章贡区's 解放街道 (赣州市), 吉林市 昌邑区's 兴华街道 (吉林省)
        for (String town : List.of("361102001000", "360702001000", "220202001000")) {
            add(s, "POST /api/regions/{code}/communities", town, () -> json(HttpMethod.POST,
                    "/api/regions/" + town + "/communities", "{\"name\": \"矩阵测试社区\"}"));
            add(s, "POST /regions/{code}/communities", town, () -> request(HttpMethod.POST,
                    "/regions/" + town + "/communities").param("name", "矩阵测试社区"));
        }
        add(s, "GET /api/regions/search", null, () -> request(HttpMethod.GET, "/api/regions/search").param("q", "信州"));
        add(s, "GET /api/regions/resolve", null, () -> request(HttpMethod.GET, "/api/regions/resolve").param("label", "信州区"));
        add(s, "POST /api/programs", null, () -> json(HttpMethod.POST, "/api/programs",
                "{\"code\": \"MATRIX_TEST\", \"name\": \"矩阵测试工程\"}"));
        add(s, "POST /api/indicators", null, () -> json(HttpMethod.POST, "/api/indicators",
                "{\"programCode\": \"SHARED_OWNERSHIP\", \"stageCode\": \"BASIC_COMPLETION\", \"measureCode\": \"UNIT\"}"));
        calendarSamples(s);
        // users
        for (String region : List.of("361102", "360700", "360000")) {
            add(s, "POST /api/users", region, () -> json(HttpMethod.POST, "/api/users", "{\"username\": \"matrix_u\", "
                    + "\"displayName\": \"矩阵测试\", \"regionCode\": \"" + region + "\", \"roles\": [\"VIEWER\"]}"));
            add(s, "POST /users", region, () -> request(HttpMethod.POST, "/users").param("username", "matrix_u")
                    .param("displayName", "矩阵测试").param("regionCode", region).param("role", "VIEWER"));
        }
        userIds.forEach((region, id) -> {
            add(s, "PUT /api/users/{id}", region, () -> json(HttpMethod.PUT, "/api/users/" + id,
                    "{\"displayName\": \"矩阵测试改名\", \"version\": " + users.get(id).version() + "}"));
            add(s, "POST /users/{id}", region, () -> request(HttpMethod.POST, "/users/" + id)
                    .param("version", String.valueOf(users.get(id).version())).param("displayName", "矩阵测试改名")
                    .param("role", users.get(id).mainRole().name()).param("enabled", "true"));
        });
        progressSamples(s);
        // the personal-data access log: the own subtree (no region given) or a named region
        add(s, "GET /api/privacy/accesses", null, () -> request(HttpMethod.GET, "/api/privacy/accesses"));
        for (String region : List.of("361100", "361102", "360700", "360000")) {
            add(s, "GET /api/privacy/accesses", region, () -> request(HttpMethod.GET, "/api/privacy/accesses").param("region", region));
        }
        stockSamples(s);
        ledgerSamples(s);
        bulletinSamples(s);
        rentalWaitingSamples(s);
        subsidySamples(s);
        leaseSamples(s);
        applicationSamples(s);
        expropriationSamples(s);
        identificationSamples(s);
        add(s, "PUT /api/me/password", null, () -> json(HttpMethod.PUT, "/api/me/password",
                "{\"currentPassword\": \"anju2023\", \"newPassword\": \"Matrix2024\"}"));
        add(s, "POST /account/password", null, () -> request(HttpMethod.POST, "/account/password")
                .param("currentPassword", "anju2023").param("newPassword", "Matrix2024").param("confirmPassword", "Matrix2024"));
        return s;
    }

    /**
     * The working-day calendar: reading is for everyone signed in; a local change (REFERENCE_ADMIN) for the city, a
     * county of another city in the province, and another province. The delete first adds, as the system, the change it
     * removes (inside the request's savepoint, rolled back with it).
     */
    void calendarSamples(Map<String, List<Sample>> s) {
        add(s, "GET /api/calendar/{year}", null, () -> request(HttpMethod.GET, "/api/calendar/2024"));
        add(s, "GET /api/calendar/working-days", null, () -> request(HttpMethod.GET, "/api/calendar/working-days")
                .param("from", "2024-09-26").param("days", "5").param("region", "361100").param("counting", "START_NEXT_DAY"));
        add(s, "GET /api/calendar/day", null, () -> request(HttpMethod.GET, "/api/calendar/day")
                .param("date", "2024-09-29").param("region", "361102"));
        for (String region : List.of("361100", "360702", "220000")) {
            add(s, "POST /api/calendar/adjustments", region, () -> json(HttpMethod.POST, "/api/calendar/adjustments",
                    "{\"regionCode\": \"" + region + "\", \"date\": \"2024-10-08\", \"kind\": \"OFF\", \"reason\": \"矩阵测试\"}"));
            add(s, "DELETE /api/calendar/adjustments", region, () -> {
                Access.runAs(Actor.system(regions.root()), () -> workingDays.addLocalAdjustment(region(region),
                        java.time.LocalDate.of(2024, 10, 8), org.anju.calendar.DayKind.OFF, "矩阵测试"));
                return request(HttpMethod.DELETE, "/api/calendar/adjustments").param("region", region).param("date", "2024-10-08");
            });
        }
    }

    /** Reports, projects and supervision: own unit, the city, another city's county. */
    void progressSamples(Map<String, List<Sample>> s) {
        String m = MONTH.toString();
        for (String unit : List.of("361102", "360702", "361100")) {
            String base = "/api/reports/" + unit + "/";
            add(s, "GET /api/reports", unit, () -> request(HttpMethod.GET, "/api/reports").param("region", unit).param("period", m));
            add(s, "GET /api/reports/completeness", unit, () -> request(HttpMethod.GET, "/api/reports/completeness")
                    .param("region", unit).param("period", m));
            add(s, "PUT /api/reports/{region}/{period}", unit, () -> json(HttpMethod.PUT, base + "2024-03",
                    "{\"version\": 0, \"values\": [{\"indicatorCode\": \"RENTAL_SUBSIDY.ISSUE.HOUSEHOLD\", \"value\": 5}]}"));
            add(s, "POST /api/reports/{region}/{period}/submit", unit, () -> json(HttpMethod.POST, base + "2024-03/submit",
                    "{\"version\": 0}"));
            add(s, "POST /api/reports/{region}/{period}/approve", unit, () -> json(HttpMethod.POST, base + m + "/approve",
                    "{\"version\": " + reports.get(unit, MONTH).version() + "}"));
            add(s, "POST /api/reports/{region}/{period}/return", unit, () -> json(HttpMethod.POST, base + m + "/return",
                    "{\"version\": " + reports.get(unit, MONTH).version() + ", \"reason\": \"矩阵测试退回\"}"));
            add(s, "POST /api/reports/{region}/{period}/lock", unit, () -> json(HttpMethod.POST, base + APPROVED + "/lock",
                    "{\"version\": " + reports.get(unit, APPROVED).version() + "}"));
            String page = "/reports/" + unit + "/";
            add(s, "POST /reports/{region}/{period}/save", unit, () -> request(HttpMethod.POST, page + "2024-03/save")
                    .param("version", "0").param("v:RENTAL_SUBSIDY.ISSUE.HOUSEHOLD", "5"));
            add(s, "POST /reports/{region}/{period}/submit", unit, () -> request(HttpMethod.POST, page + "2024-03/submit")
                    .param("version", "0"));
            add(s, "POST /reports/{region}/{period}/approve", unit, () -> request(HttpMethod.POST, page + m + "/approve")
                    .param("version", String.valueOf(reports.get(unit, MONTH).version())));
            add(s, "POST /reports/{region}/{period}/return", unit, () -> request(HttpMethod.POST, page + m + "/return")
                    .param("version", String.valueOf(reports.get(unit, MONTH).version())).param("reason", "矩阵测试退回"));
            add(s, "POST /reports/{region}/{period}/lock", unit, () -> request(HttpMethod.POST, page + APPROVED + "/lock")
                    .param("version", String.valueOf(reports.get(unit, APPROVED).version())));
            add(s, "POST /inbox/{region}/{period}/approve", unit, () -> request(HttpMethod.POST, "/inbox/" + unit + "/" + m + "/approve")
                    .param("version", String.valueOf(reports.get(unit, MONTH).version())));
            add(s, "POST /inbox/{region}/{period}/return", unit, () -> request(HttpMethod.POST, "/inbox/" + unit + "/" + m + "/return")
                    .param("version", String.valueOf(reports.get(unit, MONTH).version())).param("reason", "矩阵测试退回"));
            add(s, "GET /reports/{region}/{period}/history", unit, () -> request(HttpMethod.GET, page + m + "/history")
                    .param("item", "RENTAL_SUBSIDY.ISSUE.HOUSEHOLD"));
            add(s, "GET /api/supervision/{region}/{period}/ranking", unit, () -> request(HttpMethod.GET,
                    "/api/supervision/" + unit + "/" + m + "/ranking").param("indicator", "RENTAL_SUBSIDY.ISSUE.HOUSEHOLD"));
        }
        for (String unit : List.of("361102", "360702")) {
            String name = region(unit).name();
            byte[] report = ("地区,月份,已发放户数（户）\n" + name + ",2024-03,5\n").getBytes(StandardCharsets.UTF_8);
            byte[] register = ("地区,工程类别,年度,项目名称,套数\n" + name + ",保租房,2024,矩阵测试导入项目,10\n")
                    .getBytes(StandardCharsets.UTF_8);
            add(s, "POST /api/reports/import", unit, () -> multipart("/api/reports/import")
                    .file(new MockMultipartFile("file", "月报.csv", "text/csv", report)).param("region", unit));
            add(s, "POST /reports/import", unit, () -> multipart("/reports/import")
                    .file(new MockMultipartFile("file", "月报.csv", "text/csv", report)).param("region", unit));
            add(s, "POST /api/projects/import", unit, () -> multipart("/api/projects/import")
                    .file(new MockMultipartFile("file", "项目库.csv", "text/csv", register)).param("region", unit));
            add(s, "POST /projects/import", unit, () -> multipart("/projects/import")
                    .file(new MockMultipartFile("file", "项目库.csv", "text/csv", register)).param("region", unit));
            add(s, "GET /api/projects", unit, () -> request(HttpMethod.GET, "/api/projects").param("region", unit)
                    .param("year", "2024"));
            add(s, "GET /api/projects/export", unit, () -> request(HttpMethod.GET, "/api/projects/export")
                    .param("region", unit).param("year", "2024"));
            add(s, "POST /api/projects", unit, () -> json(HttpMethod.POST, "/api/projects", "{\"regionCode\": \"" + unit
                    + "\", \"programCode\": \"SHANTYTOWN\", \"year\": 2024, \"name\": \"矩阵测试新项目\"}"));
        }
        projectIds.forEach((unit, id) -> {
            add(s, "PUT /api/projects/{id}", unit, () -> json(HttpMethod.PUT, "/api/projects/" + id,
                    json.writeValueAsString(projects.get(id, MONTH).project())));
            add(s, "PUT /api/projects/{id}/progress/{period}", unit, () -> json(HttpMethod.PUT,
                    "/api/projects/" + id + "/progress/2024-03", "{\"investment\": 10, \"version\": 0}"));
            add(s, "DELETE /api/projects/{id}", unit, () -> request(HttpMethod.DELETE, "/api/projects/" + id)
                    .param("version", "0"));
            add(s, "POST /projects/{id}", unit, () -> request(HttpMethod.POST, "/projects/" + id)
                    .param("version", String.valueOf(projects.get(id, MONTH).project().version())).param("units", "12"));
            add(s, "POST /projects/{id}/progress", unit, () -> request(HttpMethod.POST, "/projects/" + id + "/progress")
                    .param("version", "0").param("period", "2024-03").param("investment", "10"));
        });
    }

    /** The waiting list and allocation rounds (no rules for most cities: a refusal, never a 5xx). */
    void rentalWaitingSamples(Map<String, List<Sample>> s) {
        for (String unit : List.of("361102", "360702", "361100")) {
            add(s, "GET /api/rental/waiting", unit, () -> request(HttpMethod.GET, "/api/rental/waiting").param("region", unit));
            add(s, "GET /api/rental/rounds", unit, () -> request(HttpMethod.GET, "/api/rental/rounds").param("region", unit));
            add(s, "GET /api/rental/rounds/figures", unit, () -> request(HttpMethod.GET, "/api/rental/rounds/figures")
                    .param("region", unit).param("month", "2024-01"));
            add(s, "GET /rental/waiting", unit, () -> request(HttpMethod.GET, "/rental/waiting").param("region", unit));
            add(s, "GET /rental/rounds", unit, () -> request(HttpMethod.GET, "/rental/rounds").param("region", unit));
        }
        for (String unit : List.of("361102", "360702")) {
            long dwelling = dwellingIds.get(unit);
            add(s, "POST /api/rental/rounds", unit, () -> json(HttpMethod.POST, "/api/rental/rounds",
                    "{\"countyCode\": \"" + unit + "\", \"name\": \"矩阵测试批次\", \"dwellingIds\": [" + dwelling
                            + "], \"seedSource\": \"矩阵测试种子\", \"seedDue\": \"2099-01-01\"}"));
            add(s, "POST /rental/rounds", unit, () -> request(HttpMethod.POST, "/rental/rounds").param("county", unit)
                    .param("name", "矩阵测试批次").param("dwellings", String.valueOf(dwelling)));
        }
        // 章贡区's rounds: the drawn one's first household gives up (once), the listed one is drawn (once)
        add(s, "GET /api/rental/rounds/{id}", "360702", () -> request(HttpMethod.GET, "/api/rental/rounds/" + drawnRoundId));
        add(s, "GET /rental/rounds/{id}", "360702", () -> request(HttpMethod.GET, "/rental/rounds/" + drawnRoundId));
        add(s, "GET /public/rental/rounds/{id}", null, () -> request(HttpMethod.GET, "/public/rental/rounds/" + drawnRoundId));
        add(s, "GET /public/rental/rounds/{id}/candidates.txt", null, () -> request(HttpMethod.GET,
                "/public/rental/rounds/" + drawnRoundId + "/candidates.txt"));
        add(s, "POST /api/rental/rounds/{id}/choices", "360702", () -> json(HttpMethod.POST, "/api/rental/rounds/"
                + drawnRoundId + "/choices", "{\"number\": \"" + drawnFirstNumber + "\", \"action\": \"GAVE_UP\"}"));
        add(s, "POST /rental/rounds/{id}/choices", "360702", () -> request(HttpMethod.POST, "/rental/rounds/" + drawnRoundId
                + "/choices").param("number", drawnFirstNumber).param("action", "GAVE_UP"));
        add(s, "POST /api/rental/rounds/{id}/draw", "360702", () -> json(HttpMethod.POST, "/api/rental/rounds/" + listedRoundId
                + "/draw", "{\"seed\": \"20240102\"}"));
        add(s, "POST /rental/rounds/{id}/draw", "360702", () -> request(HttpMethod.POST, "/rental/rounds/" + listedRoundId
                + "/draw").param("seed", "20240102"));
        // rounds that do not exist: 404 for everyone signed in, never a 5xx
        add(s, "POST /api/rental/rounds/{id}/draw", null, () -> json(HttpMethod.POST, "/api/rental/rounds/0/draw",
                "{\"seed\": \"123\"}"));
        add(s, "POST /api/rental/rounds/{id}/choices", null, () -> json(HttpMethod.POST, "/api/rental/rounds/0/choices",
                "{\"number\": \"A1\", \"action\": \"GAVE_UP\"}"));
        add(s, "POST /rental/rounds/{id}/draw", null, () -> request(HttpMethod.POST, "/rental/rounds/0/draw").param("seed", "1"));
        add(s, "POST /rental/rounds/{id}/choices", null, () -> request(HttpMethod.POST, "/rental/rounds/0/choices")
                .param("number", "A1").param("action", "GAVE_UP"));
        add(s, "GET /api/rental/rounds/{id}", null, () -> request(HttpMethod.GET, "/api/rental/rounds/0"));
        add(s, "GET /rental/rounds/{id}", null, () -> request(HttpMethod.GET, "/rental/rounds/0"));
        add(s, "GET /public/rental/rounds/{id}", null, () -> request(HttpMethod.GET, "/public/rental/rounds/0"));
        add(s, "GET /public/rental/rounds/{id}/candidates.txt", null, () -> request(HttpMethod.GET,
                "/public/rental/rounds/0/candidates.txt"));
        add(s, "POST /public/rental/waiting", null, () -> request(HttpMethod.POST, "/public/rental/waiting")
                .param("certificate", "360700202400001").param("idNumber", "36070219800101001X"));
    }

    /** The housing stock: a county's own, the city's, another city's county; historic totals set from above. */
    @Autowired
    org.anju.ledger.item.Ledger ledger;
    /** 台账 (issue 13) by the code of their county: a 责任单位, an item in each state the samples need, a file, a 督办 notice. */
    final Map<String, Long> ledgerUnitIds = new LinkedHashMap<>();
    final Map<String, Long> ledgerPendingIds = new LinkedHashMap<>();
    final Map<String, Long> ledgerWorkingIds = new LinkedHashMap<>();
    final Map<String, Long> ledgerAppliedIds = new LinkedHashMap<>();
    final Map<String, Long> ledgerFileIds = new LinkedHashMap<>();
    final Map<String, Long> ledgerNoticeIds = new LinkedHashMap<>();
    final Map<Long, Integer> ledgerVersions = new LinkedHashMap<>();

    void ledgerFixtures() {
        for (String unit : List.of("361102", "360702")) {
            Region county = region(unit);
            Region city = regions.parent(county).orElseThrow();
            var u = ledger.addUnit(unit, "矩阵测试" + county.name() + "财政局", org.anju.ledger.item.UnitKind.GOVERNMENT);
            ledgerUnitIds.put(unit, u.id());
            java.util.function.Function<String, Long> create = title -> ledger.create(new org.anju.ledger.item.NewItem("AUDIT", unit,
                    title, Map.of("source", "矩阵测试审计局", "category", "其他"), u.id(), null, null,
                    java.time.LocalDate.of(2026, 12, 31), null, null, null, null, null));
            long pending = create.apply("矩阵测试" + county.name() + "台账事项");
            dataMarkers.put("矩阵测试" + county.name() + "台账事项", unit);
            ledgerPendingIds.put(unit, pending);
            long working = create.apply("矩阵测试整改中事项");
            ledger.progress(working, 0, "矩阵测试进展", org.anju.platform.ChinaTime.today(), List.of(new org.anju.ledger.item.Upload("证明.pdf", "application/pdf",
                    "矩阵测试".getBytes(StandardCharsets.UTF_8))));
            ledgerWorkingIds.put(unit, working);
            ledgerFileIds.put(unit, ledger.files(working).getFirst().id());
            long applied = create.apply("矩阵测试申请销号事项");
            ledger.progress(applied, 0, "矩阵测试进展", org.anju.platform.ChinaTime.today(), List.of());
            ledger.apply(applied, 1, "矩阵测试");
            ledgerAppliedIds.put(unit, applied);
            for (long id : List.of(pending, working, applied)) {
                ledgerVersions.put(id, ledger.item(id).version());
            }
            Actor above = new Actor("t_matrix_" + city.code(), "矩阵测试", city, java.util.EnumSet.of(Role.CITY_ADMIN),
                    org.anju.account.Channel.UI, false);
            ledgerNoticeIds.put(unit, Access.runAs(above, () -> ledger.issueNotice(unit, List.of(pending), "矩阵测试督办", null,
                    java.time.LocalDate.of(2027, 1, 31))).id());
        }
    }

    // ---- 通报草稿和已签发通报 (issue 14, part B) ------------------------------------------------------------------

    @Autowired
    org.anju.bulletin.BulletinDrafts bulletinDrafts;
    /** By issuer: a draft of 2023-12 with its 成文日期 (ready to issue), and an issued bulletin of 2023-11. */
    final Map<String, Long> bulletinDraftIds = new LinkedHashMap<>();
    final Map<String, Long> bulletinIssuedIds = new LinkedHashMap<>();

    void bulletinFixtures() {
        for (String issuer : List.of("361100", "361102")) {
            java.time.LocalDate dated = java.time.LocalDate.of(2024, 1, 9);
            var earlier = bulletinDrafts.create(issuer, java.time.YearMonth.of(2023, 11));
            earlier = bulletinDrafts.saveHead(earlier.id(), earlier.version(), new org.anju.bulletin.BulletinDraft.Head(
                    earlier.head().issuer(), null, earlier.head().addressee(), dated, null, null, null), null);
            bulletinIssuedIds.put(issuer, bulletinDrafts.issue(earlier.id(), earlier.version(), "矩阵测试〔2023〕11号", dated).id());
            var d = bulletinDrafts.create(issuer, java.time.YearMonth.of(2023, 12));
            d = bulletinDrafts.saveHead(d.id(), d.version(), new org.anju.bulletin.BulletinDraft.Head(d.head().issuer(), null,
                    d.head().addressee(), dated, null, null, null), null);
            d = bulletinDrafts.addSection(d.id(), d.version(), org.anju.bulletin.DraftSection.Kind.PROBLEM, null, "矩阵测试手写问题。");
            bulletinDraftIds.put(issuer, d.id());
        }
    }

    void bulletinSamples(Map<String, List<Sample>> s) {
        for (String issuer : List.of("361100", "361102")) {
            add(s, "POST /api/bulletins/drafts", issuer, () -> json(HttpMethod.POST, "/api/bulletins/drafts",
                    "{\"region\": \"" + issuer + "\", \"period\": \"2023-10\"}"));
            add(s, "POST /bulletins/drafts", issuer, () -> request(HttpMethod.POST, "/bulletins/drafts").param("region", issuer)
                    .param("period", "2023-10"));
            long id = bulletinDraftIds.get(issuer);
            String api = "/api/bulletins/drafts/" + id, page = "/bulletins/drafts/" + id;
            java.util.function.Supplier<String> version = () -> String.valueOf(bulletinDrafts.draft(id).version());
            java.util.function.Supplier<String> key = () -> bulletinDrafts.draft(id).sections().getFirst().key();
            add(s, "POST /api/bulletins/drafts/{id}/refresh", issuer, () -> json(HttpMethod.POST, api + "/refresh",
                    "{\"version\": " + version.get() + "}"));
            add(s, "PUT /api/bulletins/drafts/{id}/head", issuer, () -> json(HttpMethod.PUT, api + "/head",
                    "{\"version\": " + version.get() + ", \"issuer\": \"矩阵测试发文机关\", \"addressee\": \"各有关单位：\", \"dated\": \"2024-01-09\"}"));
            add(s, "PUT /api/bulletins/drafts/{id}/section", issuer, () -> json(HttpMethod.PUT, api + "/section",
                    "{\"version\": " + version.get() + ", \"key\": \"" + key.get() + "\", \"text\": \"矩阵测试\"}"));
            add(s, "POST /api/bulletins/drafts/{id}/section/restore", issuer, () -> json(HttpMethod.POST, api + "/section/restore",
                    "{\"version\": " + version.get() + ", \"key\": \"" + key.get() + "\"}"));
            add(s, "POST /api/bulletins/drafts/{id}/section/remove", issuer, () -> json(HttpMethod.POST, api + "/section/remove",
                    "{\"version\": " + version.get() + ", \"key\": \"hand:1\"}"));
            add(s, "GET /api/bulletins/drafts", issuer, () -> request(HttpMethod.GET, "/api/bulletins/drafts").param("region", issuer)
                    .param("period", "2023-12"));
            add(s, "POST /api/bulletins/drafts/{id}/sections", issuer, () -> json(HttpMethod.POST, api + "/sections",
                    "{\"version\": " + version.get() + ", \"kind\": \"PROBLEM\", \"text\": \"矩阵测试问题。\"}"));
            add(s, "PUT /api/bulletins/drafts/{id}/order", issuer, () -> json(HttpMethod.PUT, api + "/order",
                    "{\"version\": " + version.get() + ", \"units\": [\"" + String.join("\", \"", bulletinDrafts.draft(id).unitOrder()) + "\"]}"));
            add(s, "POST /api/bulletins/drafts/{id}/issue", issuer, () -> json(HttpMethod.POST, api + "/issue",
                    "{\"version\": " + version.get() + ", \"documentNumber\": \"矩阵测试〔2024〕1号\", \"signedOn\": \"2024-01-10\"}"));
            add(s, "POST /api/bulletins/issued/{id}/correction", issuer, () -> json(HttpMethod.POST,
                    "/api/bulletins/issued/" + bulletinIssuedIds.get(issuer) + "/correction", "{}"));
            add(s, "POST /bulletins/drafts/{id}/refresh", issuer, () -> request(HttpMethod.POST, page + "/refresh").param("version", version.get()));
            add(s, "POST /bulletins/drafts/{id}/head", issuer, () -> request(HttpMethod.POST, page + "/head").param("version", version.get())
                    .param("issuer", "矩阵测试发文机关").param("addressee", "各有关单位：").param("dated", "2024-01-09"));
            add(s, "POST /bulletins/drafts/{id}/section", issuer, () -> request(HttpMethod.POST, page + "/section")
                    .param("version", version.get()).param("key", key.get()).param("text", "矩阵测试"));
            add(s, "POST /bulletins/drafts/{id}/sections", issuer, () -> request(HttpMethod.POST, page + "/sections")
                    .param("version", version.get()).param("kind", "PROBLEM").param("text", "矩阵测试问题。"));
            add(s, "POST /bulletins/drafts/{id}/order", issuer, () -> request(HttpMethod.POST, page + "/order")
                    .param("version", version.get()).param("units", String.join(",", bulletinDrafts.draft(id).unitOrder()))
                    .param("move", bulletinDrafts.draft(id).unitOrder().isEmpty() ? issuer : bulletinDrafts.draft(id).unitOrder().getLast()).param("direction", "up"));
            add(s, "POST /bulletins/drafts/{id}/issue", issuer, () -> request(HttpMethod.POST, page + "/issue")
                    .param("version", version.get()).param("documentNumber", "矩阵测试〔2024〕1号").param("signedOn", "2024-01-10")
                    .param("confirm", "yes"));
            add(s, "POST /api/bulletins/drafts/{id}/discard", issuer, () -> json(HttpMethod.POST, api + "/discard",
                    "{\"version\": " + version.get() + "}"));
            add(s, "POST /bulletins/drafts/{id}/discard", issuer, () -> request(HttpMethod.POST, page + "/discard")
                    .param("version", version.get()).param("confirm", "yes"));
            add(s, "POST /bulletins/issued/{id}/correction", issuer, () -> request(HttpMethod.POST,
                    "/bulletins/issued/" + bulletinIssuedIds.get(issuer) + "/correction"));
            add(s, "GET /api/bulletins/drafts/{id}/docx", issuer, () -> request(HttpMethod.GET, api + "/docx").param("version", version.get()));
            add(s, "GET /api/bulletins/drafts/{id}/pdf", issuer, () -> request(HttpMethod.GET, api + "/pdf").param("version", version.get()));
        }
    }

    void ledgerSamples(Map<String, List<Sample>> s) {
        for (String unit : List.of("361102", "360702")) {
            for (String path : List.of("/api/ledger/items", "/api/ledger/units", "/api/ledger/notices", "/api/ledger/figures/rates")) {
                add(s, "GET " + path, unit, () -> request(HttpMethod.GET, path).param("region", unit));
            }
            for (String path : List.of("/api/ledger/figures/counts", "/api/ledger/figures/overdue", "/api/ledger/figures/due-soon")) {
                add(s, "GET " + path, unit, () -> request(HttpMethod.GET, path).param("region", unit).param("on", "2026-12-01"));
            }
            add(s, "GET /api/ledger/export", unit, () -> request(HttpMethod.GET, "/api/ledger/export").param("region", unit)
                    .param("kind", "AUDIT"));
            add(s, "POST /api/ledger/items", unit, () -> json(HttpMethod.POST, "/api/ledger/items", "{\"kind\": \"AUDIT\", "
                    + "\"regionCode\": \"" + unit + "\", \"title\": \"矩阵测试新事项\", \"fields\": {\"source\": \"审计局\", "
                    + "\"category\": \"其他\"}, \"deadline\": \"2026-12-31\"}"));
            add(s, "POST /ledger/items", unit, () -> request(HttpMethod.POST, "/ledger/items").param("kind", "AUDIT")
                    .param("region", unit).param("title", "矩阵测试新事项").param("f_source", "审计局").param("f_category", "其他")
                    .param("deadline", "2026-12-31"));
            long pending = ledgerPendingIds.get(unit), working = ledgerWorkingIds.get(unit), applied = ledgerAppliedIds.get(unit);
            byte[] proof = "矩阵测试证明".getBytes(StandardCharsets.UTF_8);
            add(s, "POST /api/ledger/items/{id}/progress", unit, () -> multipart("/api/ledger/items/" + pending + "/progress")
                    .file(new MockMultipartFile("files", "证明.pdf", "application/pdf", proof))
                    .param("version", String.valueOf(ledgerVersions.get(pending))).param("note", "矩阵测试进展")
                    .param("on", today()));
            add(s, "POST /ledger/items/{id}/progress", unit, () -> multipart("/ledger/items/" + pending + "/progress")
                    .file(new MockMultipartFile("files", "证明.pdf", "application/pdf", proof))
                    .param("version", String.valueOf(ledgerVersions.get(pending))).param("note", "矩阵测试进展")
                    .param("on", today()));
            add(s, "POST /api/ledger/items/{id}/measures", unit, () -> json(HttpMethod.POST, "/api/ledger/items/" + pending
                    + "/measures", "{\"version\": " + ledgerVersions.get(pending) + ", \"measures\": \"矩阵测试措施\"}"));
            long file = ledgerFileIds.get(unit);
            add(s, "POST /api/ledger/items/{id}/files", unit, () -> multipart("/api/ledger/items/" + working + "/files")
                    .file(new MockMultipartFile("file", "证明v2.pdf", "application/pdf", proof)).param("replaces", String.valueOf(file)));
            add(s, "POST /api/ledger/items/{id}/apply", unit, () -> json(HttpMethod.POST, "/api/ledger/items/" + working + "/apply",
                    "{\"version\": " + ledgerVersions.get(working) + "}"));
            add(s, "POST /ledger/items/{id}/apply", unit, () -> request(HttpMethod.POST, "/ledger/items/" + working + "/apply")
                    .param("version", String.valueOf(ledgerVersions.get(working))));
            add(s, "POST /api/ledger/items/{id}/approve", unit, () -> json(HttpMethod.POST, "/api/ledger/items/" + applied
                    + "/approve", "{\"version\": " + ledgerVersions.get(applied) + "}"));
            add(s, "POST /ledger/items/{id}/approve", unit, () -> request(HttpMethod.POST, "/ledger/items/" + applied + "/approve")
                    .param("version", String.valueOf(ledgerVersions.get(applied))));
            add(s, "POST /api/ledger/items/{id}/return", unit, () -> json(HttpMethod.POST, "/api/ledger/items/" + applied
                    + "/return", "{\"version\": " + ledgerVersions.get(applied) + ", \"text\": \"矩阵测试退回\"}"));
            add(s, "POST /ledger/items/{id}/return", unit, () -> request(HttpMethod.POST, "/ledger/items/" + applied + "/return")
                    .param("version", String.valueOf(ledgerVersions.get(applied))).param("reason", "矩阵测试退回"));
            add(s, "POST /api/ledger/units", unit, () -> json(HttpMethod.POST, "/api/ledger/units", "{\"regionCode\": \"" + unit
                    + "\", \"name\": \"矩阵测试新单位\", \"kind\": \"OTHER\"}"));
            add(s, "POST /ledger/units", unit, () -> request(HttpMethod.POST, "/ledger/units").param("regionCode", unit)
                    .param("name", "矩阵测试新单位").param("kind", "OTHER"));
            String account = unit.equals("361102") ? "xz_reporter" : "zg_housing";
            add(s, "PUT /api/ledger/unit-accounts/{username}", unit, () -> json(HttpMethod.PUT, "/api/ledger/unit-accounts/"
                    + account, "{\"unitId\": " + ledgerUnitIds.get(unit) + "}"));
            add(s, "POST /api/ledger/notices", unit, () -> json(HttpMethod.POST, "/api/ledger/notices", "{\"regionCode\": \""
                    + unit + "\", \"itemIds\": [" + pending + "], \"title\": \"矩阵测试督办\", \"deadline\": \"2027-01-31\"}"));
            add(s, "POST /ledger/notices", unit, () -> request(HttpMethod.POST, "/ledger/notices").param("regionCode", unit)
                    .param("itemIds", String.valueOf(pending)).param("title", "矩阵测试督办").param("deadline", "2027-01-31"));
            long notice = ledgerNoticeIds.get(unit);
            add(s, "POST /api/ledger/notices/{id}/reply", unit, () -> json(HttpMethod.POST, "/api/ledger/notices/" + notice
                    + "/reply", "{\"version\": 0, \"text\": \"矩阵测试答复\"}"));
            add(s, "POST /ledger/notices/{id}/reply", unit, () -> request(HttpMethod.POST, "/ledger/notices/" + notice + "/reply")
                    .param("version", "0").param("reply", "矩阵测试答复"));
            byte[] table = ("事项名称\t责任单位\t整改期限\t审计机关\t问题类别\n矩阵测试导入事项\t矩阵测试" + region(unit).name()
                    + "财政局\t2026-12-31\t审计局\t其他\n").getBytes(StandardCharsets.UTF_8);
            add(s, "POST /api/ledger/import", unit, () -> multipart("/api/ledger/import")
                    .file(new MockMultipartFile("file", "台账.tsv", "text/tab-separated-values", table)).param("region", unit)
                    .param("kind", "AUDIT").param("commit", "true"));
        }
        byte[] table = "事项名称\t责任单位\n".getBytes(StandardCharsets.UTF_8);
        add(s, "POST /ledger/import", null, () -> multipart("/ledger/import")
                .file(new MockMultipartFile("file", "台账.tsv", "text/tab-separated-values", table)).param("kind", "AUDIT"));
        add(s, "POST /ledger/import/commit", null, () -> request(HttpMethod.POST, "/ledger/import/commit").param("token", "x"));
    }

    void stockSamples(Map<String, List<Sample>> s) {
        for (String unit : List.of("361102", "360702", "361100")) {
            for (String path : List.of("/api/rental/stock/estates", "/api/rental/stock/dwellings", "/api/rental/stock/summary",
                    "/api/rental/stock/historic-totals", "/api/rental/stock/export")) {
                add(s, "GET " + path, unit, () -> request(HttpMethod.GET, path).param("region", unit));
            }
            add(s, "POST /api/rental/stock/estates", unit, () -> json(HttpMethod.POST, "/api/rental/stock/estates",
                    "{\"regionCode\": \"" + unit + "\", \"name\": \"矩阵测试新小区\", \"programme\": \"PUBLIC_RENTAL\"}"));
            add(s, "PUT /api/rental/stock/historic-totals/{region}", unit, () -> json(HttpMethod.PUT,
                    "/api/rental/stock/historic-totals/" + unit, "{\"total\": 100, \"version\": 0}"));
            add(s, "POST /rental/stock/historic-totals", unit, () -> request(HttpMethod.POST, "/rental/stock/historic-totals")
                    .param("region", unit).param("total", "100").param("version", "0"));
        }
        for (String unit : List.of("361102", "360702")) {
            byte[] list = ("项目名称,楼栋,房号,建筑面积,状态,保障类型\n矩阵测试导入小区,1栋,101,50,空置,公租房\n")
                    .getBytes(StandardCharsets.UTF_8);
            add(s, "POST /api/rental/stock/import", unit, () -> multipart("/api/rental/stock/import")
                    .file(new MockMultipartFile("file", "房源.csv", "text/csv", list)).param("region", unit));
            add(s, "POST /rental/stock/import", unit, () -> multipart("/rental/stock/import")
                    .file(new MockMultipartFile("file", "房源.csv", "text/csv", list)).param("region", unit));
            // a preview kept for the county's reporter: its commit is the reporter's alone
            String owner = unit.equals("361102") ? "xz_reporter" : "zg_reporter";
            add(s, "POST /rental/stock/import/commit", unit, () -> request(HttpMethod.POST, "/rental/stock/import/commit")
                    .param("token", stockPreviews.keep(owner, unit, null, "房源.csv", list)));
            long estate = estateIds.get(unit);
            long dwelling = dwellingIds.get(unit);
            add(s, "PUT /api/rental/stock/estates/{id}", unit, () -> json(HttpMethod.PUT, "/api/rental/stock/estates/" + estate,
                    "{\"name\": \"矩阵测试改名小区\", \"programme\": \"PUBLIC_RENTAL\", \"version\": 0}"));
            add(s, "POST /api/rental/stock/dwellings", unit, () -> json(HttpMethod.POST, "/api/rental/stock/dwellings",
                    "{\"estateId\": " + estate + ", \"building\": \"2号楼\", \"roomNo\": \"201\", \"floorArea\": 50, "
                            + "\"status\": \"VACANT\"}"));
            add(s, "PUT /api/rental/stock/dwellings/{id}", unit, () -> json(HttpMethod.PUT, "/api/rental/stock/dwellings/" + dwelling,
                    "{\"entrance\": \"1\", \"roomNo\": \"101\", \"floorArea\": 12, \"version\": 0}"));
            add(s, "POST /api/rental/stock/dwellings/{id}/status", unit, () -> json(HttpMethod.POST,
                    "/api/rental/stock/dwellings/" + dwelling + "/status", "{\"step\": \"ALLOCATE\", \"version\": 0, "
                            + "\"effectiveOn\": \"" + today() + "\"}"));
            add(s, "POST /rental/stock/estates", unit, () -> request(HttpMethod.POST, "/rental/stock/estates")
                    .param("region", unit).param("name", "矩阵测试页面小区").param("programme", "PUBLIC_RENTAL"));
            add(s, "POST /rental/stock/estates/{id}", unit, () -> request(HttpMethod.POST, "/rental/stock/estates/" + estate)
                    .param("version", "0").param("name", "矩阵测试改名小区").param("programme", "PUBLIC_RENTAL"));
            add(s, "POST /rental/stock/estates/{id}/dwellings", unit, () -> request(HttpMethod.POST,
                    "/rental/stock/estates/" + estate + "/dwellings").param("building", "3号楼").param("roomNo", "301")
                    .param("floorArea", "50").param("status", "VACANT"));
            add(s, "POST /rental/stock/dwellings/{id}", unit, () -> request(HttpMethod.POST, "/rental/stock/dwellings/" + dwelling)
                    .param("version", "0").param("roomNo", "101").param("floorArea", "11"));
            add(s, "POST /rental/stock/dwellings/{id}/status", unit, () -> request(HttpMethod.POST,
                    "/rental/stock/dwellings/" + dwelling + "/status").param("step", "ALLOCATE").param("version", "0")
                    .param("effectiveOn", today()));
        }
    }

    /** 租赁补贴: the county's own (章贡区's 住房保障 office handles it), another city's county, the city. */
    void subsidySamples(Map<String, List<Sample>> s) {
        for (String unit : List.of("361102", "360702", "361100")) {
            add(s, "GET /api/rental/subsidies/parameters", unit, () -> request(HttpMethod.GET, "/api/rental/subsidies/parameters")
                    .param("region", unit));
            add(s, "GET /api/rental/subsidies/agreements", unit, () -> request(HttpMethod.GET, "/api/rental/subsidies/agreements")
                    .param("region", unit));
            add(s, "GET /api/rental/subsidies/rolls", unit, () -> request(HttpMethod.GET, "/api/rental/subsidies/rolls")
                    .param("region", unit));
            add(s, "GET /api/rental/subsidies/figures", unit, () -> request(HttpMethod.GET, "/api/rental/subsidies/figures")
                    .param("region", unit).param("month", "2024-02"));
        }
        for (String city : List.of("361100", "360700")) {
            byte[] file = ("城市\t" + city + "\n名称\t矩阵测试补贴\n来源\t矩阵测试\n方式\t按人\n标准\t*\t12\n面积\t1+\t15\n")
                    .getBytes(StandardCharsets.UTF_8);
            add(s, "POST /api/rental/subsidies/parameters", city, () -> multipart("/api/rental/subsidies/parameters")
                    .file(new MockMultipartFile("file", "补贴参数.tsv", "text/plain", file)).param("region", city)
                    .param("effectiveFrom", "2025-01-01"));
            add(s, "POST /rental/subsidies/parameters", city, () -> multipart("/rental/subsidies/parameters")
                    .file(new MockMultipartFile("file", "补贴参数.tsv", "text/plain", file)).param("region", city)
                    .param("effectiveFrom", "2025-01-01"));
        }
        for (String unit : List.of("361102", "360702")) {
            long household = unsignedIds.get(unit);
            long agreement = agreementIds.get(unit);
            long draft = draftRollIds.get(unit);
            long confirmed = confirmedRollIds.get(unit);
            add(s, "POST /api/rental/subsidies/agreements", unit, () -> json(HttpMethod.POST, "/api/rental/subsidies/agreements",
                    "{\"householdId\": " + household + ", \"startMonth\": \"2024-03\", \"reviewDue\": \"2025-02-28\", "
                            + "\"bankAccount\": \"6222021234567890124\", \"bankName\": \"矩阵测试银行\"}"));
            add(s, "POST /rental/subsidies/agreements", unit, () -> request(HttpMethod.POST, "/rental/subsidies/agreements")
                    .param("householdId", String.valueOf(household)).param("startMonth", "2024-03")
                    .param("reviewDue", "2025-02-28").param("bankAccount", "6222021234567890124").param("bankName", "矩阵测试银行"));
            add(s, "POST /api/rental/subsidies/agreements/{id}/stop", unit, () -> json(HttpMethod.POST,
                    "/api/rental/subsidies/agreements/" + agreement + "/stop",
                    "{\"version\": 0, \"reason\": \"MOVED_AWAY\", \"stopOn\": \"2024-06-15\"}"));
            add(s, "POST /rental/subsidies/agreements/{id}/stop", unit, () -> request(HttpMethod.POST,
                    "/rental/subsidies/agreements/" + agreement + "/stop").param("version", "0").param("reason", "MOVED_AWAY")
                    .param("stopOn", "2024-06-15"));
            add(s, "POST /api/rental/subsidies/agreements/{id}/review", unit, () -> json(HttpMethod.POST,
                    "/api/rental/subsidies/agreements/" + agreement + "/review",
                    "{\"version\": 0, \"fromMonth\": \"2024-07\", \"reviewDue\": \"2025-06-30\"}"));
            add(s, "POST /rental/subsidies/agreements/{id}/review", unit, () -> request(HttpMethod.POST,
                    "/rental/subsidies/agreements/" + agreement + "/review").param("version", "0").param("fromMonth", "2024-07")
                    .param("reviewDue", "2025-06-30"));
            add(s, "POST /api/rental/subsidies/rolls", unit, () -> json(HttpMethod.POST, "/api/rental/subsidies/rolls",
                    "{\"region\": \"" + unit + "\", \"month\": \"2024-03\"}"));
            add(s, "POST /rental/subsidies/rolls", unit, () -> request(HttpMethod.POST, "/rental/subsidies/rolls")
                    .param("region", unit).param("month", "2024-03"));
            add(s, "POST /api/rental/subsidies/rolls/{id}/confirm", unit, () -> json(HttpMethod.POST,
                    "/api/rental/subsidies/rolls/" + draft + "/confirm", "{\"version\": 1}"));
            add(s, "POST /rental/subsidies/rolls/{id}/confirm", unit, () -> request(HttpMethod.POST,
                    "/rental/subsidies/rolls/" + draft + "/confirm").param("version", "1"));
            add(s, "POST /api/rental/subsidies/rolls/{id}/bank-sheet", unit, () -> json(HttpMethod.POST,
                    "/api/rental/subsidies/rolls/" + confirmed + "/bank-sheet", "{\"reason\": \"矩阵测试\"}"));
            add(s, "POST /rental/subsidies/rolls/{id}/bank-sheet", unit, () -> request(HttpMethod.POST,
                    "/rental/subsidies/rolls/" + confirmed + "/bank-sheet").param("reason", "矩阵测试"));
            add(s, "POST /api/rental/subsidies/rolls/{id}/marks", unit, () -> json(HttpMethod.POST,
                    "/api/rental/subsidies/rolls/" + confirmed + "/marks", "{\"seqs\": [1], \"status\": \"PAID\", \"online\": true}"));
            add(s, "POST /rental/subsidies/rolls/{id}/marks", unit, () -> request(HttpMethod.POST,
                    "/rental/subsidies/rolls/" + confirmed + "/marks").param("seqs", "1").param("status", "PAID").param("online", "是"));
        }
    }

    /** Leases in 章贡区 (赣州市's lease rules: the test file, 未核实): one in force (moved in), one signed, and a qualified
     * household with an allocated dwelling left to sign. */
    long leaseId;
    long signedLeaseId;
    long freeHousehold;
    long freeDwelling;

    long qualifiedHousehold(int seq) {
        var h = households.register(new org.anju.rental.household.HouseholdForm("360702001000", null, null, List.of(
                new org.anju.rental.household.HouseholdForm.MemberForm("矩阵租户", org.anju.privacy.SyntheticIds.number(
                        "360702", "19700101", seq), "本人", "10000", true, true, null)), List.of(), java.math.BigDecimal.ZERO,
                5, null, null, false, null, null));
        households.qualify(h, org.anju.rental.household.Guarantee.PUBLIC_RENTAL, java.time.LocalDate.of(2025, 6, 1));
        return h;
    }

    long allocatedDwelling(String room) {
        return stock.add(new org.anju.rental.stock.Stock.NewDwelling(estateIds.get("360702"), "9号楼", "1", room, null,
                9, new java.math.BigDecimal("50"), null, null, new java.math.BigDecimal("12"),
                org.anju.rental.stock.RentUnit.PER_M2_MONTH, org.anju.rental.stock.StockStatus.ALLOCATED)).id();
    }

    @Autowired
    org.anju.rental.allocation.Rounds rounds;
    /** Rounds in 章贡区: one drawn (its first household may act), one listed with the seed due today (may be drawn). */
    long drawnRoundId;
    long listedRoundId;
    String drawnFirstNumber;

    void roundFixtures() {
        for (int seq = 81; seq <= 84; seq++) {
            qualifiedHousehold(seq);
        }
        java.util.function.Function<String, Long> vacant = room -> stock.add(new org.anju.rental.stock.Stock.NewDwelling(
                estateIds.get("360702"), "8号楼", "1", room, null, 8, new java.math.BigDecimal("50"), null, null,
                new java.math.BigDecimal("12"), org.anju.rental.stock.RentUnit.PER_M2_MONTH,
                org.anju.rental.stock.StockStatus.VACANT)).id();
        java.time.LocalDate today = java.time.LocalDate.now(org.anju.platform.ChinaTime.ZONE);
        var drawn = rounds.open(new org.anju.rental.allocation.Rounds.Opening("360702", "矩阵测试已摇号批次",
                List.of(vacant.apply("801")), null, 2, "矩阵测试种子", today));
        rounds.draw(drawn.id(), "20240101");
        drawn = rounds.round(drawn.id());
        drawnRoundId = drawn.id();
        drawnFirstNumber = drawn.candidates().stream().filter(c -> c.position() != null)
                .min(java.util.Comparator.comparing(org.anju.rental.allocation.RoundView.Candidate::position))
                .orElseThrow().number();
        listedRoundId = rounds.open(new org.anju.rental.allocation.Rounds.Opening("360702", "矩阵测试待摇号批次",
                List.of(vacant.apply("802")), null, 2, "矩阵测试种子", today)).id();
    }

    void leaseFixture() {
        leaseId = leases.sign(new org.anju.rental.lease.Leases.SignForm(qualifiedHousehold(77), allocatedDwelling("901"),
                java.time.LocalDate.of(2025, 12, 20), java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 12, 31),
                null)).id();
        leases.moveIn(leaseId, 0, org.anju.platform.ChinaTime.today());
        signedLeaseId = leases.sign(new org.anju.rental.lease.Leases.SignForm(qualifiedHousehold(78), allocatedDwelling("902"),
                java.time.LocalDate.of(2025, 12, 20), java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 12, 31),
                null)).id();
        freeHousehold = qualifiedHousehold(79);
        freeDwelling = allocatedDwelling("903");
    }

    /** Leases: the county's 住房保障审核员 works them; 信州区 (another city, no lease rules) and 章贡区 for the region ones. */
    void leaseSamples(Map<String, List<Sample>> s) {
        for (String unit : List.of("361102", "360702")) {
            for (String path : List.of("/api/rental/leases", "/api/rental/leases/arrears", "/api/rental/leases/candidates",
                    "/api/rental/leases/violations", "/rental/leases", "/rental/leases/arrears", "/rental/leases/violations")) {
                add(s, "GET " + path, unit, () -> request(HttpMethod.GET, path).param("region", unit));
            }
            add(s, "GET /api/rental/leases/figures", unit, () -> request(HttpMethod.GET, "/api/rental/leases/figures")
                    .param("region", unit).param("period", "2026-02"));
            add(s, "POST /api/rental/leases/bills", unit, () -> json(HttpMethod.POST, "/api/rental/leases/bills",
                    "{\"region\": \"" + unit + "\", \"period\": \"2026-02\"}"));
            add(s, "POST /rental/leases/bills", unit, () -> request(HttpMethod.POST, "/rental/leases/bills")
                    .param("region", unit).param("period", "2026-02"));
        }
        add(s, "POST /api/rental/leases", "360702", () -> json(HttpMethod.POST, "/api/rental/leases",
                "{\"householdId\": " + freeHousehold + ", \"dwellingId\": " + freeDwelling + ", \"signedOn\": \"2025-12-20\", "
                        + "\"startsOn\": \"2026-01-01\", \"endsOn\": \"2026-12-31\"}"));
        add(s, "GET /rental/leases/new", "360702", () -> request(HttpMethod.GET, "/rental/leases/new")
                .param("household", String.valueOf(freeHousehold)).param("dwelling", String.valueOf(freeDwelling)));
        add(s, "POST /rental/leases", "360702", () -> request(HttpMethod.POST, "/rental/leases")
                .param("household", String.valueOf(freeHousehold)).param("dwelling", String.valueOf(freeDwelling))
                .param("signedOn", "2025-12-20").param("startsOn", "2026-01-01").param("endsOn", "2026-12-31"));
        add(s, "POST /rental/leases/{id}/move-in", "360702", () -> request(HttpMethod.POST, "/rental/leases/" + signedLeaseId
                + "/move-in").param("version", "0").param("on", today()));
        String base = "/api/rental/leases/" + leaseId;
        add(s, "POST /api/rental/leases/{id}/move-in", "360702", () -> json(HttpMethod.POST, "/api/rental/leases/" + signedLeaseId
                + "/move-in", "{\"version\": 0, \"on\": \"" + today() + "\"}"));
        add(s, "POST /api/rental/leases/{id}/payments", "360702", () -> json(HttpMethod.POST, base + "/payments",
                "{\"amount\": 60, \"paidOn\": \"2026-02-05\", \"channel\": \"ONLINE\"}"));
        add(s, "POST /api/rental/leases/{id}/checks", "360702", () -> json(HttpMethod.POST, base + "/checks",
                "{\"on\": \"" + today() + "\", \"occupied\": true}"));
        add(s, "POST /api/rental/leases/{id}/exit", "360702", () -> json(HttpMethod.POST, base + "/exit",
                "{\"version\": 1, \"kind\": \"VOLUNTARY\", \"on\": \"" + today() + "\", \"reason\": \"矩阵测试\"}"));
        add(s, "POST /api/rental/leases/{id}/violations", "360702", () -> json(HttpMethod.POST, base + "/violations",
                "{\"version\": 1, \"kind\": \"SUBLET\", \"actOn\": \"2026-03-01\", \"foundOn\": \"2026-04-01\", "
                        + "\"evidence\": \"矩阵测试\"}"));
        // the move-out follows an exit: the system records one inside the request's savepoint (rolled back with it)
        add(s, "POST /api/rental/leases/{id}/move-out", "360702", () -> {
            Access.runAs(Actor.system(regions.root()), () -> leases.exitVoluntary(leaseId, 1, org.anju.platform.ChinaTime.today(), "矩阵测试"));
            return json(HttpMethod.POST, base + "/move-out", "{\"version\": 2, \"on\": \"" + today() + "\", "
                    + "\"inspection\": \"矩阵测试\"}");
        });
        String rules = "城市\\t360700\\n项目\\tPUBLIC_RENTAL\\n名称\\t矩阵\\n生效\\t2024-01-01\\n来源\\t测试\\n"
                + "条件\\tAREA\\t人均面积\\tPER_CAPITA_AREA\\t≤\\t15\\n";
        add(s, "POST /api/rental/leases/{id}/review", "360702", () -> json(HttpMethod.POST, base + "/review",
                "{\"version\": 1, \"on\": \"2026-06-01\", \"rules\": \"" + rules + "\"}"));
        add(s, "POST /api/rental/leases/{id}/renew", "360702", () -> json(HttpMethod.POST, base + "/renew",
                "{\"version\": 1, \"appliedOn\": \"2026-08-01\", \"endsOn\": \"2027-12-31\", \"rules\": \"" + rules + "\"}"));
        String page = "/rental/leases/" + leaseId;
        add(s, "POST /rental/leases/{id}/payments", "360702", () -> request(HttpMethod.POST, page + "/payments")
                .param("amount", "60").param("paidOn", "2026-02-05").param("channel", "CASH"));
        add(s, "POST /rental/leases/{id}/exit", "360702", () -> request(HttpMethod.POST, page + "/exit")
                .param("version", "1").param("appliedOn", today()).param("reason", "矩阵测试"));
        add(s, "POST /rental/leases/{id}/move-out", "360702", () -> {
            Access.runAs(Actor.system(regions.root()), () -> leases.exitVoluntary(leaseId, 1, org.anju.platform.ChinaTime.today(), "矩阵测试"));
            return request(HttpMethod.POST, page + "/move-out").param("version", "2").param("on", today())
                    .param("inspection", "矩阵测试");
        });
    }

    /**
     * Applications: each at the office whose step it is (解放街道's 初审员 for the town's and the community's steps of a
     * family that applied at the town, 章贡区's office for the county's); readers of 解放街道 read them; rule files of a city.
     */
    void applicationSamples(Map<String, List<Sample>> s) {
        String api = "/api/rental/applications/";
        java.util.function.LongFunction<String> version = id -> String.valueOf(applications.application(id).version());
        long town = applicationIds.get("town");
        long returned = applicationIds.get("returned");
        long notice = applicationIds.get("notice");
        long objected = applicationIds.get("objection");
        long county = applicationIds.get("county");
        long qualified = applicationIds.get("qualified");
        long incomplete = applicationIds.get("incomplete");
        add(s, "POST /api/rental/applications", JIEFANG, () -> json(HttpMethod.POST, "/api/rental/applications",
                "{\"guarantee\": \"PUBLIC_RENTAL\", \"appliedOn\": \"2024-10-08\", \"household\": " + family("19900101", 201, "10") + "}"));
        add(s, "POST /rental/applications", JIEFANG, () -> request(HttpMethod.POST, "/rental/applications")
                .param("regionCode", JIEFANG).param("guarantee", "PUBLIC_RENTAL").param("appliedOn", "2024-10-08")
                .param("m0.name", "矩阵测试").param("m0.idNumber", org.anju.privacy.SyntheticIds.number("360702", "19900101", 202))
                .param("m0.income", "10000").param("m0.proven", "on").param("m0.able", "true").param("heldArea", "10")
                .param("hukouYears", "10").param("g0.name", "低保").param("g0.since", "2020-01-01"));
        for (long id : List.of(town, county, qualified)) {
            add(s, "GET /api/rental/applications/{id}", JIEFANG, () -> request(HttpMethod.GET, api + id));
            add(s, "GET /rental/applications/{id}", JIEFANG, () -> request(HttpMethod.GET, "/rental/applications/" + id));
        }
        add(s, "GET /api/rental/applications/{id}/certificate", JIEFANG, () -> request(HttpMethod.GET, api + qualified + "/certificate"));
        add(s, "GET /rental/applications/{id}/certificate", JIEFANG, () -> request(HttpMethod.GET,
                "/rental/applications/" + qualified + "/certificate"));
        add(s, "PUT /api/rental/applications/{id}/household", JIEFANG, () -> json(HttpMethod.PUT, api + incomplete + "/household",
                "{\"version\": " + version.apply(incomplete) + "}"));
        add(s, "POST /api/rental/applications/{id}/decisions", JIEFANG, () -> json(HttpMethod.POST, api + town + "/decisions",
                "{\"version\": " + version.apply(town) + ", \"decision\": \"APPROVE\"}"));
        add(s, "POST /api/rental/applications/{id}/decisions", "360702", () -> json(HttpMethod.POST, api + county + "/decisions",
                "{\"version\": " + version.apply(county) + ", \"decision\": \"RETURN\", \"note\": \"矩阵测试\"}"));
        add(s, "POST /rental/applications/{id}/decide", JIEFANG, () -> request(HttpMethod.POST, "/rental/applications/" + town + "/decide")
                .param("version", version.apply(town)).param("decision", "APPROVE"));
        add(s, "POST /rental/applications/{id}/decide", "360702", () -> request(HttpMethod.POST, "/rental/applications/" + county + "/decide")
                .param("version", version.apply(county)).param("decision", "APPROVE"));
        add(s, "POST /api/rental/applications/{id}/resubmission", JIEFANG, () -> json(HttpMethod.POST, api + returned + "/resubmission",
                "{\"version\": " + version.apply(returned) + "}"));
        add(s, "POST /rental/applications/{id}/resubmit", JIEFANG, () -> request(HttpMethod.POST,
                "/rental/applications/" + returned + "/resubmit").param("version", version.apply(returned)));
        add(s, "POST /api/rental/applications/{id}/objections", JIEFANG, () -> json(HttpMethod.POST, api + notice + "/objections",
                "{\"version\": " + version.apply(notice) + ", \"channel\": \"来电\", \"content\": \"矩阵测试\", \"receivedOn\": \"2024-09-30\"}"));
        add(s, "POST /rental/applications/{id}/objections", JIEFANG, () -> request(HttpMethod.POST,
                "/rental/applications/" + notice + "/objections").param("version", version.apply(notice)).param("channel", "来电")
                .param("content", "矩阵测试").param("receivedOn", "2024-09-30"));
        add(s, "POST /api/rental/applications/{id}/objections/{objectionId}/resolution", JIEFANG, () -> json(HttpMethod.POST,
                api + objected + "/objections/" + objectionId + "/resolution", "{\"upheld\": false, \"finding\": \"矩阵测试\"}"));
        add(s, "POST /rental/applications/{id}/objections/{objectionId}/resolve", JIEFANG, () -> request(HttpMethod.POST,
                "/rental/applications/" + objected + "/objections/" + objectionId + "/resolve").param("upheld", "false")
                .param("finding", "矩阵测试"));
        add(s, "POST /api/rental/applications/{id}/notice-end", JIEFANG, () -> json(HttpMethod.POST, api + notice + "/notice-end",
                "{\"version\": " + version.apply(notice) + "}"));
        add(s, "POST /rental/applications/{id}/notice-end", JIEFANG, () -> request(HttpMethod.POST,
                "/rental/applications/" + notice + "/notice-end").param("version", version.apply(notice)));
        for (String region : List.of("360702", "361102", "360700")) {
            add(s, "GET /api/rental/applications/figures", region, () -> request(HttpMethod.GET, api + "figures")
                    .param("region", region).param("period", "2024-09"));
        }
        for (String city : List.of("360700", "361100")) {
            add(s, "GET /api/rental/rules", city, () -> request(HttpMethod.GET, "/api/rental/rules").param("city", city));
            // each sample a file of its own: the same file sent again is refused as a duplicate (CityRules)
            Supplier<byte[]> file = () -> sampleFile(ganzhou("/rental/rules/320300-租赁补贴.tsv").replace("360700", city));
            add(s, "POST /api/rental/rules", city, () -> multipart("/api/rental/rules")
                    .file(new MockMultipartFile("file", "矩阵测试.tsv", "text/plain", file.get())).param("city", city).param("kind", "RULES"));
            add(s, "POST /rental/rules", city, () -> multipart("/rental/rules")
                    .file(new MockMultipartFile("file", "矩阵测试.tsv", "text/plain", file.get())).param("city", city).param("kind", "RULES"));
        }
    }

    // ---- 房屋征收 (ledger/expropriation): the demo project of 章贡区 ------------------------------------------------

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient exproJdbc;

    long exproProject() {
        return exproJdbc.sql("select id from ledger_expro_project where name = '健康路片区旧城区改建项目（演示）'")
                .query(Long.class).single();
    }

    long exproHousehold(String code) {
        return exproJdbc.sql("select id from ledger_expro_household where project_id = :p and code = :c")
                .param("p", exproProject()).param("c", code).query(Long.class).single();
    }

    String exproVersion(long household) {
        return String.valueOf(exproJdbc.sql("select version from ledger_expro_household where id = :id").param("id", household)
                .query(Integer.class).single());
    }

    String exproProjectVersion() {
        return String.valueOf(exproJdbc.sql("select version from ledger_expro_project where id = :id").param("id", exproProject())
                .query(Integer.class).single());
    }

    void expropriationSamples(Map<String, List<Sample>> s) {
        String api = "/api/ledger/expropriation";
        String unit = "360702";
        for (String region : List.of("360702", "361100")) {
            add(s, "GET " + api + "/projects", region, () -> request(HttpMethod.GET, api + "/projects").param("region", region));
            add(s, "GET " + api + "/figures", region, () -> request(HttpMethod.GET, api + "/figures").param("region", region));
        }
        for (String region : List.of("360702")) {   // the county's 征收部门 (住房保障审核员 or 县级管理员) only
            add(s, "POST " + api + "/projects", region, () -> json(HttpMethod.POST, api + "/projects", "{\"regionCode\": \""
                    + region + "\", \"name\": \"矩阵测试征收项目\", \"type\": \"旧城区改建\", \"scopeHouseholds\": 10, "
                    + "\"counting\": \"START_NEXT_DAY\"}"));
            add(s, "POST /ledger/expropriation/projects", region, () -> request(HttpMethod.POST, "/ledger/expropriation/projects")
                    .param("region", region).param("name", "矩阵测试征收项目").param("type", "OLD_TOWN")
                    .param("scopeHouseholds", "10").param("counting", "START_NEXT_DAY"));
        }
        add(s, "POST " + api + "/projects/{id}/steps", unit, () -> json(HttpMethod.POST, api + "/projects/" + exproProject()
                + "/steps", "{\"stage\": \"HEARING\", \"on\": \"2025-04-04\", \"version\": " + exproProjectVersion() + "}"));
        add(s, "POST /ledger/expropriation/projects/{id}/steps", unit, () -> request(HttpMethod.POST,
                "/ledger/expropriation/projects/" + exproProject() + "/steps").param("stage", "HEARING").param("on", "2025-04-04")
                .param("version", exproProjectVersion()));
        String household = "{\"code\": \"MATRIX-1\", \"ownerName\": \"矩阵测试\", \"address\": \"章贡区矩阵路1号\", "
                + "\"titleNo\": \"矩阵1号\", \"area\": 50, \"use\": \"住宅\", \"titleStatus\": \"合法\"}";
        add(s, "POST " + api + "/projects/{id}/households", unit, () -> json(HttpMethod.POST, api + "/projects/" + exproProject()
                + "/households", household));
        add(s, "POST /ledger/expropriation/projects/{id}/households", unit, () -> request(HttpMethod.POST,
                "/ledger/expropriation/projects/" + exproProject() + "/households").param("code", "MATRIX-1")
                .param("ownerName", "矩阵测试").param("address", "章贡区矩阵路1号").param("titleNo", "矩阵1号").param("area", "50")
                .param("use", "住宅").param("titleStatus", "合法"));
        byte[] scheme = ("方案\t矩阵测试奖励\n计日\t开始的当日计入\n奖项\t计时\t窗口\t适用用途\t适用方式\t计算\t金额\t基数\t下限\t上限\t条件\t原文\n"
                + "签约奖\t签约\t期限内\t全部\t全部\t每户\t1000\t\t\t\t\t矩阵测试\n").getBytes(StandardCharsets.UTF_8);
        byte[] list = ("户号,被征收人,身份证号,房屋坐落,权属证号,建筑面积（㎡）,用途,权属状况\nMATRIX-2,矩阵测试,,章贡区矩阵路2号,矩阵2号,60,住宅,合法\n")
                .getBytes(StandardCharsets.UTF_8);
        for (String prefix : List.of(api, "/ledger/expropriation")) {
            add(s, "POST " + prefix + "/projects/{id}/scheme", unit, () -> multipart(prefix + "/projects/" + exproProject() + "/scheme")
                    .file(new MockMultipartFile("file", "矩阵测试.tsv", "text/plain", sampleFile(new String(scheme, StandardCharsets.UTF_8)))));
            add(s, "POST " + prefix + "/projects/{id}/import", unit, () -> multipart(prefix + "/projects/" + exproProject() + "/import")
                    .file(new MockMultipartFile("file", "调查登记.csv", "text/csv", list)));
        }
        add(s, "GET " + api + "/projects/{id}/export", unit, () -> request(HttpMethod.GET, api + "/projects/" + exproProject()
                + "/export").param("reason", "矩阵测试核对"));
        // JK-015 has signed nothing; JK-010 signed and stays; JK-017 is under a 补偿决定 (see ExpropriationDemoData)
        add(s, "POST " + api + "/households/{id}/valuation", unit, () -> {
            long h = exproHousehold("JK-015");
            return json(HttpMethod.POST, api + "/households/" + h + "/valuation", "{\"amount\": 500000, \"receivedOn\": "
                    + "\"2025-04-25\", \"version\": " + exproVersion(h) + "}");
        });
        add(s, "POST " + api + "/households/{id}/agreement", unit, () -> {
            long h = exproHousehold("JK-015");
            return json(HttpMethod.POST, api + "/households/" + h + "/agreement", "{\"agreementOn\": \"2025-05-25\", "
                    + "\"option\": \"货币补偿\", \"compensation\": 500000, \"paymentDue\": \"2025-06-25\", \"movingFee\": 2000, "
                    + "\"moveDeadline\": \"2025-06-15\", \"version\": " + exproVersion(h) + "}");
        });
        add(s, "POST " + api + "/households/{id}/decision", unit, () -> {
            long h = exproHousehold("JK-015");
            return json(HttpMethod.POST, api + "/households/" + h + "/decision", "{\"decisionOn\": \"2025-05-26\", "
                    + "\"decisionNo\": \"矩阵测试1号\", \"moveDeadline\": \"2025-06-20\", \"version\": " + exproVersion(h) + "}");
        });
        add(s, "POST " + api + "/households/{id}/vacate", unit, () -> {
            long h = exproHousehold("JK-010");
            return json(HttpMethod.POST, api + "/households/" + h + "/vacate", "{\"on\": \"2025-06-01\", \"version\": "
                    + exproVersion(h) + "}");
        });
        add(s, "POST " + api + "/households/{id}/enforcement", unit, () -> {
            long h = exproHousehold("JK-017");
            return json(HttpMethod.POST, api + "/households/" + h + "/enforcement", "{\"on\": \"2025-07-01\", "
                    + "\"noAppeal\": true, \"version\": " + exproVersion(h) + "}");
        });
        String pages = "/ledger/expropriation/households/";
        add(s, "POST " + pages + "{id}/valuation", unit, () -> {
            long h = exproHousehold("JK-015");
            return request(HttpMethod.POST, pages + h + "/valuation").param("amount", "500000").param("receivedOn", "2025-04-25")
                    .param("version", exproVersion(h));
        });
        add(s, "POST " + pages + "{id}/agreement", unit, () -> {
            long h = exproHousehold("JK-015");
            return request(HttpMethod.POST, pages + h + "/agreement").param("agreementOn", "2025-05-25").param("option", "货币补偿")
                    .param("compensation", "500000").param("paymentDue", "2025-06-25").param("movingFee", "2000")
                    .param("moveDeadline", "2025-06-15").param("version", exproVersion(h));
        });
        add(s, "POST " + pages + "{id}/decision", unit, () -> {
            long h = exproHousehold("JK-015");
            return request(HttpMethod.POST, pages + h + "/decision").param("decisionOn", "2025-05-26").param("decisionNo", "矩阵测试1号")
                    .param("moveDeadline", "2025-06-20").param("version", exproVersion(h));
        });
        add(s, "POST " + pages + "{id}/vacate", unit, () -> {
            long h = exproHousehold("JK-010");
            return request(HttpMethod.POST, pages + h + "/vacate").param("on", "2025-06-01").param("version", exproVersion(h));
        });
        add(s, "POST " + pages + "{id}/enforcement", unit, () -> {
            long h = exproHousehold("JK-017");
            return request(HttpMethod.POST, pages + h + "/enforcement").param("on", "2025-07-01").param("noAppeal", "true")
                    .param("version", exproVersion(h));
        });
    }

    private static void add(Map<String, List<Sample>> s, String key, String subject,
                            Supplier<AbstractMockHttpServletRequestBuilder<?>> request) {
        s.computeIfAbsent(key, k -> new ArrayList<>()).add(new Sample(key + (subject == null ? "" : " @" + subject),
                subject, request));
    }

    private static MockHttpServletRequestBuilder json(HttpMethod method, String uri, String body) {
        return request(method, uri).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** The samples of an endpoint: explicit ones, or every combination of its path variables' values. */
    List<Sample> samples(Endpoint e, Map<String, List<Sample>> explicit, List<String> missing) {
        if (explicit.containsKey(e.key())) {
            return explicit.get(e.key());
        }
        boolean needsInput = e.handler().getMethodParameters().length > 0 && java.util.Arrays.stream(e.handler()
                .getMethodParameters()).anyMatch(AuthorizationMatrixTest::requiredInput);
        if (needsInput && e.ours()) {
            missing.add(e.key() + "：需要请求参数或请求体，请在 explicitSamples() 中给出");
            return List.of();
        }
        record Combo(String uri, String subject) {
        }
        List<Combo> combos = List.of(new Combo(e.pattern(), ""));
        Matcher m = VARIABLE.matcher(e.pattern());
        while (m.find()) {
            String variable = m.group(1);
            String placeholder = m.group();
            Map<String, String> values = values(e, variable);
            if (values.isEmpty()) {
                missing.add(e.key() + "：路径变量 {" + variable + "} 没有取值，请在 values() 中给出");
                return List.of();
            }
            List<Combo> next = new ArrayList<>();
            for (Combo c : combos) {
                values.forEach((value, subject) -> next.add(new Combo(c.uri().replace(placeholder, value),
                        subject.isEmpty() ? c.subject() : subject)));
            }
            combos = next;
        }
        HttpMethod method = HttpMethod.valueOf(e.method());
        return combos.stream().map(c -> new Sample(e.method() + " " + c.uri(), c.subject().isEmpty() ? null : c.subject(),
                () -> request(method, c.uri()))).toList();
    }

    static boolean requiredInput(MethodParameter p) {
        if (p.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)) {
            return p.getParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class).required();
        }
        if (p.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestPart.class)) {
            return true;
        }
        RequestParam rp = p.getParameterAnnotation(RequestParam.class);
        return rp != null && rp.required() && ValueConstants.DEFAULT_NONE.equals(rp.defaultValue())
                && !p.getParameterType().equals(java.util.Optional.class);
    }

    // ---- expectations -----------------------------------------------------------------------------------

    boolean contains(String ancestor, String code) {
        return regions.contains(region(ancestor), region(code));
    }

    /** Whether {@code who} may do what {@code requirement} says to {@code subject}'s data. */
    boolean allowed(Requirement requirement, Who who, String subject) {
        if (requirement == Requirement.PUBLIC) {
            return true;
        }
        if (who == Who.ANONYMOUS || who == Who.MONITOR) {
            return false;
        }
        boolean admin = who.role == Role.PROVINCE_ADMIN || who.role == Role.CITY_ADMIN;
        return switch (requirement) {
            case PUBLIC, AUTHENTICATED -> true;
            case READ_SCOPED -> subject == null || contains(who.region, subject);
            case READ_ISSUED -> subject == null || contains(who.region, subject) || contains(subject, who.region);
            // LEDGER_WORK: also a 责任单位's linked account, which no matrix user is
            case WRITE_OWN, LEDGER_WORK -> who.role.writes() && (subject == null || subject.equals(who.region));
            // the office whose step (or city's rules) it is: exactly the subject region; administrators pass the role check
            // for their city's rule files only — the application samples' subjects are counties and towns no matrix
            // administrator sits at, and the services refuse administrators every decision
            case HANDLE_APPLICATIONS -> (who.role.handlesApplications() || who.role.administers())
                    && (subject == null || subject.equals(who.region));
            case APPROVE_BELOW -> admin && (subject == null || region(subject).parentId() != null
                    && region(subject).parentId() == region(who.region).id());
            case ADMIN -> admin && (subject == null || contains(who.region, subject));
            // 签发/更正: the issuing region's own administrator
            case ISSUE -> who.role.administers() && (subject == null || subject.equals(who.region));
            case REFERENCE_ADMIN -> who.role == Role.PROVINCE_ADMIN && (subject == null || contains(who.region, subject));
        };
    }

    /** The documents {@code who} may not read: their markers must appear in none of its responses. */
    List<String> forbiddenMarkers(Who who) {
        if (who == Who.ANONYMOUS || who == Who.MONITOR) {
            List<String> all = new ArrayList<>(planMarkers.values());
            all.addAll(dataMarkers.keySet());
            all.addAll(progressMarkers.keySet());
            return all;
        }
        List<String> markers = new ArrayList<>(planMarkers.entrySet().stream()
                .filter(m -> !allowed(Requirement.READ_ISSUED, who, m.getKey()))
                .map(Map.Entry::getValue).toList());
        dataMarkers.forEach((marker, region) -> {
            if (!allowed(Requirement.READ_SCOPED, who, region)) {
                markers.add(marker);
            }
        });
        progressMarkers.forEach((marker, issuer) -> {
            if (!allowed(Requirement.READ_ISSUED, who, issuer)) {
                markers.add(marker);
            }
        });
        return markers;
    }

    // ---- the matrix ------------------------------------------------------------------------------------

    record Outcome(String sample, Who who, int status, String redirect, boolean expected, boolean ok) {
    }

    @Test
    void everyEndpointForEveryUserAndRegion() {
        Map<String, List<Sample>> explicit = explicitSamples();
        List<String> missing = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        List<String> neverSucceeded = new ArrayList<>();
        int requests = 0;
        TransactionTemplate outer = new TransactionTemplate(transactions);
        TransactionTemplate nested = new TransactionTemplate(transactions);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);

        for (Endpoint e : endpoints()) {
            Requirement requirement = requirement(e);
            if (requirement == null) {
                continue; // reported by everyEndpointDeclaresWhatItRequires
            }
            List<Sample> samples = samples(e, explicit, missing);
            boolean succeeded = false;
            for (Sample sample : samples) {
                for (Who who : Who.values()) {
                    MockHttpServletResponse response = outer.execute(status -> nested.execute(savepoint -> {
                        AbstractMockHttpServletRequestBuilder<?> request = sample.request().get();
                        // a browser that loaded the page has the CSRF token; what is tested here is the sign-in
                        request.with(who.username != null ? TestUsers.as(who.username)
                                : org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
                        try {
                            MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
                            r.getContentAsString(StandardCharsets.UTF_8);
                            return r;
                        } catch (Exception ex) {
                            throw new IllegalStateException(sample.label() + " as " + who + ": " + ex, ex);
                        } finally {
                            savepoint.setRollbackOnly();
                        }
                    }));
                    if (!"GET".equals(e.method())) {
                        regions.reload();
                    }
                    requests++;
                    int status = response.getStatus();
                    String redirect = response.getRedirectedUrl();
                    boolean toLogin = redirect != null && redirect.endsWith("/login");
                    boolean expected = allowed(requirement, who, sample.subject());
                    String what = sample.label() + " 以 " + who + "（" + requirement + "）";
                    if (status >= 500 && !e.pattern().equals("/error")) { // a bug is never an answer (the audit-table list once was); /error called directly is Boot's own 500
                        failures.add(what + "：服务器内部错误 " + status + body(response));
                    }
                    if (expected) {
                        if (status == 401 || status == 403 || toLogin) {
                            failures.add(what + "：应允许，实际 " + status + body(response));
                        } else if (status < 400) {
                            succeeded = true;
                        }
                    } else if (who == Who.ANONYMOUS) {
                        boolean refused = e.api() ? status == 401 : toLogin;
                        if (!refused) {
                            failures.add(what + "：应要求登录（" + (e.api() ? "401" : "转到登录页") + "），实际 " + status
                                    + (redirect == null ? "" : " → " + redirect));
                        }
                    } else if (status != 403) {
                        failures.add(what + "：应拒绝（403），实际 " + status + body(response));
                    } else if (!text(response).contains("无权") && !text(response).contains("只")) {
                        failures.add(what + "：403 应说明原因（中文）" + body(response));
                    } else if (who == Who.MONITOR && !text(response).contains("运维监控账号只能读取运行指标")) {
                        failures.add(what + "：应说明运维监控账号只能读取运行指标" + body(response));
                    }
                    if (status < 300 && isText(response)) {
                        String text = text(response);
                        for (String marker : forbiddenMarkers(who)) {
                            if (text.contains(marker)) {
                                leaks.add(what + " 的响应中出现了无权查看的「" + marker + "」");
                            }
                        }
                    }
                }
            }
            if (!samples.isEmpty() && !succeeded && e.ours()) {
                neverSucceeded.add(e.key() + "：没有任何用户、任何样例成功（2xx/3xx），样例可能无效");
            }
        }
        int total = requests;
        org.assertj.core.api.SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(missing).as("endpoints the matrix cannot call").isEmpty();
            soft.assertThat(failures).as("allowed/denied not as declared (" + total + " requests)").isEmpty();
            soft.assertThat(leaks).as("cross-region leaks").isEmpty();
            soft.assertThat(neverSucceeded).as("endpoints nobody could use").isEmpty();
            soft.assertThat(total).isGreaterThan(300);
        });
    }

    /** Today in Beijing as the forms send it: the dates they ask for are required (review 2026-12-04 of guesses, M1). */
    private static String today() {
        return org.anju.platform.ChinaTime.today().toString();
    }

    private static boolean isText(MockHttpServletResponse r) {
        String type = r.getContentType();
        return type == null || type.contains("json") || type.contains("html") || type.contains("text");
    }

    private static String text(MockHttpServletResponse r) {
        try {
            return r.getContentAsString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "";
        }
    }

    private static String body(MockHttpServletResponse r) {
        String t = isText(r) ? text(r) : "";
        return t.isEmpty() ? "" : "：" + (t.length() > 200 ? t.substring(0, 200) + "…" : t);
    }
}
