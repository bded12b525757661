package org.beyondlazy.properties;

import org.beyondlazy.core.Backend;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The one thing a conformance suite needs from an implementation: its {@link Backend}. Extend a claim
 * suite (e.g. {@link GradientClaims}) and return your backend; JUnit 5 runs every inherited property.
 * Every suite inherits the {@link ClaimSettings.Binding} extension (seeds, example counts, measurements).
 */
@ExtendWith(ClaimSettings.Binding.class)
public interface BackendUnderTest {
    /** The implementation under test. Called once per property. */
    Backend backend();
}
