package org.anju.privacy;

import org.anju.region.Region;

import java.util.Set;

/**
 * What an export of personal data says about itself before it runs: which records of which region, which fields in
 * plaintext, and why. Logged once, with the number of rows, when the rows are ready.
 *
 * @param subjectType what kind of records ({@code rental_application})
 * @param scope       the region whose records are exported (the actor must read it)
 * @param fields      the fields the export opens; opening another one is a bug
 * @param reason      why (required: 导出个人信息须说明事由)
 */
public record Export(String subjectType, Region scope, Set<PersonalField> fields, String reason) {

    public Export {
        fields = fields == null ? Set.of() : Set.copyOf(fields);
    }
}
