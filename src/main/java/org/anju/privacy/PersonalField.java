package org.anju.privacy;

/**
 * The kinds of personal data Anju keeps: what a role may reveal ({@code anju.privacy.reveal}), what an access log entry
 * names, how a value is masked on pages.
 */
public enum PersonalField {
    /** 姓名: masked to the surname (张*, 欧阳**); indexed for exact lookups. */
    NAME("姓名", true),
    /** 身份证号 (GB 11643): masked to the first and last four characters; indexed (duplicate applications). */
    ID_NUMBER("身份证号", true),
    /** 联系电话, mobile or landline: masked to 138****1234; indexed. */
    PHONE("联系电话", true),
    /**
     * 收入 in 元: masked entirely; not indexed — an amount has too few possible values for a keyed hash to hide it
     * from whoever can compute hashes, and nobody looks a household up by its income.
     */
    INCOME("收入", false),
    /**
     * 银行账号 (a 租赁补贴 is paid into it): masked to the last four digits ({@code ****1234}, the length hidden too);
     * indexed — "is this account already a payee of another household" is one equality.
     */
    BANK_ACCOUNT("银行账号", true);

    private final String label;
    private final boolean indexed;

    PersonalField(String label, boolean indexed) {
        this.label = label;
        this.indexed = indexed;
    }

    /** The field's Chinese name, as refusals and the access log show it. */
    public String label() {
        return label;
    }

    /** Whether values of this field get a blind index (lookup and duplicate detection without decrypting). */
    public boolean indexed() {
        return indexed;
    }

    /** The masked form of a normalized value of this field ({@link Masks}). */
    public String mask(String normalized) {
        return switch (this) {
            case NAME -> Masks.name(normalized);
            case ID_NUMBER -> Masks.idNumber(normalized);
            case PHONE -> Masks.phone(normalized);
            case INCOME -> Masks.amount(normalized);
            case BANK_ACCOUNT -> Masks.bankAccount(normalized);
        };
    }
}
