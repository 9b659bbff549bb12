package org.anju.bulletin;

import org.anju.account.Requirement;
import org.anju.account.Requires;
import org.anju.platform.NotFound;
import org.anju.progress.Periods;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** REST of bulletin drafts and issued versions ({@link BulletinDrafts}); every change names the draft version it read. */
@io.swagger.v3.oas.annotations.tags.Tag(name = "通报草稿与签发", description = "通报草稿（逐节修改、刷新计算数据、单位顺序）、签发、已签发通报及更正")
@RestController
@RequestMapping("/api/bulletins")
class BulletinDraftController {

    private final BulletinDrafts drafts;

    BulletinDraftController(BulletinDrafts drafts) {
        this.drafts = drafts;
    }

    /** The region's draft of the month (404 when none: create it with POST). */
    @GetMapping("/drafts")
    @Requires(Requirement.READ_SCOPED)
    BulletinDraft find(@RequestParam String region, @RequestParam String period) {
        return drafts.find(region, Periods.parse(period))
                .orElseThrow(() -> new NotFound(region + " " + period + " 还没有通报草稿：用 POST /api/bulletins/drafts 从数据生成"));
    }

    record NewDraft(String region, String period) {
    }

    @PostMapping("/drafts")
    @Requires(Requirement.WRITE_OWN)
    BulletinDraft create(@RequestBody NewDraft d) {
        return drafts.create(d.region(), Periods.parse(d.period()));
    }

    @GetMapping("/drafts/{id}")
    @Requires(Requirement.READ_SCOPED)
    BulletinDraft get(@PathVariable long id) {
        return drafts.draft(id);
    }

    /** The document the draft makes now (head, parts, tables). */
    @GetMapping("/drafts/{id}/bulletin")
    @Requires(Requirement.READ_SCOPED)
    Bulletin bulletin(@PathVariable long id) {
        return drafts.bulletin(drafts.draft(id));
    }

    /** The DOCX of the draft as stored at {@code version} (409 when it changed since). */
    @GetMapping("/drafts/{id}/docx")
    @Requires(Requirement.READ_SCOPED)
    ResponseEntity<byte[]> docx(@PathVariable long id, @RequestParam int version) {
        BulletinDraft d = drafts.draft(id);
        return BulletinController.file(drafts.docx(id, version), BulletinController.DOCX,
                drafts.fileName(d.regionCode(), d.period(), "（草稿第" + version + "版）", "docx"));
    }

    /** The PDF of the draft as stored at {@code version} (409 when it changed since). */
    @GetMapping("/drafts/{id}/pdf")
    @Requires(Requirement.READ_SCOPED)
    ResponseEntity<byte[]> pdf(@PathVariable long id, @RequestParam int version) {
        BulletinDraft d = drafts.draft(id);
        return BulletinController.file(drafts.pdf(id, version), BulletinController.PDF,
                drafts.fileName(d.regionCode(), d.period(), "（草稿第" + version + "版）", "pdf"));
    }

    record Version(int version) {
    }

    @PostMapping("/drafts/{id}/refresh")
    @Requires(Requirement.WRITE_OWN)
    BulletinDraft refresh(@PathVariable long id, @RequestBody Version v) {
        return drafts.refresh(id, v.version());
    }

    record HeadChange(int version, String issuer, String documentNumber, String addressee, LocalDate dated, String copyTo,
                      String printedBy, LocalDate printedOn, String correctionNote) {
    }

    @PutMapping("/drafts/{id}/head")
    @Requires(Requirement.WRITE_OWN)
    BulletinDraft head(@PathVariable long id, @RequestBody HeadChange h) {
        return drafts.saveHead(id, h.version(), new BulletinDraft.Head(h.issuer(), h.documentNumber(), h.addressee(), h.dated(),
                h.copyTo(), h.printedBy(), h.printedOn()), h.correctionNote());
    }

    /** A part's new text ({@code key} from the draft; blank text of a computed part = back to the computed text). */
    record SectionChange(int version, String key, String heading, String text) {
    }

    @PutMapping("/drafts/{id}/section")
    @Requires(Requirement.WRITE_OWN)
    BulletinDraft section(@PathVariable long id, @RequestBody SectionChange c) {
        return drafts.editSection(id, c.version(), c.key(), c.heading(), c.text());
    }

    record SectionKey(int version, String key) {
    }

    @PostMapping("/drafts/{id}/section/restore")
    @Requires(Requirement.WRITE_OWN)
    BulletinDraft restore(@PathVariable long id, @RequestBody SectionKey k) {
        return drafts.restore(id, k.version(), k.key());
    }

