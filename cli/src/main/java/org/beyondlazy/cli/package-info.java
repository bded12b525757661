/**
 * The {@code beyondlazy} command line (spec 09-oracle.md): {@code eval}, {@code check}, {@code lazy},
 * {@code run}, {@code sweep}, {@code audit}, {@code bench}. A thin layer over the same code the tests
 * and the properties use.
 */
package org.beyondlazy.cli;
