package org.anju.ledger.kind;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A kind of ledger item as its definition file gives it.
 *
 * @param dueSoonDays    how many days before the deadline an open item counts as 临近到期
 * @param extensionDays  the longest extension the kind allows on approval (信访: 30日), null if none
 * @param limits         statutory limits (信访: 受理告知 15日, 办结 60日, 复查 30日 …), for the page and the timeline
 * @param flags          a field code → the flag shown when its value is more than 0 (危房: 应纳入公租房/保租房保障)
 * @param lateFrom       the date field an item is late from (逾期起算: 合同约定交付日期), null if the kind has none
 * @param lateUntil      the date field it stops being late on (实际交付日期), else today or 销号
 * @param source         the header comment of the file: where the definition comes from (not in the API's JSON: it cites
 *                       documents by 文号, which the API leaves to the documents' own pages)
 */
public record KindDefinition(String code, String name, DeadlineRule deadline, int dueSoonDays, Integer extensionDays,
                             List<Limit> limits, List<FieldDef> fields, Map<String, String> flags, String lateFrom,
                             String lateUntil,
                             @com.fasterxml.jackson.annotation.JsonIgnore String source) {

    /** A statutory time limit (step, days, calendar or working days, the field its clock starts from). */
    public record Limit(String step, int days, boolean workingDays, String startField) {
        public String label() {
            return step + " " + days + (workingDays ? "个工作日" : "日");
        }
    }

    public KindDefinition {
        limits = List.copyOf(limits);
        fields = List.copyOf(fields);
        flags = Map.copyOf(flags);
    }

    public Optional<FieldDef> field(String code) {
        return fields.stream().filter(f -> f.code().equals(code)).findFirst();
    }
}
