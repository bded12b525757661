package com.example.toy;

import org.beyondlazy.core.Backend;
import org.beyondlazy.core.Backends;
import org.beyondlazy.properties.ConformanceKitTests;

/** The one binding class: the whole beyondlazy conformance kit on the toy backend, found by its registered name. */
class ToyConformanceTest extends ConformanceKitTests {
    @Override
    protected Backend backend() {
        return Backends.get("toy");
    }
}
