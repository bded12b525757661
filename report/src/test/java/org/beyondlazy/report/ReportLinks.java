package org.beyondlazy.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Checks every {@code href} and {@code src} of every HTML page of a report: relative, to an existing file, to an existing anchor. */
final class ReportLinks {
    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");

    private ReportLinks() {
    }

    /** The links of {@code page} (raw attribute values, entities of &amp; undone). */
    static List<String> links(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = LINK.matcher(html);
        while (m.find()) {
            out.add(m.group(1).replace("&amp;", "&"));
        }
        return out;
    }

    /** One line per broken link in the report under {@code dir}: "page: link (reason)". */
    static List<String> broken(Path dir) throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(dir)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        for (Path page : pages) {
            String html = Files.readString(page);
            for (String link : links(html)) {
                String problem = check(dir, page, html, link);
                if (problem != null) {
                    problems.add(dir.relativize(page) + ": " + link + " (" + problem + ")");
                }
            }
        }
        return problems;
    }

    private static String check(Path dir, Path page, String html, String link) throws IOException {
        if (link.startsWith("data:")) {
            return null;
        }
        if (link.contains("://") || link.startsWith("/") || link.startsWith("//")) {
            return "not relative";
        }
        int hash = link.indexOf('#');
        String file = hash < 0 ? link : link.substring(0, hash);
        String fragment = hash < 0 ? null : link.substring(hash + 1);
        Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!target.startsWith(dir)) {
            return "outside the report";
        }
        if (!Files.isRegularFile(target) || Files.size(target) == 0) {
            return "missing or empty file";
        }
        if (fragment != null && !fragment.isEmpty()) {
            String text = target.equals(page) ? html : Files.readString(target);
            if (!text.contains("id=\"" + fragment + "\"")) {
                return "no anchor #" + fragment;
            }
        }
        return null;
    }
}
