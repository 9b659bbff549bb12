package org.anju.rental.stock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.platform.BadInput;
import org.anju.platform.ImportSlots;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** REST: the housing stock. */
@RestController
@RequestMapping("/api/rental/stock")
@Tag(name = "公租房房源", description = "县区的公租房、保租房房源（项目、楼栋、每套房源及其状态）；按月统计房源总数、已分配、已入住、"
        + "分配率、入住率，历年房源录入率；房源清单导入（先预览，再全部写入或全部不写）与导出")
class StockController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Stock stock;
    private final ImportSlots slots;

    StockController(Stock stock, ImportSlots slots) {
        this.stock = stock;
        this.slots = slots;
    }

    @GetMapping("/estates")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "列出项目", description = "地区及其下级的公租房、保租房项目（小区），含当前各状态套数。")
    List<Estate> estates(@RequestParam String region) {
        return stock.estates(region);
    }

    @GetMapping("/estates/{id}")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "查看项目")
    Estate estate(@PathVariable long id) {
        return stock.estate(id);
    }

    /** A new estate, or a change of one (with the version read). */
    record EstateInput(String regionCode, String name, String address, Programme programme, String ownership,
                       String projectCode, Integer version) {
    }

    @PostMapping("/estates")
    @Requires(Requirement.WRITE_OWN)
    @Operation(summary = "新增项目", description = "由本县区的账号新增；同一县区项目名称不能重复。programme 为 PUBLIC_RENTAL（公租房）或 "
            + "AFFORDABLE_RENTAL（保租房）。")
    Estate addEstate(@RequestBody EstateInput e) {
        return stock.saveEstate(Estate.of(e.regionCode(), e.name(), e.address(), e.programme(), e.ownership(), e.projectCode()));
    }

    @PutMapping("/estates/{id}")
    @Requires(Requirement.WRITE_OWN)
    @Operation(summary = "修改项目", description = "须带读取时的 version；其后已被修改则 409（说明由谁于何时修改）。")
    Estate editEstate(@PathVariable long id, @RequestBody EstateInput e) {
        if (e.version() == null) {
            throw new BadInput("缺少 version：请提供读取项目时的版本，以免覆盖他人同时所做的修改");
        }
        return stock.saveEstate(new Estate(id, e.regionCode(), null, e.name(), e.address(), e.programme(), e.ownership(),
                e.projectCode(), e.version(), null, null, null, null, null, null));
    }

    @GetMapping("/dwellings")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "列出房源", description = "每页 200 套，可按项目和状态筛选。statusOn 为 null 的，状态是录入时的状态，起始日期未登记。")
    Stock.Listing dwellings(@RequestParam String region, @RequestParam(required = false) Long estate,
                            @Parameter(description = "VACANT 空置、ALLOCATED 已分配、OCCUPIED 已入住、REPAIR 维修、WITHDRAWN 已退出")
                            @RequestParam(required = false) String status,
                            @Parameter(description = "页码，从 0 开始（0 至 100000）") @RequestParam(defaultValue = "0") int page) {
        return stock.dwellings(region, estate, status(status), page);
    }

    static StockStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return StockStatus.parse(text).orElseThrow(() -> new BadInput("参数 status 的值「" + text + "」不对：应为 VACANT、"
                + "ALLOCATED、OCCUPIED、REPAIR、WITHDRAWN（或 " + StockStatus.choices() + "）"));
    }

    /** A dwelling and every status it had. */
    record DwellingView(Dwelling dwelling, List<DwellingEvent> history, List<StockStep> steps) {
    }

    @GetMapping("/dwellings/{id}")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "查看房源", description = "含状态变更记录（生效日期、操作、原因、操作人）和当前可办理的操作。statusOn 为当前状态"
            + "的生效日期，录入时的状态为 null（起始日期未登记）；录入记录（ENTER）的 effectiveOn 是录入日期，不是该状态的起始日期。")
    DwellingView dwelling(@PathVariable long id) {
        Dwelling d = stock.dwelling(id);
        return new DwellingView(d, stock.history(id), StockStep.from(d.status()));
    }

    /** A dwelling as entered or edited; rentUnit PER_M2_MONTH (元/㎡/月) or PER_DWELLING_MONTH (元/套/月) with any rent. */
    record DwellingInput(Long estateId, String building, String entrance, String roomNo, String address, Integer floor,
                         BigDecimal floorArea, BigDecimal usableArea, String layout, BigDecimal rent, RentUnit rentUnit,
                         StockStatus status, Integer version) {

        Stock.NewDwelling value() {
            return new Stock.NewDwelling(estateId, building, entrance, roomNo, address, floor, floorArea, usableArea, layout,
                    rent, rentUnit, status);
        }
    }

    @PostMapping("/dwellings")
    @Requires(Requirement.WRITE_OWN)
    @Operation(summary = "录入房源", description = "录入一套房源（楼栋不存在则新建），status 为录入时的状态；其起始日期未知，"
            + "statusOn 为 null，直到办理一次状态变更。")
    Dwelling add(@RequestBody DwellingInput d) {
        return stock.add(d.value());
    }

    @PutMapping("/dwellings/{id}")
    @Requires(Requirement.WRITE_OWN)
    @Operation(summary = "修改房源", description = "单元、房号、楼层、面积、户型、租金；须带 version。状态只能通过 /status 变更。")
    Dwelling edit(@PathVariable long id, @RequestBody DwellingInput d) {
        if (d.version() == null) {
            throw new BadInput("缺少 version：请提供读取房源时的版本，以免覆盖他人同时所做的修改");
        }
        return stock.edit(id, d.version(), d.value());
    }

    /** A status step: ALLOCATE, OCCUPY, VACATE, REPAIR, REPAIRED, WITHDRAW, REINSTATE (or 分配, 入住, …). */
    record StepInput(String step, LocalDate effectiveOn, String reason, Integer version) {
    }

    @PostMapping("/dwellings/{id}/status")
    @Requires(Requirement.WRITE_OWN)
    @Operation(summary = "变更房源状态", description = "分配 ALLOCATE（空置→已分配）、入住 OCCUPY（已分配→已入住）、腾退 VACATE"
            + "（已分配/已入住→空置）、转入维修 REPAIR、维修完成 REPAIRED、退出 WITHDRAW（空置/维修→已退出，须说明原因）、恢复 "
            + "REINSTATE；不允许的变更返回 409 并说明当前状态。生效日期 effectiveOn 必填（缺少的拒绝，400，不以当天代替），不晚于今天，"
            + "不早于上次状态变更的日期；录入时的状态起始日期未登记（statusOn 为 null），变更不早于录入日期 enteredOn。")
    Dwelling change(@PathVariable long id, @RequestBody StepInput s) {
        if (s.version() == null) {
            throw new BadInput("缺少 version：请提供读取房源时的版本");
        }
        StockStep step = s.step() == null ? null : StockStep.parse(s.step()).orElseThrow(() -> new BadInput("操作「"
                + s.step() + "」不对：应为 ALLOCATE、OCCUPY、VACATE、REPAIR、REPAIRED、WITHDRAW、REINSTATE"));
        return stock.change(id, s.version(), step, s.effectiveOn(), s.reason());
    }

    @GetMapping("/summary")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "房源统计", description = "月末的房源总数、空置、已分配、已入住、维修、分配率（(已分配+已入住)÷可分配）、入住率、"
            + "历年房源录入率：地区的每个直接下级一行，最后一行为地区本身。未设定历年房源基数的，录入率为未报（historicTotal 为 null）。")
    List<StockCounts> summary(@RequestParam String region, @RequestParam(required = false) String period) {
        return stock.summary(region, period(period));
    }

    static YearMonth period(String text) {
        return text == null || text.isBlank() ? YearMonth.now(org.anju.platform.ChinaTime.ZONE)
                : org.anju.progress.Periods.parse(text);
    }

    @GetMapping("/historic-totals")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "历年房源基数", description = "地区及其下级已设定的历年房源基数（应录入的套数）。")
    List<HistoricTotal> historicTotals(@RequestParam String region) {
        return stock.historicTotals(region);
    }

    record TotalInput(Integer total, String note, Integer version) {
    }

    @PutMapping("/historic-totals/{region}")
    @Requires(Requirement.APPROVE_BELOW)
    @Operation(summary = "设定历年房源基数", description = "由上一级管理员设定（张掖市为其各县区设定）；新设定 version 为 0。")
    HistoricTotal setHistoricTotal(@PathVariable String region, @RequestBody TotalInput t) {
        return stock.setHistoricTotal(region, t.total(), t.note(), t.version() == null ? 0 : t.version());
    }

    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Requires(Requirement.WRITE_OWN)
    @Operation(summary = "导入房源清单", description = "一行一套房源（XLSX、XLS、CSV）。dryRun=true 只预览，不写入；否则全部写入，"
            + "有任何问题则全部不写（400，逐条列出工作表、行、列和改法）。没有“保障类型”列时须给 programme。")
    Object importFile(@RequestPart("file") MultipartFile file, @RequestParam(required = false) String region,
                      @RequestParam(required = false) Programme programme,
                      @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        String name = file.getOriginalFilename();
        return slots.run(() -> {
            byte[] content = ImportSlots.bytes(file); // read once a place is taken
            return dryRun ? stock.preview(name, content, region, programme) : stock.importFile(name, content, region, programme);
        });
    }

    @GetMapping("/export")
    @Requires(Requirement.READ_SCOPED)
    @Operation(summary = "导出房源清单", description = "XLSX，与导入同一格式（县区的导出可原样导入）。")
    ResponseEntity<byte[]> export(@RequestParam String region) {
        return download(stock.export(region), "房源清单-" + region + ".xlsx");
    }

    @GetMapping("/template")
    @Requires(Requirement.AUTHENTICATED)
    @Operation(summary = "下载导入模板")
    ResponseEntity<byte[]> template() {
        return download(stock.template(), "房源清单导入模板.xlsx");
    }

    static ResponseEntity<byte[]> download(byte[] content, String name) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(content);
    }
}
