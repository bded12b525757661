/**
 * What the oracle commands of spec 09-oracle.md compute, below the command line: reading and validating their
 * {@code .npy} inputs into a truth and parameters (E9.1, E9.19), validating and writing their outputs
 * atomically (E9.7), and the requests behind {@code eval} (E9.2), {@code check} (E9.3–E9.5, E9.14–E9.19) and
 * {@code bench} (E9.11). Each request returns its result as an ordered map of fields (the JSON object the
 * command prints) and prints nothing; errors are {@link org.beyondlazy.core.BeyondLazyException}s that name
 * the offending input.
 */
package org.beyondlazy.experiments.oracle;
