package org.anju.bulletin;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A bulletin (通报) as composed from the data: title block, sections of computed sentences, the
 * problems found, and the attachment tables. Writers turn it into DOCX, XLSX or a page.
 */
public record Bulletin(String regionCode, String regionName, YearMonth period, String issuer, String documentNumber,
                       String title, String addressee, String opening, List<Section> sections, List<String> problems,
                       List<BulletinTable> tables, LocalDate date) {

    /** A heading and its paragraphs; subsections nest one level (一、 → （一）). */
    public record Section(String heading, List<String> paragraphs, List<Section> subsections) {
    }

    /** This bulletin with one more top-level section, numbered after the others (三、…). */
    public Bulletin withSection(String heading, List<String> paragraphs) {
        List<Section> more = new java.util.ArrayList<>(sections);
        more.add(new Section(BulletinProse.NUMBERS[sections.size()] + "、" + heading, paragraphs, List.of()));
        return new Bulletin(regionCode, regionName, period, issuer, documentNumber, title, addressee, opening, List.copyOf(more),
                problems, tables, date);
    }

    public BulletinTable table(String label) {
        return tables.stream().filter(t -> t.label().equals(label)).findFirst()
                .orElseThrow(() -> new org.anju.platform.NotFound("没有" + label));
    }
}
