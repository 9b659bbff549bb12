package org.anju.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A document handing targets down (建设工作计划, 攻坚行动方案): who issued it, its 文号 and date, the
 * years it covers. A multi-year action plan covers several years and its targets are split by year.
 *
 * @param issuerRegionId the region whose government issued it; its targets are for units below
 * @param issuerName     the issuing offices as printed, e.g. 江西省住房和城乡建设厅 江西省发展和改革委员会 江西省财政厅
 * @param parentPlanId   the plan it implements, when it names one (Shangrao 2023 → 赣建保〔2023〕1号)
 * @param version        optimistic locking: raised by every change of the plan row; a metadata update names
 *                       the version it was based on and is refused when the plan changed since
 */
public record Plan(Long id, String title, int issuerRegionId, String issuerName, String documentNumber,
                   LocalDate issuedOn, int firstYear, int lastYear, Long parentPlanId, String sourceFile, String note,
                   int version) {

    /** A plan not yet stored (or whose version does not matter). */
    public Plan(Long id, String title, int issuerRegionId, String issuerName, String documentNumber,
                LocalDate issuedOn, int firstYear, int lastYear, Long parentPlanId, String sourceFile, String note) {
        this(id, title, issuerRegionId, issuerName, documentNumber, issuedOn, firstYear, lastYear, parentPlanId,
                sourceFile, note, 0);
    }

    public Plan {
        if (title == null || title.isBlank()) {
            throw new org.anju.platform.BadInput("计划标题不能为空");
        }
        if (lastYear < firstYear) {
            throw new org.anju.platform.BadInput("计划年度有误：" + firstYear + "–" + lastYear);
        }
        // a year 0 or 9999 typed by mistake would make a plan no month ever falls in
        if (firstYear < 1990 || lastYear > 2100) {
            throw new org.anju.platform.BadInput("计划年度有误：" + firstYear + "–" + lastYear + "（应在 1990—2100 年之间）");
        }
        if (lastYear - firstYear >= MAX_YEARS) {
            throw new org.anju.platform.BadInput("计划年度有误：" + firstYear + "–" + lastYear + " 跨 " + (lastYear - firstYear + 1)
                    + " 年（最多 " + MAX_YEARS + " 年，如五年规划）");
        }
        if (title.length() > MAX_TITLE) {
            throw new org.anju.platform.BadInput("计划标题过长：" + title.length() + " 字（最多 " + MAX_TITLE + " 字）");
        }
        if (documentNumber != null && documentNumber.length() > MAX_TITLE) {
            throw new org.anju.platform.BadInput("文号过长：" + documentNumber.length() + " 字（最多 " + MAX_TITLE + " 字）");
        }
    }

    /** The longest span a plan covers (a 五年规划 is 5). */
    static final int MAX_YEARS = 10;
    /** The longest title or 文号 (a real title runs to some 60 characters). */
    static final int MAX_TITLE = 300;

    public boolean multiYear() {
        return lastYear > firstYear;
    }

    public boolean covers(int year) {
        return year >= firstYear && year <= lastYear;
    }

    public List<Integer> years() {
        return IntStream.rangeClosed(firstYear, lastYear).boxed().toList();
    }

    /** How the plan is named in messages: its 文号, else its title. */
    public String label() {
        return documentNumber != null && !documentNumber.isBlank() ? documentNumber : title;
    }

    public String yearsLabel() {
        return multiYear() ? firstYear + "–" + lastYear + "年" : firstYear + "年";
    }

    /** The same plan read from another file. */
    public Plan withSource(String file) {
        return new Plan(id, title, issuerRegionId, issuerName, documentNumber, issuedOn, firstYear, lastYear,
                parentPlanId, file, note, version);
    }

    public Plan withId(Long newId) {
        return new Plan(newId, title, issuerRegionId, issuerName, documentNumber, issuedOn, firstYear, lastYear,
                parentPlanId, sourceFile, note, version);
    }
}
