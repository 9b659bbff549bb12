package org.anju.document;

import java.time.LocalDate;
import java.util.List;

/**
 * 版记 (GB/T 9704-2012 7.4): 抄送机关, 印发机关 and 印发日期, printed between thick and thin rules at the foot of the
 * document's last (even) page.
 *
 * @param copyTo    抄送机关 in order; empty leaves the 抄送 line out
 * @param printedBy 印发机关, e.g. 张掖市住房和城乡建设局办公室
 * @param printedOn 印发日期; null for a preview not yet dated
 */
public record Colophon(List<String> copyTo, String printedBy, LocalDate printedOn) {

    public Colophon {
        copyTo = copyTo == null ? List.of() : copyTo.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (printedBy == null || printedBy.isBlank()) {
            throw new org.anju.platform.BadInput("版记需要印发机关（或整个版记都不填）");
        }
    }

    /** "抄送：A，B，C。" (7.4.2: names separated by commas, a full stop after the last). */
    public String copyToLine() {
        return copyTo.isEmpty() ? null : "抄送：" + String.join("，", copyTo) + "。";
    }

    /** "2024年1月5日印发"; for a preview not yet dated "（印发日期未填）" — never a silent today. */
    public String printedOnLine() {
        return printedOn == null ? "（印发日期未填）" : OfficialDocument.chineseDate(printedOn) + "印发";
    }
}
