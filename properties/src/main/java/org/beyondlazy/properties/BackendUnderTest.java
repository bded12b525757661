package org.beyondlazy.properties;

import org.beyondlazy.core.Backend;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The one thing a conformance suite needs from an implementation: its {@link Backend}. Extend a claim
 * suite (e.g. {@link GradientClaims}) and return your backend; JUnit 5 runs every inherited property.
 * To run the whole kit, extend {@link ConformanceKitTests} instead. Claims that need a capability the
 * backend lacks are aborted as "not supported" ({@link KitExtension}). Every suite also inherits the
 * {@link ClaimSettings.Binding} extension (seeds, example counts, measurements).
 */
@ExtendWith({ClaimSettings.Binding.class, KitExtension.class})
public interface BackendUnderTest {
    /** The implementation under test. Called once per property. */
    Backend backend();
}
