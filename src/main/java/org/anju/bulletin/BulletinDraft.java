package org.anju.bulletin;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * A bulletin being written: one per region and month, its head fields, its parts ({@link DraftSection}) and the order
 * of the units, on top of the bulletin as composed from the data at the last refresh ({@code composed}).
 *
 * @param corrects  the issued version this draft corrects, or null for a first issue
 * @param unitOrder region codes of the units in the issuer's order (tables and text); empty = the region list's order
 * @param composed  the bulletin as composed at {@code composedAt}; null for a draft migrated from a 下一步工作重点
 *                  note and not refreshed yet
 */
public record BulletinDraft(long id, String regionCode, String regionName, YearMonth period, int version, Long corrects,
                            Head head, String correctionNote, List<String> unitOrder, List<DraftSection> sections,
                            Bulletin composed, OffsetDateTime composedAt, String createdBy, String updatedBy,
                            OffsetDateTime updatedAt) {

    /**
     * The head and 版记 of the document.
     *
     * @param issuer         发文机关
     * @param documentNumber 发文字号 as typed so far (the one issued is given at issue)
     * @param addressee      主送机关
     * @param dated          成文日期; null until the official sets it (never a silent "today")
     * @param copyTo         抄送
     * @param printedBy      印发机关
     * @param printedOn      印发日期
     */
    public record Head(String issuer, String documentNumber, String addressee, LocalDate dated, String copyTo,
                       String printedBy, LocalDate printedOn) {
    }

    public DraftSection section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new org.anju.platform.NotFound("草稿中没有这一部分：" + key + "，请刷新页面"));
    }

    /** Parts whose computed text changed under an edit at the last refresh. */
    public List<DraftSection> stale() {
        return sections.stream().filter(DraftSection::stale).toList();
    }
}
