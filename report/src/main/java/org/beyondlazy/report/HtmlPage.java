package org.beyondlazy.report;

/**
 * The shell every page of the report shares: one inline style sheet (no network, no script), the
 * document head and a line linking back to the report's first page.
 */
final class HtmlPage {
    /** The style sheet, inline in every page so that each opens from disk on its own. */
    static final String CSS = String.join("\n",
            "*{box-sizing:border-box}",
            "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;margin:0;color:#1b1b1b;line-height:1.45;font-size:15px}",
            "main{max-width:1340px;margin:0 auto;padding:10px 18px 40px}",
            "a{color:#0b5cad}code,pre{font-family:'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:.92em;background:#f3f4f6}",
            "pre{padding:8px;overflow-x:auto}code{padding:0 2px}",
            "table{border-collapse:collapse;margin:.6em 0}td,th{border:1px solid #c8ccd2;padding:3px 7px;vertical-align:top;text-align:left}",
            "th{background:#eef0f3}caption{text-align:left;font-weight:600;padding:4px 0}",
            "h1{font-size:1.45em;margin:.2em 0}h2{font-size:1.25em;margin:1.4em 0 .4em;border-bottom:1px solid #ddd}h3{font-size:1.08em;margin:1.1em 0 .3em}",
            ".top{display:flex;align-items:center;gap:14px;flex-wrap:wrap}",
            ".verdict{font-weight:700;padding:4px 12px;border-radius:4px;font-size:1.05em}",
            ".badge{display:inline-block;white-space:nowrap;min-width:6.5em;text-align:center;font-weight:600;font-size:.85em;padding:1px 6px;border-radius:3px}",
            ".holds{background:#d3f2d6;color:#0d4a17}.fails{background:#f7c9c9;color:#7a0b0b}.notrun{background:#fbe3a9;color:#5b4300}",
            ".pending{background:#e4e6ea;color:#444}.unsupported{background:#dde7f7;color:#1d3d70}",
            ".facts{font-size:.82em;color:#333;margin:4px 0 8px}.facts span{margin-right:14px;white-space:nowrap}",
            ".first{display:grid;grid-template-columns:minmax(470px,600px) 1fr;gap:16px;align-items:start}",
            "table.grid{margin:0;font-size:.84em;width:100%}table.grid td,table.grid th{padding:1px 6px;line-height:1.3}",
            "table.grid td.rate{font-variant-numeric:tabular-nums;white-space:nowrap}",
            ".headline img{width:100%;max-width:720px;border:1px solid #ccc;display:block}",
            ".headline figcaption{font-size:.8em}",
            "figure{margin:10px 0}figure img{max-width:100%;border:1px solid #ccc}figcaption{font-size:.9em;max-width:900px}",
            ".fails-if{color:#6a1b1b}.small{font-size:.85em;color:#444}",
            "nav.back{font-size:.85em;margin-bottom:6px}",
            "details{margin:.3em 0}summary{cursor:pointer}",
            ".claim{border-left:4px solid #c8ccd2;padding-left:10px;margin:1em 0}",
            ".claim.holds{background:none;color:inherit;border-color:#39a845}.claim.fails{background:none;color:inherit;border-color:#c62828}",
            ".claim.notrun{background:none;color:inherit;border-color:#e0a800}.claim.pending,.claim.unsupported{background:none;color:inherit}");

    private HtmlPage() {
    }

    /** HTML-escapes text for element content and double-quoted attributes. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * A whole page.
     *
     * @param toRoot relative path from the page to the report's directory ("" or "../")
     * @param body   the page's content (HTML)
     */
    static String page(String title, String toRoot, String body) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append("</title>\n")
                .append("<style>\n").append(CSS).append("\n</style></head><body><main>\n");
        if (!toRoot.isEmpty()) {
            h.append("<nav class=\"back\"><a href=\"").append(toRoot).append("index.html\">← audit report</a></nav>\n");
        }
        h.append(body).append("\n</main></body></html>\n");
        return h.toString();
    }
}
