package org.anju.privacy;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Where an encrypted value lives: a feature declares one constant per column that holds personal data, e.g.
 * {@code static final Column APPLICANT_ID = new Column("rental_application", "applicant_id_number", PersonalField.ID_NUMBER)}.
 * The ciphertext is bound to it — table, column and field (AES-GCM associated data): a value copied into another
 * column or table does not decrypt there. Renaming the column therefore means re-sealing its values.
 *
 * @param table  the table, as in SQL
 * @param column the column holding the sealed bytes ({@code bytea})
 * @param field  what kind of personal data it holds
 */
public record Column(String table, String column, PersonalField field) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public Column {
        if (table == null || column == null || field == null || !IDENTIFIER.matcher(table).matches()
                || !IDENTIFIER.matcher(column).matches()) {
            throw new IllegalStateException("个人信息列须以小写 SQL 标识符声明表名和列名，并给出字段种类：" + table + "." + column);
        }
    }

    /** The associated data of every value sealed here (with the key version in front, see DataCipher). */
    byte[] associatedData() {
        return ("anju-personal-data:" + table + "." + column + ":" + field.name()).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return table + "." + column + "（" + field.label() + "）";
    }
}
