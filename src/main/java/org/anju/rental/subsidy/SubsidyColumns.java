package org.anju.rental.subsidy;

import org.anju.privacy.Column;
import org.anju.privacy.PersonalColumns;
import org.springframework.stereotype.Component;

import java.util.List;

/** The payees' bank accounts, for key rotation ({@code privacy reencrypt}). */
@Component
class SubsidyColumns implements PersonalColumns {

    @Override
    public List<Column> columns() {
        return Subsidies.SEALED;
    }
}
