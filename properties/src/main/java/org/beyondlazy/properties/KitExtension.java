package org.beyondlazy.properties;

import org.beyondlazy.core.BeyondLazyException;
import org.beyondlazy.core.ErrorCode;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Registered on {@link BackendUnderTest}, so every suite inherits it. Before each property it aborts
 * ("not supported") when the backend lacks a capability the suite needs ({@link ConformanceKit}); a
 * {@link ErrorCode#UNSUPPORTED} thrown by the property itself is reported the same way.
 */
public final class KitExtension implements BeforeEachCallback, TestExecutionExceptionHandler {
    @Override
    public void beforeEach(ExtensionContext context) {
        Object instance = context.getRequiredTestInstance();
        if (instance instanceof BackendUnderTest under) {
            ConformanceKit.suiteOf(instance.getClass())
                    .ifPresent(suite -> Capability.assumeSupported(under.backend(), suite.needs()));
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (t instanceof BeyondLazyException e && e.code() == ErrorCode.UNSUPPORTED) {
                throw new TestAbortedException(Capability.NOT_SUPPORTED + e.getMessage(), throwable);
            }
        }
        throw throwable;
    }
}
