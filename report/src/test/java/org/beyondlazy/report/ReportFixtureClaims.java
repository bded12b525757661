package org.beyondlazy.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** How many claims spec/claims.md declares (the rows the first-screen grid must show). */
final class ReportFixtureClaims {
    private ReportFixtureClaims() {
    }

    static int count() {
        try {
            return ClaimRegister.parse(Files.readString(Audit.root().resolve("spec/claims.md"))).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
