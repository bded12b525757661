package org.beyondlazy.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Cites the normative spec ids ({@code spec/}) that a class, method or test implements.
 *
 * <p>Equation ids start with {@code E}, algorithm ids with {@code A}, claim ids with {@code C}.
 * The traceability test reads every {@code @SpecRef} in the source tree and fails when an id does
 * not exist in the spec, when a spec equation or algorithm has no citing code, or when a claim marked
 * {@code tested} has no citing property.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface SpecRef {
    /** The spec ids, e.g. {@code "E2.5"}. */
    String[] value();
}
