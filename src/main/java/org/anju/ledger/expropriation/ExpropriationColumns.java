package org.anju.ledger.expropriation;

import org.anju.privacy.Column;
import org.anju.privacy.PersonalColumns;
import org.springframework.stereotype.Component;

import java.util.List;

/** The 被征收户's sealed columns (owner name and ID number), for key rotation. */
@Component
class ExpropriationColumns implements PersonalColumns {

    @Override
    public List<Column> columns() {
        return Expropriations.SEALED;
    }
}
