package org.anju.bulletin;

import org.anju.account.Access;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.stereotype.Service;

import java.time.YearMonth;

/** Bulletins (通报) for any region and month: the public face of the bulletin feature. */
// reads only: a read-only transaction, served by the read replica when one is configured (ReadReplicaRouting)
@Service
@org.springframework.transaction.annotation.Transactional(readOnly = true)
public class Bulletins {

    private final BulletinComposer composer;
    private final Regions regions;
    private final Access access;
    private final org.anju.document.DocumentFonts fonts;

    Bulletins(BulletinComposer composer, Regions regions, Access access, org.anju.document.DocumentFonts fonts) {
        this.composer = composer;
        this.regions = regions;
        this.access = access;
        this.fonts = fonts;
    }

    /**
     * What the bulletin says as composed from the data now — not a document anyone issued (未签发); what a region
     * writes and issues is a {@link BulletinDrafts draft}. For pages and tests. Composed with the reader's own rights: a bulletin ranks and names
     * every unit of the region and their projects, so it is read where the region's data may be read — by the region
     * and the levels above it. A county does not rebuild its city's bulletin (it would name sibling counties and their
     * projects); what the city sends it is the document the city issues.
     */
    public Bulletin compose(String regionCode, YearMonth period, BulletinOptions options) {
        Region region = regions.byCode(regionCode).orElseThrow(() -> new org.anju.platform.NotFound("地区不存在：" + regionCode));
        checkRead(region);
        BulletinOptions o = options == null ? BulletinOptions.defaults() : options;
        String issuer = o.issuer() == null || o.issuer().isBlank() ? defaultIssuer(region) : o.issuer().strip();
        // no date given: none printed (the document says 成文日期未填), never today's date passed off as the official's
        return composer.compose(region, period, issuer, o.documentNumber(), o.date());
    }

    /**
     * Section (七) 审计问题交办整改及信访投诉问题处理情况 alone, as {@link #compose} would print it (unnumbered heading);
     * empty when the region's ledgers held no audit or petition item at the month's end.
     */
    public java.util.Optional<Bulletin.Section> ledgerSection(String regionCode, YearMonth period) {
        Region region = region(regionCode);
        checkRead(region);
        return composer.ledgerSection(region, period);
    }

    private void checkRead(Region region) {
        if (!access.canRead(region)) {
            throw new org.anju.platform.Denied("无权查看" + region.name() + "的通报：通报列出"
                    + region.name() + "所辖各单位及其项目的数据，只有" + region.name() + "及其上级的账号可以查看；"
                    + "本单位的情况请查看本地区的通报，或以" + region.name() + "印发的文件为准");
        }
    }

    /** Heading of the section the issuer writes (seed 004: 三、下一步工作重点), a part of the draft ({@link BulletinDrafts}). */
    static final String NEXT_STEPS = "下一步工作重点";

    private Region region(String code) {
        return regions.byCode(code).orElseThrow(() -> new org.anju.platform.NotFound("地区不存在：" + code));
    }

    /** The bulletin as a Word 公文 (GB/T 9704-2012), with the 版记 the options give. */
    public byte[] docx(String regionCode, YearMonth period, BulletinOptions options) {
        Bulletin b = compose(regionCode, period, options);
        return BulletinDocument.docx(b, BulletinDocument.colophon(b, options));
    }

    /** The same 公文 as PDF with embedded fonts ({@code anju.document.fonts.*}). */
    public byte[] pdf(String regionCode, YearMonth period, BulletinOptions options) {
        Bulletin b = compose(regionCode, period, options);
        return BulletinDocument.pdf(b, BulletinDocument.colophon(b, options), fonts);
    }

    public byte[] xlsx(String regionCode, YearMonth period, BulletinOptions options) {
        return XlsxWriter.write(compose(regionCode, period, options));
    }

    /** A file name an official would keep: 张掖市2023年12月保障性安居工程进展情况通报.docx. */
    public String fileName(String regionCode, YearMonth period, String extension) {
        String name = regions.byCode(regionCode).map(Region::name).orElse(regionCode);
        return name + period.getYear() + "年" + period.getMonthValue() + "月保障性安居工程进展情况通报." + extension;
    }

    /** A region's name for pages ("未知地区" never: the code when it is not in the list). */
    public String regionName(String code) {
        return regions.byCode(code).map(Region::name).orElse(code);
    }

    private static final BulletinProse PROSE = new BulletinProse(BulletinWording.load());

    /** 发文机关 by the region's kind and name, as the wording says ({@code issuer.*}). */
    static String defaultIssuer(Region r) {
        return PROSE.issuer(r.kind(), r.name());
    }
}
