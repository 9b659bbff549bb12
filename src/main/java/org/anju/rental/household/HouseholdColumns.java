package org.anju.rental.household;

import org.anju.privacy.Column;
import org.anju.privacy.PersonalColumns;
import org.springframework.stereotype.Component;

import java.util.List;

/** The household register's sealed columns, for key rotation. */
@Component
class HouseholdColumns implements PersonalColumns {

    @Override
    public List<Column> columns() {
        return Households.SEALED;
    }
}
