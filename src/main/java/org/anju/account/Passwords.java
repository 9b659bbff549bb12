package org.anju.account;

import java.security.SecureRandom;

/** The password rules and generated passwords. */
public final class Passwords {

    public static final int MIN_LENGTH = 8;
    /** bcrypt reads at most 72 bytes; 64 characters of ASCII stay well inside. */
    public static final int MAX_LENGTH = 64;

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** @throws IllegalArgumentException with a Chinese message when the password is not acceptable */
    public static void check(String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw new org.anju.platform.BadInput("密码长度应为 " + MIN_LENGTH + "–" + MAX_LENGTH + " 位");
        }
        if (!password.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new org.anju.platform.BadInput("密码只能由字母、数字和英文符号组成，不能有空格或中文");
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            throw new org.anju.platform.BadInput("密码应同时包含字母和数字");
        }
    }

    /** 12 random letters and digits (no look-alikes such as 0/O, 1/l), at least one of each. */
    public static String generate() {
        while (true) {
            StringBuilder sb = new StringBuilder(12);
            for (int i = 0; i < 12; i++) {
                sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            String p = sb.toString();
            if (p.chars().anyMatch(Character::isDigit) && p.chars().anyMatch(Character::isLetter)) {
                return p;
            }
        }
    }
}
