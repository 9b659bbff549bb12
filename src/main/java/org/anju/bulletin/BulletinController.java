package org.anju.bulletin;

import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.progress.Periods;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * REST: a bulletin as composed from the data now (未签发: no one issued it) as JSON, DOCX, PDF or XLSX. Drafts and issued
 * versions: {@link BulletinDraftController}.
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "通报", description = "进展情况通报：预览、Word（DOCX）、PDF 和附件表格（XLSX）")
@RestController
@RequestMapping("/api/bulletins/{region}/{period}")
class BulletinController {

    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final MediaType PDF = MediaType.APPLICATION_PDF;
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Bulletins bulletins;

    BulletinController(Bulletins bulletins) {
        this.bulletins = bulletins;
    }

    @GetMapping
    @Requires(Requirement.READ_SCOPED)
    Bulletin json(@PathVariable String region, @PathVariable String period, @RequestParam(required = false) String issuer,
                  @RequestParam(required = false) String number, @RequestParam(required = false) LocalDate date) {
        return bulletins.compose(region, Periods.parse(period), new BulletinOptions(issuer, number, date));
    }

    @GetMapping("/docx")
    @Requires(Requirement.READ_SCOPED)
    ResponseEntity<byte[]> docx(@PathVariable String region, @PathVariable String period, @RequestParam(required = false) String issuer,
                                @RequestParam(required = false) String number, @RequestParam(required = false) LocalDate date,
                                @RequestParam(required = false) String copyTo, @RequestParam(required = false) String printedBy,
                                @RequestParam(required = false) LocalDate printedOn) {
        var p = Periods.parse(period);
        var options = new BulletinOptions(issuer, number, date, BulletinOptions.copyToList(copyTo), printedBy, printedOn);
        return file(bulletins.docx(region, p, options), DOCX, bulletins.fileName(region, p, "docx"));
    }

    /** The same 公文 as PDF (embedded fonts), with the same parameters as the Word file. */
    @GetMapping("/pdf")
    @Requires(Requirement.READ_SCOPED)
    ResponseEntity<byte[]> pdf(@PathVariable String region, @PathVariable String period, @RequestParam(required = false) String issuer,
                               @RequestParam(required = false) String number, @RequestParam(required = false) LocalDate date,
                               @RequestParam(required = false) String copyTo, @RequestParam(required = false) String printedBy,
                               @RequestParam(required = false) LocalDate printedOn) {
        var p = Periods.parse(period);
        var options = new BulletinOptions(issuer, number, date, BulletinOptions.copyToList(copyTo), printedBy, printedOn);
        return file(bulletins.pdf(region, p, options), PDF, bulletins.fileName(region, p, "pdf"));
    }

    @GetMapping("/xlsx")
    @Requires(Requirement.READ_SCOPED)
    ResponseEntity<byte[]> xlsx(@PathVariable String region, @PathVariable String period, @RequestParam(required = false) String issuer,
                                @RequestParam(required = false) String number, @RequestParam(required = false) LocalDate date) {
        var p = Periods.parse(period);
        return file(bulletins.xlsx(region, p, new BulletinOptions(issuer, number, date)), XLSX, bulletins.fileName(region, p, "xlsx"));
    }

    static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(content);
    }
}
