package org.anju.rental.subsidy;

/** What a change of an agreement did. */
public enum ChangeKind {
    START("签订协议，开始发放"),
    STOP("停发"),
    RESUME("年审通过，恢复发放"),
    ADJUST("年审，重新核定");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
