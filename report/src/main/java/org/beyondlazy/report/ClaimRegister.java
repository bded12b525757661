package org.beyondlazy.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The claims of spec/claims.md: id, title, provenance, status and statement (its Markdown lines). */
public final class ClaimRegister {
    /** One claim. {@code pendingIssue} is the issue number of a pending claim, or null. */
    public record Claim(String id, String title, String provenance, String status, String statement) {
        public boolean tested() {
            return status.startsWith("tested");
        }

        public boolean pending() {
            return status.startsWith("pending");
        }
    }

    private static final Pattern HEADING = Pattern.compile("^### (C\\d+) · (.*)$");

    private ClaimRegister() {
    }

    /** Parses the Markdown text of claims.md. */
    public static List<Claim> parse(String markdown) {
        List<Claim> claims = new ArrayList<>();
        String[] lines = markdown.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            Matcher h = HEADING.matcher(lines[i]);
            if (!h.matches()) {
                continue;
            }
            String provenance = "";
            String status = "unknown";
            StringBuilder statement = new StringBuilder();
            int j = i + 1;
            for (; j < lines.length && !lines[j].startsWith("#"); j++) {
                String line = lines[j];
                if (line.startsWith("Provenance:")) {
                    provenance = line.substring("Provenance:".length()).trim();
                } else if (line.startsWith("Status:")) {
                    status = line.substring("Status:".length()).trim();
                } else if (!line.isBlank()) {
                    statement.append(statement.length() > 0 ? "\n" : "").append(line.stripTrailing()); // Markdown lines kept (lists)
                }
            }
            claims.add(new Claim(h.group(1), h.group(2).trim(), provenance, status, statement.toString()));
            i = j - 1;
        }
        return claims;
    }
}
