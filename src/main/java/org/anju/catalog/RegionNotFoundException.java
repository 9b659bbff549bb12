package org.anju.catalog;

/** A region code that does not exist was asked for (HTTP 404). */
class RegionNotFoundException extends java.util.NoSuchElementException {

    RegionNotFoundException(String code) {
        super("区划代码不存在：" + code);
    }
}
