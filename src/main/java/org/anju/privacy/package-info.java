/**
 * Personal data (ID numbers, phones, names, incomes of applicants and household members): validated values
 * ({@link org.anju.privacy.IdNumber}, {@link org.anju.privacy.Phone}, {@link org.anju.privacy.PersonName},
 * {@link org.anju.privacy.Amount}), masking as pure functions ({@link org.anju.privacy.Masks}), encryption at rest
 * (AES-256-GCM bound to its column, key versions that rotate) with a blind index for lookups, and
 * {@link org.anju.privacy.PersonalData}: every reveal of a plaintext and every export is checked against a role →
 * field policy and logged in {@code personal_data_access}; REST {@code /api/privacy/accesses} for auditors.
 * {@link org.anju.privacy.KeptFiles}: uploaded files a page previewed, kept sealed in the database until confirmed.
 * Features that hold personal data (public rental applications) use this module; it uses no feature.
 */
@org.springframework.modulith.ApplicationModule(displayName = "个人信息 Privacy", allowedDependencies = {"account", "platform", "region"})
package org.anju.privacy;
