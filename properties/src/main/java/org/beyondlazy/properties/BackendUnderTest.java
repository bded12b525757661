package org.beyondlazy.properties;

import org.beyondlazy.core.Backend;

/**
 * The one thing a conformance suite needs from an implementation: its {@link Backend}. Extend a claim
 * suite (e.g. {@link GradientClaims}) and return your backend; JUnit 5 runs every inherited property.
 */
public interface BackendUnderTest {
    /** The implementation under test. Called once per property. */
    Backend backend();
}
