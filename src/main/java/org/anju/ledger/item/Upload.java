package org.anju.ledger.item;

/** An evidence file as uploaded. */
public record Upload(String name, String mediaType, byte[] content) {
}
