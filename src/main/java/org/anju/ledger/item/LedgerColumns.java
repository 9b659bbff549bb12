package org.anju.ledger.item;

import org.anju.privacy.Column;
import org.anju.privacy.PersonalColumns;
import org.springframework.stereotype.Component;

import java.util.List;

/** The petitioners' names and phones, for key rotation ({@code privacy reencrypt}). */
@Component
class LedgerColumns implements PersonalColumns {

    @Override
    public List<Column> columns() {
        return List.of(Ledger.PETITIONER_NAME, Ledger.PETITIONER_PHONE);
    }
}