    @PostMapping("/drafts/{id}/section/remove")
    @Requires(Requirement.WRITE_OWN)
    BulletinDraft remove(@PathVariable long id, @RequestBody SectionKey k) {
        return drafts.removeSection(id, k.version(), k.key());
    }

    record NewSection(int version, DraftSection.Kind kind, String heading, String text) {
    }

    @PostMapping("/drafts/{id}/sections")
    @Requires(Requirement.WRITE_OWN)
    BulletinDraft add(@PathVariable long id, @RequestBody NewSection s) {
        return drafts.addSection(id, s.version(), s.kind(), s.heading(), s.text());
    }

    record Order(int version, List<String> units) {
    }

    @PutMapping("/drafts/{id}/order")
    @Requires(Requirement.WRITE_OWN)
    BulletinDraft order(@PathVariable long id, @RequestBody Order o) {
        return drafts.order(id, o.version(), o.units());
    }

    /** Discards the draft at {@code version} (nothing issued is touched): a stray draft never blocks a correction. */
    @PostMapping("/drafts/{id}/discard")
    @Requires(Requirement.WRITE_OWN)
    ResponseEntity<Void> discard(@PathVariable long id, @RequestBody Version v) {
        drafts.discard(id, v.version());
        return ResponseEntity.noContent().build();
    }

    record Issue(int version, String documentNumber, LocalDate signedOn) {
    }

    @PostMapping("/drafts/{id}/issue")
    @Requires(Requirement.ISSUE)
    IssuedBulletin issue(@PathVariable long id, @RequestBody Issue i) {
        try {
            return drafts.issue(id, i.version(), i.documentNumber(), i.signedOn());
        } catch (org.anju.platform.NotFound gone) {
            // a client retrying after a timeout: the draft was deleted when it was issued — the same 签发 is answered
            // with what it became; another 文号 is not taken for it (the page does the same: BulletinPages.issue)
            IssuedBulletin done = drafts.issuedFromDraft(id).orElseThrow(() -> gone);
            List<String> differ = BulletinDrafts.differences(done, i.documentNumber(), i.signedOn());
            if (!differ.isEmpty()) {
                throw new org.anju.platform.Conflict("通报草稿 " + id + " 已于 " + org.anju.platform.ChinaTime.atMinute(done.issuedAt())
                        + " 签发为" + done.documentNumber() + "（" + org.anju.platform.Titles.date(done.signedOn()) + "签发，已签发通报 "
                        + done.id() + "），不是本次给出的" + String.join("、", differ) + "：未再次签发；如需改正，请对已签发的通报发更正");
            }
            return done;
        }
    }

    /** A page of the issued versions the user may read, newest first ({@code page} from 1, {@code size} 20/50/100/200). */
    @GetMapping("/issued")
    @Requires(Requirement.READ_ISSUED)
    org.anju.platform.Page<IssuedBulletin> issued(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
                                                  @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        return drafts.issuedPage(region, year, org.anju.platform.PageRequest.parse(page, size));
    }

    @GetMapping("/issued/{id}")
    @Requires(Requirement.READ_ISSUED)
    IssuedBulletin issued(@PathVariable long id) {
        return drafts.issued(id);
    }

    /** The DOCX exactly as rendered at issue (its SHA-256 is in the issued version). */
    @GetMapping("/issued/{id}/docx")
    @Requires(Requirement.READ_ISSUED)
    ResponseEntity<byte[]> issuedDocx(@PathVariable long id) {
        IssuedBulletin i = drafts.issued(id);
        ResponseEntity<byte[]> file = BulletinController.file(drafts.issuedDocx(id), BulletinController.DOCX,
                drafts.fileName(i.regionCode(), i.period(), "（" + i.documentNumber() + "）", "docx"));
        return ResponseEntity.ok().headers(file.getHeaders()).header("X-Content-SHA256", i.sha256()).body(file.getBody());
    }

    /** The PDF of an issued version, rendered from its stored content and 版记. */
    @GetMapping("/issued/{id}/pdf")
    @Requires(Requirement.READ_ISSUED)
    ResponseEntity<byte[]> issuedPdf(@PathVariable long id) {
        IssuedBulletin i = drafts.issued(id);
        return BulletinController.file(drafts.issuedPdf(id), BulletinController.PDF,
                drafts.fileName(i.regionCode(), i.period(), "（" + i.documentNumber() + "）", "pdf"));
    }

    /** A new draft correcting the issued version (the newest of its chain). */
    @PostMapping("/issued/{id}/correction")
    @Requires(Requirement.ISSUE)
    BulletinDraft correct(@PathVariable long id) {
        return drafts.correct(id);
    }
}
