package org.anju.bulletin;

import org.anju.account.Access;
import org.anju.region.Region;
import org.anju.region.Regions;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.NoSuchElementException;

/** Bulletins (通报) for any region and month: the public face of the bulletin feature. */
@Service
public class Bulletins {

    private final BulletinComposer composer;
    private final Regions regions;
    private final Access access;

    Bulletins(BulletinComposer composer, Regions regions, Access access) {
        this.composer = composer;
        this.regions = regions;
        this.access = access;
    }

    /**
     * What the bulletin says, for pages and tests. A bulletin is a document the region issues to the units
     * below it: read like a plan by the region's subtree and by the regions above it (a county reads its
     * city's bulletin, which ranks its sibling counties, as it would receive it on paper).
     */
    public Bulletin compose(String regionCode, YearMonth period, BulletinOptions options) {
        Region region = regions.byCode(regionCode).orElseThrow(() -> new NoSuchElementException("地区不存在：" + regionCode));
        access.checkReadIssuedBy(region);
        BulletinOptions o = options == null ? BulletinOptions.defaults() : options;
        String issuer = o.issuer() == null || o.issuer().isBlank() ? defaultIssuer(region) : o.issuer().strip();
        LocalDate date = o.date() == null ? LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) : o.date();
        // composed with the issuing region's read rights: the checks inside (roll-ups, rankings) see its subtree
        return Access.runAs(access.current().readingAt(region),
                () -> composer.compose(region, period, issuer, o.documentNumber(), date));
    }

    public byte[] docx(String regionCode, YearMonth period, BulletinOptions options) {
        return DocxWriter.write(compose(regionCode, period, options));
    }

    public byte[] xlsx(String regionCode, YearMonth period, BulletinOptions options) {
        return XlsxWriter.write(compose(regionCode, period, options));
    }

    /** A file name an official would keep: 张掖市2023年12月保障性安居工程进展情况通报.docx. */
    public String fileName(String regionCode, YearMonth period, String extension) {
        String name = regions.byCode(regionCode).map(Region::name).orElse(regionCode);
        return name + period.getYear() + "年" + period.getMonthValue() + "月保障性安居工程进展情况通报." + extension;
    }

    private static String defaultIssuer(Region r) {
        return switch (r.kind()) {
            case NATION -> "住房和城乡建设部";
            case PROVINCE -> r.name() + "住房和城乡建设厅";
            default -> r.name() + "住房和城乡建设局";
        };
    }
}
