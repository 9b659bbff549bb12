package org.anju.bulletin;

import org.anju.account.Access;
import org.anju.platform.BadInput;
import org.anju.platform.ChinaTime;
import org.anju.platform.ConcurrentUpdateException;
import org.anju.platform.Conflict;
import org.anju.platform.Denied;
import org.anju.platform.NotFound;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Bulletins as documents with a life (issue 14): a draft per region and month, made from the composed data by the
 * region's writers, edited part by part, refreshed from the data (edits kept, flagged where the figures under them
 * changed), then issued as an immutable version with its DOCX and SHA-256; a correction is a new draft from an issued
 * version, issued as the next edition with a 更正说明. Checks access itself: drafts are read where the region's data is
 * read (the region and above) and written by the region's writers; what was issued is read also by the units it was
 * issued to ({@link Access#canReadIssuedBy}).
 */
@Service
public class BulletinDrafts {

    /** Key of the 下一步工作重点 part. */
    static final String NEXT_STEPS_KEY = "next-steps";

    private final BulletinComposer composer;
    private final Regions regions;
    private final Access access;
    private final BulletinDocumentRepository store;
    private final BulletinProse prose;
    private final BulletinWording words;
    private final org.anju.document.DocumentFonts fonts;

    private final org.anju.account.Users users;

    BulletinDrafts(BulletinComposer composer, Regions regions, Access access, BulletinDocumentRepository store,
                   org.anju.document.DocumentFonts fonts, org.anju.account.Users users) {
        this.users = users;
        this.fonts = fonts;
        this.composer = composer;
        this.regions = regions;
        this.access = access;
        this.store = store;
        this.words = BulletinWording.load();
        this.prose = new BulletinProse(words);
    }

    // -------------------------------------------------------------------------------------------- reading drafts

    /** The region's draft of the month, if any (read: the region and the levels above). */
    public Optional<BulletinDraft> find(String regionCode, YearMonth period) {
        Region region = region(regionCode);
        checkReadDraft(region);
        return store.draft(region.id(), period);
    }

    public BulletinDraft draft(long id) {
        BulletinDraft d = store.draft(id).orElseThrow(() -> new NotFound("通报草稿不存在：" + id + "（可能已签发，请到已签发通报中查看）"));
        checkReadDraft(region(d.regionCode()));
        return d;
    }

    /** Whether the current user may edit (and discard) the region's draft. */
    public boolean canWrite(String regionCode) {
        return access.canWrite(region(regionCode));
    }

    /** Whether the current user may issue (签发) and correct the region's bulletin: its own administrator. */
    public boolean canIssue(String regionCode) {
        return access.canIssue(region(regionCode));
    }

    /**
     * The month's issued bulletin of the region in force (the newest edition of its chain), if one was issued and the
     * current user may read it.
     */
    public Optional<IssuedBulletin> issuedOf(String regionCode, YearMonth period) {
        Region region = region(regionCode);
        if (!access.canReadIssuedBy(region)) {
            return Optional.empty();
        }
        return store.currentIssued(region.id(), period);
    }

    /** The document the draft makes: its head, its parts in order, the tables as composed at the last refresh. */
    public Bulletin bulletin(BulletinDraft d) {
        if (d.composed() == null) {
            throw new Conflict("草稿还没有取入计算数据（由原“下一步工作重点”迁移而来）：请先点“刷新计算数据”");
        }
        Bulletin c = d.composed();
        List<Bulletin.Section> progress = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> nextSteps = List.of();
        for (DraftSection s : d.sections()) {
            List<String> paragraphs = s.paragraphs();
            if (paragraphs.isEmpty()) {
                continue;
            }
            switch (s.kind()) {
                case PROGRESS -> progress.add(new Bulletin.Section(s.heading(), paragraphs, List.of()));
                case PROBLEM -> problems.add(words.fill("problem.numbered", "序号", BulletinProse.NUMBERS[Math.min(problems.size(),
                        BulletinProse.NUMBERS.length - 1)], "问题", String.join("", paragraphs)));
                case NEXT_STEPS -> nextSteps = paragraphs;
            }
        }
        BulletinDraft.Head h = d.head();
        Bulletin b = new Bulletin(c.regionCode(), c.regionName(), c.period(), h.issuer(), blankToNull(h.documentNumber()), c.title(),
                h.addressee(), c.opening(), prose.body(progress, problems), List.copyOf(problems), c.tables(), h.dated());
        return nextSteps.isEmpty() ? b : b.withSection(Bulletins.NEXT_STEPS, nextSteps);
    }

    /**
     * The draft's DOCX exactly as stored at {@code version}: a link names the version it was made for, so what is
     * downloaded is what the page showed.
     */
    public byte[] docx(long id, int version) {
        BulletinDraft d = downloadable(id, version);
        return render(bulletin(d), d.head());
    }

    /** The draft's PDF at {@code version}, laid out as its Word file. */
    public byte[] pdf(long id, int version) {
        BulletinDraft d = downloadable(id, version);
        Bulletin b = bulletin(d);
        return BulletinDocument.pdf(b, colophon(b, d.head()), fonts);
    }

    private BulletinDraft downloadable(long id, int version) {
        BulletinDraft d = draft(id);
        if (d.version() != version) {
            // a link ahead of the draft was not made stale by a change: the draft never had that version
            throw new ConcurrentUpdateException(org.anju.account.LastChange.refusal("通报草稿", version, d.version(),
                    () -> changed(d), "请刷新页面后再下载", "链接的版本"));
        }
        if (d.head().dated() == null) {
            throw new BadInput("请先在文头填写成文日期再下载");
        }
        return d;
    }

    /** File name of a draft's or an issued version's document. */
    public String fileName(String regionCode, YearMonth period, String suffix, String extension) {
        return region(regionCode).name() + period.getYear() + "年" + period.getMonthValue() + "月保障性安居工程进展情况通报"
                + suffix + "." + extension;
    }

    // -------------------------------------------------------------------------------------------- writing drafts

    /** A new draft from the data, with the default head (发文机关, 主送 by the region's kind; 成文日期 left to the official). */
    @Transactional
    public BulletinDraft create(String regionCode, YearMonth period) {
        Region region = region(regionCode);
        access.checkWrite(region);
        store.currentIssued(region.id(), period).ifPresent(i -> {
            throw new Conflict(region.name() + when(period) + "的通报已签发（" + i.documentNumber() + "，" + org.anju.platform.Titles.date(i.signedOn())
                    + "签发），不能再生成草稿：要改动请在该通报上点“更正本通报”");
        });
        List<String> order = composer.units(region).stream().map(Region::code).toList();
        String issuer = Bulletins.defaultIssuer(region);
        Bulletin composed = composer.compose(region, period, issuer, null, null, order);
        BulletinDraft.Head head = new BulletinDraft.Head(issuer, null, composed.addressee(), null, null, issuer, null);
        List<DraftSection> sections = new ArrayList<>(decompose(composed));
        sections.add(new DraftSection(NEXT_STEPS_KEY, DraftSection.Kind.NEXT_STEPS, Bulletins.NEXT_STEPS, null, null, false, null));
        long id = store.insert(region.id(), period, null, head, order, sections, composed, by())
                .orElseThrow(() -> new Conflict(region.name() + when(period) + "的通报已有草稿，请刷新页面后在草稿上修改"));
        return store.draft(id).orElseThrow();
    }

    /** Takes in the figures as they stand now: untouched parts follow them, edits stay and are flagged where the text under them changed. */
    @Transactional
    public BulletinDraft refresh(long id, int version) {
        BulletinDraft d = writable(id);
        Region region = region(d.regionCode());
        BulletinDraft.Head h = d.head();
        String issuer = h.issuer() == null ? Bulletins.defaultIssuer(region) : h.issuer();
        List<String> order = d.unitOrder().isEmpty() ? composer.units(region).stream().map(Region::code).toList() : d.unitOrder();
        Bulletin composed = composer.compose(region, d.period(), issuer, null, null, order);
        List<DraftSection> fresh = decompose(composed);
        List<DraftSection> merged = new ArrayList<>();
        Set<String> freshKeys = new HashSet<>();
        for (DraftSection.Kind kind : List.of(DraftSection.Kind.PROGRESS, DraftSection.Kind.PROBLEM)) {
            for (DraftSection f : fresh) {
                if (f.kind() != kind) {
                    continue;
                }
                freshKeys.add(f.key());
                merged.add(d.sections().stream().filter(s -> s.key().equals(f.key())).findFirst().map(s -> s.refreshed(f)).orElse(f));
            }
            for (DraftSection s : d.sections()) {
                if (s.kind() == kind && !freshKeys.contains(s.key()) && (s.byHand() || s.edited())) {
                    // written by hand, or edited and no longer computed (the figures went away): kept, flagged
                    merged.add(s.byHand() ? s : new DraftSection(s.key(), s.kind(), s.heading(), null, s.text(), true, s.computed()));
                }
            }
        }
        d.sections().stream().filter(s -> s.kind() == DraftSection.Kind.NEXT_STEPS).findFirst().ifPresentOrElse(merged::add,
                () -> merged.add(new DraftSection(NEXT_STEPS_KEY, DraftSection.Kind.NEXT_STEPS, Bulletins.NEXT_STEPS, null, null, false, null)));
        BulletinDraft.Head head = new BulletinDraft.Head(issuer, h.documentNumber(), h.addressee() == null ? composed.addressee() : h.addressee(),
                h.dated(), h.copyTo(), h.printedBy() == null ? issuer : h.printedBy(), h.printedOn());
        return save(with(d, head, d.correctionNote(), order, merged, composed, OffsetDateTime.now()), version);
    }

    /** The head fields and, for a correction, the official's 更正说明. */
    @Transactional
    public BulletinDraft saveHead(long id, int version, BulletinDraft.Head head, String correctionNote) {
        BulletinDraft d = writable(id);
        String issuer = clean(required(head.issuer(), "发文机关"), "发文机关");
        String addressee = clean(required(head.addressee(), "主送机关"), "主送机关");
        BulletinDraft.Head h = new BulletinDraft.Head(issuer, optional(head.documentNumber(), "发文字号", 100), addressee, head.dated(),
                optional(head.copyTo(), "抄送", 500), optional(head.printedBy(), "印发机关", 100), head.printedOn());
        return save(with(d, h, optional(correctionNote, "更正说明", 2000), d.unitOrder(), d.sections(), d.composed(), d.composedAt()), version);
    }

    /** The official's text of one part (blank for a computed part: back to the computed text); a hand part may be renamed. */
    @Transactional
    public BulletinDraft editSection(long id, int version, String key, String heading, String text) {
        BulletinDraft d = writable(id);
        DraftSection s = section(d, key, version);
        String t = text == null ? "" : clean(text, label(s)).strip();
        if (t.length() > DraftSection.MAX_LENGTH) {
            throw new BadInput("“" + label(s) + "”过长：" + t.length() + " 字，最多 " + DraftSection.MAX_LENGTH + " 字");
        }
        DraftSection changed = s.withText(t.isEmpty() && !s.byHand() ? null : t);
        if (s.byHand() && s.kind() == DraftSection.Kind.PROGRESS && heading != null) {
            changed = changed.withHeading(clean(required(heading, "小节标题"), "小节标题"));
        }
        return save(replace(d, key, changed), version);
    }

    /** 恢复为计算文本: drops the official's text of a computed part. */
    @Transactional
    public BulletinDraft restore(long id, int version, String key) {
        BulletinDraft d = writable(id);
        DraftSection s = section(d, key, version);
        if (s.byHand()) {
            throw new BadInput("“" + label(s) + "”是手写的部分，没有计算文本可恢复；不要它可以删除");
        }
        return save(replace(d, key, s.withText(null)), version);
    }

    /** Adds a part by hand: a subsection (e.g. （七）审计问题…) or a problem (三是…). */
    @Transactional
    public BulletinDraft addSection(long id, int version, DraftSection.Kind kind, String heading, String text) {
        BulletinDraft d = writable(id);
        if (kind == null || kind == DraftSection.Kind.NEXT_STEPS) {
            throw new BadInput("只能添加“目标任务及进展情况”的小节或“存在的问题”的一条");
        }
        String t = clean(required(text, "正文"), "正文");
        if (t.length() > DraftSection.MAX_LENGTH) {
            throw new BadInput("正文过长：" + t.length() + " 字，最多 " + DraftSection.MAX_LENGTH + " 字");
        }
        String h = kind == DraftSection.Kind.PROGRESS ? clean(required(heading, "小节标题"), "小节标题") : null;
        int n = 1 + d.sections().stream().filter(s -> s.key().startsWith("hand:"))
                .mapToInt(s -> Integer.parseInt(s.key().substring(5))).max().orElse(0);
        List<DraftSection> sections = new ArrayList<>();
        boolean placed = false;
        DraftSection added = new DraftSection("hand:" + n, kind, h, null, t, false, null);
        for (int i = 0; i < d.sections().size(); i++) {
            DraftSection s = d.sections().get(i);
            sections.add(s);
            boolean lastOfKind = s.kind() == kind && (i + 1 == d.sections().size() || d.sections().get(i + 1).kind() != kind);
            if (lastOfKind && !placed) {
                sections.add(added);
                placed = true;
            }
        }
        if (!placed) {      // no part of that kind yet: before the ones that follow it
            int at = kind == DraftSection.Kind.PROGRESS ? 0 : (int) sections.stream().filter(s -> s.kind() == DraftSection.Kind.PROGRESS).count();
            sections.add(at, added);
        }
        return save(with(d, d.head(), d.correctionNote(), d.unitOrder(), sections, d.composed(), d.composedAt()), version);
    }

    /** Removes a part written by hand (computed parts are not removed: their text can be edited). */
    @Transactional
    public BulletinDraft removeSection(long id, int version, String key) {
        BulletinDraft d = writable(id);
        if (version < d.version() && java.util.Objects.equals(by(), d.updatedBy()) && d.sections().stream().noneMatch(x -> x.key().equals(key))) {
            return d;   // removed again (a double-click, Back + resubmit) after this user's own removal: it is gone
        }
        DraftSection s = section(d, key, version);
        if (!s.byHand() || s.kind() == DraftSection.Kind.NEXT_STEPS) {
            throw new BadInput("“" + label(s) + "”由数据生成，不能删除；可以修改其文字");
        }
        List<DraftSection> sections = d.sections().stream().filter(x -> !x.key().equals(key)).toList();
        return save(with(d, d.head(), d.correctionNote(), d.unitOrder(), sections, d.composed(), d.composedAt()), version);
    }

    /** The order of the units in the text and tables: every unit of the region once, by code; recomposes. */
    @Transactional
    public BulletinDraft order(long id, int version, List<String> codes) {
        BulletinDraft d = writable(id);
        Region region = region(d.regionCode());
        List<String> units = composer.units(region).stream().map(Region::code).toList();
        if (codes == null || codes.isEmpty()) {
            throw new BadInput("请给出单位顺序：列出" + region.name() + "所辖全部 " + units.size() + " 个单位的地区代码");
        }
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i) == null || codes.get(i).isBlank()) {
                throw new BadInput("单位顺序中有空的地区代码（第 " + (i + 1) + " 项）：每一项都应是所辖单位的地区代码");
            }
        }
        List<String> given = codes.stream().map(String::strip).toList();
        if (given.size() != new HashSet<>(given).size()) {
            throw new BadInput("单位顺序中有重复的地区代码，每个单位只能出现一次");
        }
        List<String> unknown = given.stream().filter(c -> !units.contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw new BadInput("单位顺序中的 " + String.join("、", unknown) + " 不是" + region.name() + "所辖的通报单位");
        }
        List<String> missing = units.stream().filter(c -> !given.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new BadInput("单位顺序缺少 " + String.join("、", missing.stream().map(c -> regions.byCode(c).map(Region::name).orElse(c)).toList())
                    + "：请列出全部 " + units.size() + " 个单位");
        }
        Saved ordered = write(with(d, d.head(), d.correctionNote(), given, d.sections(), d.composed(), d.composedAt()), version);
        return d.composed() == null || !ordered.written() ? ordered.draft() : refresh(id, ordered.draft().version());
    }

    /** Discards the draft (the data and what was issued stay). */
    @Transactional
    public void discard(long id, int version) {
        BulletinDraft d = writable(id);
        if (!store.delete(d.id(), version)) {
            throw stale(d, version);
        }
    }

    // -------------------------------------------------------------------------------------------- issuing

    /**
     * Issues the draft as it stands at {@code version}: an immutable version with the 文号 and 签发 date, its content,
     * the DOCX rendered now and its SHA-256; the draft is then gone (a later change is a correction).
     */
    @Transactional
    public IssuedBulletin issue(long id, int version, String documentNumber, LocalDate signedOn) {
        BulletinDraft d = writable(id);
        access.checkIssue(region(d.regionCode()));
        if (d.version() != version) {
            throw stale(d, version);
        }
        String number = clean(required(documentNumber, "文号"), "文号");
        if (number.length() > 100) {
            throw new BadInput("文号过长：最多 100 字");
        }
        if (signedOn == null) {
            throw new BadInput("请填写签发日期");
        }
        if (signedOn.isAfter(LocalDate.now(ChinaTime.ZONE))) {
            throw new BadInput("签发日期 " + signedOn + " 在今天之后：请填写实际签发的日期");
        }
        if (d.head().dated() == null) {
            throw new BadInput("请先在文头填写成文日期再签发");
        }
        if (!d.stale().isEmpty()) {
            throw new Conflict("刷新数据后，以下部分的计算文本已变化、但仍是修改前的文字，请核对后保存（或恢复为计算文本）再签发："
                    + String.join("、", d.stale().stream().map(BulletinDrafts::label).toList()));
        }
        Region region = region(d.regionCode());
        Optional<IssuedBulletin> twin = issuedTwin(d, number, signedOn, region);
        if (twin.isPresent()) {
            return twin.get();
        }
        if (d.corrects() == null) {
            store.currentIssued(region.id(), d.period()).ifPresent(i -> {
                throw new Conflict(region.name() + when(d.period()) + "的通报已签发（" + i.documentNumber()
                        + "），本草稿不能再作为第一版签发：请删除本草稿，在已签发的通报上点“更正本通报”");
            });
        }
        Bulletin content = bulletin(d);
        content = new Bulletin(content.regionCode(), content.regionName(), content.period(), content.issuer(), number, content.title(),
                content.addressee(), content.opening(), content.sections(), content.problems(), content.tables(), content.date());
        IssuedBulletin corrected = null;
        List<String> changes = List.of();
        String note = null;
        if (d.corrects() != null) {
            corrected = store.issued(d.corrects()).orElseThrow();
            if (!corrected.current()) {
                throw new Conflict("被更正的" + corrected.documentNumber() + "已由" + issuedLabel(corrected.supersededBy()) + "更正，请在最新版本上更正");
            }
            changes = BulletinChanges.between(corrected.content(), content);
            if (changes.isEmpty()) {
                throw new BadInput("与" + corrected.documentNumber() + "相比没有改动，不必更正");
            }
            note = required(d.correctionNote(), "更正说明");
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add("本通报更正" + corrected.documentNumber() + "（" + org.anju.platform.Titles.date(corrected.signedOn()) + "签发），以本通报为准。" + note);
            paragraphs.addAll(changes.stream().map(c -> "更正：" + c + "。").toList());
            content = content.withSection("更正说明", paragraphs);
        }
        store.lockIssuer(region.id());
        twin = issuedTwin(d, number, signedOn, region);   // issued while this one waited for the lock
        if (twin.isPresent()) {
            return twin.get();
        }
        int year = signedOn.getYear();
        byte[] docx = render(content, d.head());
        long issuedId;
        try {
            issuedId = store.insert(new BulletinDocumentRepository.NewIssue(region.id(), d.period(), year, store.nextSerial(region.id(), year),
                    corrected == null ? 1 : corrected.edition() + 1, corrected == null ? null : corrected.id(), number, signedOn, by(),
                    content, note, changes, d.head().copyTo(), d.head().printedBy(), d.head().printedOn(), docx, sha256(docx),
                    d.id()));
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // who is not known here: the refused insert ended the transaction's reads
            throw new Conflict(corrected == null ? region.name() + when(d.period()) + "的通报刚刚已签发，请刷新后查看（要改动请更正）"
                    : "被更正的版本刚刚已被更正，请刷新后查看");
        }
        if (!store.delete(d.id(), version)) {
            throw stale(d, version);
        }
        return store.issued(issuedId).orElseThrow();
    }

    /**
     * The version this draft was issued as by a twin of this 签发 (a double-click, a retry racing the original) that
     * committed after this one read the draft: what it became when it is this user's with the same 文号, else refused
     * naming who issued it and when (it was "刚刚已由他人签发" even when the user's own first click had).
     */
    private Optional<IssuedBulletin> issuedTwin(BulletinDraft d, String number, LocalDate signedOn, Region region) {
        Optional<IssuedBulletin> done = store.issuedFromDraft(d.id()).flatMap(store::issued);
        if (done.isEmpty() || java.util.Objects.equals(by(), done.get().issuedBy()) && differences(done.get(), number, signedOn).isEmpty()) {
            return done;
        }
        IssuedBulletin i = done.get();
        throw new Conflict(region.name() + when(d.period()) + "的通报刚刚已由" + who(i.issuedBy()) + "于 "
                + ChinaTime.spoken(i.issuedAt()) + "签发为" + i.documentNumber() + "，未再次签发；请刷新后查看（要改动请更正）");
    }

    /**
     * What a 签发 sent again gives that differs from what the draft was issued as — "文号饶建〔2024〕2号", "签发日期2024年1月11日"
     * — not taken for the same 签发 (review 23 L8: a retry with another date was answered with the issued bulletin, as
     * if its date had been taken); empty when everything it gives is as issued.
     */
    public static List<String> differences(IssuedBulletin done, String number, LocalDate signedOn) {
        List<String> d = new ArrayList<>();
        if (number != null && !number.isBlank() && !number.strip().equals(done.documentNumber())) {
            d.add("文号" + number.strip());
        }
        if (signedOn != null && !signedOn.equals(done.signedOn())) {
            d.add("签发日期" + org.anju.platform.Titles.date(signedOn));
        }
        return d;
    }

    /** A new draft to correct an issued version (the newest of its chain), starting from its text as issued. */
    @Transactional
    public BulletinDraft correct(long issuedId) {
        IssuedBulletin i = issued(issuedId);
        Region region = region(i.regionCode());
        access.checkIssue(region);
        if (!i.current()) {
            throw new Conflict(i.documentNumber() + "已由" + issuedLabel(i.supersededBy()) + "更正，请在最新版本上更正");
        }
        Bulletin c = withoutCorrectionSection(i.content());
        // 成文日期 left empty: the correction is a new document, its date is the official's to set (never the old one silently)
        BulletinDraft.Head head = new BulletinDraft.Head(c.issuer(), null, c.addressee(), null, null, c.issuer(), null);
        List<DraftSection> sections = new ArrayList<>(decompose(c));
        sections.add(new DraftSection(NEXT_STEPS_KEY, DraftSection.Kind.NEXT_STEPS, Bulletins.NEXT_STEPS, null,
                c.sections().stream().filter(s -> BulletinChanges.unnumbered(s.heading()).equals(Bulletins.NEXT_STEPS)).findFirst()
                        .map(s -> String.join("\n", s.paragraphs())).orElse(null), false, null));
        long id = store.insert(region.id(), i.period(), i.id(), head, List.of(), sections, c, by())
                .orElseThrow(() -> new Conflict(region.name() + when(i.period()) + "的通报已有草稿：请先签发或删除（放弃）该草稿，再更正"));
        return store.draft(id).orElseThrow();
    }

    // -------------------------------------------------------------------------------------------- issued versions

    /**
     * The version draft {@code draftId} was issued as (the draft is gone then), for a 签发 sent again; empty when the
     * draft was never issued (discarded, or no such id). Read on the primary (a read-write transaction): an API client
     * retrying without a session has no position to wait for, and a lagging replica would answer 404 again.
     */
    @org.springframework.transaction.annotation.Transactional
    public Optional<IssuedBulletin> issuedFromDraft(long draftId) {
        return store.issuedFromDraft(draftId).map(this::issued);
    }

    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public IssuedBulletin issued(long id) {
        IssuedBulletin i = store.issued(id).orElseThrow(() -> new NotFound("已签发的通报不存在：" + id));
        access.checkReadIssuedBy(region(i.regionCode()));
        return i;
    }

    /** The DOCX exactly as rendered at issue. */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public byte[] issuedDocx(long id) {
        issued(id);
        return store.docx(id).orElseThrow();
    }

    /**
     * Issued versions the current user may read, newest first: of {@code regionCode} (null: any) and the month's
     * {@code year} (null: any) — the first page.
     */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public List<IssuedBulletin> issuedList(String regionCode, Integer year) {
        return issuedPage(regionCode, year, org.anju.platform.PageRequest.first()).items();
    }

    /**
     * A page of the issued versions the current user may read ({@link Access#canReadIssuedBy}, filtered in SQL before
     * the page is cut), newest first: of {@code regionCode} (null or blank: any) and the month's {@code year} (null: any).
     */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public org.anju.platform.Page<IssuedBulletin> issuedPage(String regionCode, Integer year, org.anju.platform.PageRequest page) {
        Integer regionId = regionCode == null || regionCode.isBlank() ? null : region(regionCode.strip()).id();
        if (year != null && (year < 2000 || year > 2100)) {
            throw new BadInput("通报年份应为 2000 到 2100 之间的年份，收到 " + year);
        }
        org.anju.account.Actor a = access.current();
        if (!a.system() && !a.signedIn()) {
            return org.anju.platform.Page.of(page, 0, List.of());
        }
        return store.issued(a.system() ? null : a.region().id(), regionId, year, page);
    }

    /** The correction chain of an issued version: first edition first. */
    public List<IssuedBulletin> chain(IssuedBulletin i) {
        List<IssuedBulletin> chain = new ArrayList<>();
        IssuedBulletin at = i;
        while (at.supersedes() != null) {
            at = store.issued(at.supersedes()).orElseThrow();
        }
        chain.add(at);
        while (at.supersededBy() != null) {
            at = store.issued(at.supersededBy()).orElseThrow();
            chain.add(at);
        }
        return chain;
    }

    // -------------------------------------------------------------------------------------------- helpers

    /**
     * The PDF of an issued version, rendered from its stored content and 版记 (the same layout as its Word file; the
     * Word file is the archived original, with its SHA-256).
     */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public byte[] issuedPdf(long id) {
        IssuedBulletin i = issued(id);
        return BulletinDocument.pdf(i.content(), colophon(i.content(), store.colophon(id).orElseThrow()), fonts);
    }

    /** Renders a bulletin with the draft's 版记 to a GB/T 9704 DOCX. */
    private byte[] render(Bulletin b, BulletinDraft.Head head) {
        return BulletinDocument.docx(b, colophon(b, head));
    }

    /** The 版记 as the head states it: 印发机关/印发日期 not filled in are the issuer and the 成文日期. */
    private static org.anju.document.Colophon colophon(Bulletin b, BulletinDraft.Head h) {
        return BulletinDocument.colophon(b, new BulletinOptions(null, null, null, BulletinOptions.copyToList(h.copyTo()),
                h.printedBy(), h.printedOn()));
    }

    /** The composed bulletin's parts as draft sections (computed text, nothing edited). */
    static List<DraftSection> decompose(Bulletin b) {
        List<DraftSection> parts = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        if (!b.sections().isEmpty()) {
            for (Bulletin.Section s : b.sections().getFirst().subsections()) {
                String heading = BulletinChanges.unnumbered(s.heading());
                parts.add(new DraftSection(unique(keys, "progress:" + heading), DraftSection.Kind.PROGRESS, heading,
                        String.join("\n", s.paragraphs()), null, false, null));
            }
        }
        for (String p : b.problems()) {
            String text = BulletinChanges.unnumberedProblem(p);
            parts.add(new DraftSection(unique(keys, "problem:" + BulletinChanges.firstSentence(text)), DraftSection.Kind.PROBLEM, null,
                    text, null, false, null));
        }
        return parts;
    }

    private static String unique(Set<String> keys, String key) {
        String k = key;
        for (int n = 2; !keys.add(k); n++) {
            k = key + "#" + n;
        }
        return k;
    }

    private static Bulletin withoutCorrectionSection(Bulletin b) {
        List<Bulletin.Section> sections = b.sections().stream().filter(s -> !s.heading().endsWith("更正说明")).toList();
        return new Bulletin(b.regionCode(), b.regionName(), b.period(), b.issuer(), b.documentNumber(), b.title(), b.addressee(),
                b.opening(), sections, b.problems(), b.tables(), b.date());
    }

    private BulletinDraft writable(long id) {
        BulletinDraft d = store.draft(id).orElseThrow(() -> new NotFound("通报草稿不存在：" + id + "（可能已签发或删除，请刷新页面）"));
        access.checkWrite(region(d.regionCode()));
        return d;
    }

    private BulletinDraft save(BulletinDraft changed, int version) {
        return write(changed, version).draft();
    }

    /** A draft as saved: {@code written} false when the change was already there (a save sent again). */
    private record Saved(BulletinDraft draft, boolean written) {
    }

    /**
     * Saves {@code changed} (the draft as read now with the change made) at the version the user read. A change sent
     * again — a double-click, Back + 确认重新提交, an API retry — after this user's own save of it finds the version read
     * gone but the draft as it would make it: answered as saved, nothing written again (double-submit trial, defect
     * 12: the user was told 他人 had changed the draft). Any other stale version is refused naming who made it and when.
     */
    private Saved write(BulletinDraft changed, int version) {
        if (changed.version() != version) {
            Optional<BulletinDraft> now = store.draft(changed.id());
            if (now.isPresent() && again(now.get(), changed, version)) {
                return new Saved(now.get(), false);
            }
            throw stale(now.orElse(changed), version);
        }
        if (!store.update(changed, version, by())) {
            // read again: a racing first click may have committed since the draft was read (READ COMMITTED)
            Optional<BulletinDraft> now = store.draft(changed.id());
            if (now.isPresent() && again(now.get(), changed, version)) {
                return new Saved(now.get(), false);
            }
            throw now.map(d -> stale(d, version)).orElseGet(() -> gone(changed));
        }
        return new Saved(store.draft(changed.id()).orElseThrow(), true);
    }

    /** The draft there now is newer than the one read, last saved by this user, and holds exactly what this save would. */
    private boolean again(BulletinDraft now, BulletinDraft changed, int version) {
        return now.version() > version && java.util.Objects.equals(by(), now.updatedBy())
                && java.util.Objects.equals(now.head(), changed.head())
                && java.util.Objects.equals(now.correctionNote(), changed.correctionNote())
                && now.unitOrder().equals(changed.unitOrder()) && now.sections().equals(changed.sections())
                && java.util.Objects.equals(now.composed(), changed.composed());
    }

    /**
     * A part of the draft by key; one missing from a version newer than the one read went with that version — refused
     * naming who made it, not guessed as 他人删除.
     */
    private DraftSection section(BulletinDraft d, String key, int version) {
        if (version != d.version() && d.sections().stream().noneMatch(s -> s.key().equals(key))) {
            throw stale(d, version);
        }
        return d.section(key);
    }

    /**
     * A change at an old version of the draft: who saved the version there and when ({@code updated_by},
     * {@code updated_at}), the user's own other window said as such, instead of an unnamed 他人.
     */
    private ConcurrentUpdateException stale(BulletinDraft d, int version) {
        return new ConcurrentUpdateException(org.anju.account.LastChange.refusal(d.regionName() + when(d.period()) + "的通报草稿",
                version, d.version(), () -> changed(d), "未保存，请刷新后重试"));
    }

    /** Who saved the version of the draft there and when: "已被张三（zs）于 14:03修改". */
    private String changed(BulletinDraft d) {
        return "已" + (d.updatedBy() == null ? "" : "被" + who(d.updatedBy())) + "于 " + ChinaTime.spoken(d.updatedAt()) + "修改";
    }

    /** The draft went while this change waited: issued (said with who and what it became) or discarded. */
    private ConcurrentUpdateException gone(BulletinDraft d) {
        String draft = d.regionName() + when(d.period()) + "的通报草稿";
        return store.issuedFromDraft(d.id()).flatMap(store::issued)
                .map(i -> new ConcurrentUpdateException(draft + "已由" + who(i.issuedBy()) + "于 " + ChinaTime.spoken(i.issuedAt())
                        + "签发为" + i.documentNumber() + "，请到已签发通报中查看（未保存）"))
                .orElseGet(() -> new ConcurrentUpdateException(draft + "已被放弃（删除），请刷新页面（未保存）"));
    }

    private String who(String username) {
        return users.who(username);
    }

    private static BulletinDraft replace(BulletinDraft d, String key, DraftSection changed) {
        List<DraftSection> sections = d.sections().stream().map(s -> s.key().equals(key) ? changed : s).toList();
        return with(d, d.head(), d.correctionNote(), d.unitOrder(), sections, d.composed(), d.composedAt());
    }

    private static BulletinDraft with(BulletinDraft d, BulletinDraft.Head head, String note, List<String> order,
                                      List<DraftSection> sections, Bulletin composed, OffsetDateTime composedAt) {
        return new BulletinDraft(d.id(), d.regionCode(), d.regionName(), d.period(), d.version(), d.corrects(), head, note,
                List.copyOf(order), List.copyOf(sections), composed, composedAt, d.createdBy(), d.updatedBy(), d.updatedAt());
    }

    static String label(DraftSection s) {
        return switch (s.kind()) {
            case PROGRESS, NEXT_STEPS -> s.heading();
            case PROBLEM -> "存在的问题“" + BulletinChanges.firstSentence(s.effective()) + "”";
        };
    }

    private void checkReadDraft(Region region) {
        if (!access.canRead(region)) {
            throw new Denied("无权查看" + region.name() + "的通报草稿：草稿只有" + region.name() + "及其上级可以查看；"
                    + region.name() + "签发的通报请在“已签发通报”中查看");
        }
    }

    private Region region(String code) {
        return regions.byCode(code).orElseThrow(() -> new NotFound("地区不存在：" + code));
    }

    private String issuedLabel(Long id) {
        return id == null ? "" : store.issued(id).map(IssuedBulletin::documentNumber).orElse("后一版本");
    }

    private String by() {
        return access.current().username();
    }

    private static String when(YearMonth p) {
        return p.getYear() + "年" + p.getMonthValue() + "月";
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new BadInput("请填写" + name);
        }
        return value.strip();
    }

    private static String optional(String value, String name, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            throw new BadInput(name + "过长：最多 " + max + " 字");
        }
        return clean(value.strip(), name);
    }

    /**
     * Refuses control characters other than line breaks and tabs (e.g. U+000B pasted from an editor): they make the
     * archived DOCX invalid XML and the PDF renderer fail. A Windows line break (\r\n) is taken as a line break.
     */
    static String clean(String value, String name) {
        if (value == null) {
            return null;
        }
        String v = value.replace("\r\n", "\n");
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (Character.getType(ch) == Character.CONTROL && ch != '\n' && ch != '\t') {
                throw new BadInput("“" + name + "”中有不可打印的控制字符（U+" + String.format("%04X", (int) ch) + "，第 " + (i + 1)
                        + " 个字符，多为从其他软件粘贴带入）：请删除该字符后重新保存");
            }
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String sha256(byte[] bytes) {
        return org.anju.platform.Sha256.hex(bytes);
    }
}
