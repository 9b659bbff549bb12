package org.anju.rental.application;

import org.anju.rental.review.Review;

/** Where an application stands: not accepted at 受理 (待补正, 不予受理), or the review's status. */
public enum ApplicationStatus {
    INCOMPLETE("待补正（缺少材料）"), INELIGIBLE("不符合条件，不予受理"), IN_STEP("审核中"), RETURNED("退回修改"),
    OBJECTION("公示异议核查中"), QUALIFIED("已通过，发放资格证"), REJECTED("未通过"), BLACKLISTED("列入失信"),
    WITHDRAWN("已撤回");

    private final String label;

    ApplicationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still in the review: someone has to act. */
    public boolean open() {
        return this == IN_STEP || this == RETURNED || this == OBJECTION;
    }

    static ApplicationStatus of(Review.Status s) {
        return valueOf(s.name());
    }

    Review.Status review() {
        return Review.Status.valueOf(name());
    }
}
