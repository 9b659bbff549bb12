/**
 * The lottery anyone can re-run (algorithm anju-draw-v1, docs/LOTTERY.md): pure functions, no storage, so that the
 * command line can verify a published draw without a database.
 */
@org.springframework.modulith.NamedInterface("draw")
package org.anju.rental.draw;
