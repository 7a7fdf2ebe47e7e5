package dev.liftoff.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small document (a title, then headings, paragraphs, facts, bullet lists and tables) that
 * renders as Markdown or as a standalone HTML page. Every value is text: Markdown escapes what
 * would turn it into markup, HTML escapes everything.
 */
public final class ReportDocument {

    private interface Block {
    }

    private record Heading(String text) implements Block {
    }

    private record Paragraph(String text) implements Block {
    }

    private record Facts(Map<String, String> facts) implements Block {
    }

    private record Bullets(List<String> items) implements Block {
    }

    private record Table(List<String> headers, List<List<String>> rows) implements Block {
    }

    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    public ReportDocument(String title) {
        this.title = title;
    }

    public ReportDocument heading(String text) {
        blocks.add(new Heading(text));
        return this;
    }

    public ReportDocument paragraph(String text) {
        if (text != null && !text.isBlank()) {
            blocks.add(new Paragraph(text));
        }
        return this;
    }

    /** label → value; labels with no value are left out */
    public ReportDocument facts(Map<String, String> facts) {
        Map<String, String> present = new LinkedHashMap<>();
        facts.forEach((label, value) -> {
            if (value != null && !value.isBlank()) {
                present.put(label, value);
            }
        });
        if (!present.isEmpty()) {
            blocks.add(new Facts(present));
        }
        return this;
    }

    public ReportDocument bullets(List<String> items) {
        if (!items.isEmpty()) {
            blocks.add(new Bullets(List.copyOf(items)));
        }
        return this;
    }

    /** a table, or the text {@code empty} in its place when there are no rows */
    public ReportDocument table(List<String> headers, List<List<String>> rows, String empty) {
        if (rows.isEmpty()) {
            return paragraph(empty);
        }
        blocks.add(new Table(List.copyOf(headers), rows.stream().map(row -> row.stream().map(cell -> cell == null ? "" : cell).toList()).toList()));
        return this;
    }

    public String markdown() {
        StringBuilder out = new StringBuilder("# ").append(inline(title)).append("\n");
        for (Block block : blocks) {
            out.append('\n');
            if (block instanceof Heading heading) {
                out.append("## ").append(inline(heading.text())).append('\n');
            } else if (block instanceof Paragraph paragraph) {
                out.append(lines(paragraph.text())).append('\n');
            } else if (block instanceof Facts facts) {
                facts.facts().forEach((label, value) ->
                        out.append("- **").append(inline(label)).append(":** ").append(inline(value)).append('\n'));
            } else if (block instanceof Bullets bullets) {
                bullets.items().forEach(item -> out.append("- ").append(inline(item)).append('\n'));
            } else if (block instanceof Table table) {
                out.append(row(table.headers()));
                out.append("|").append(" --- |".repeat(table.headers().size())).append('\n');
                table.rows().forEach(row -> out.append(row(row)));
            }
        }
        return out.toString();
    }

    public String html() {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222}")
                .append("table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.25rem .5rem;")
                .append("text-align:left;vertical-align:top}th{background:#f3f3f3}")
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
        for (Block block : blocks) {
            if (block instanceof Heading heading) {
                out.append("<h2>").append(escape(heading.text())).append("</h2>\n");
            } else if (block instanceof Paragraph paragraph) {
                out.append("<p>").append(escape(paragraph.text()).replace("\n", "<br>\n")).append("</p>\n");
            } else if (block instanceof Facts facts) {
                out.append("<ul>\n");
                facts.facts().forEach((label, value) -> out.append("<li><strong>").append(escape(label)).append(":</strong> ")
                        .append(escape(value)).append("</li>\n"));
                out.append("</ul>\n");
            } else if (block instanceof Bullets bullets) {
                out.append("<ul>\n");
                bullets.items().forEach(item -> out.append("<li>").append(escape(item)).append("</li>\n"));
                out.append("</ul>\n");
            } else if (block instanceof Table table) {
                out.append("<table>\n<thead><tr>");
                table.headers().forEach(header -> out.append("<th>").append(escape(header)).append("</th>"));
                out.append("</tr></thead>\n<tbody>\n");
                for (List<String> row : table.rows()) {
                    out.append("<tr>");
                    row.forEach(cell -> out.append("<td>").append(escape(cell)).append("</td>"));
                    out.append("</tr>\n");
                }
                out.append("</tbody>\n</table>\n");
            }
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private static String row(List<String> cells) {
        StringBuilder row = new StringBuilder("|");
        cells.forEach(cell -> row.append(' ').append(inline(cell)).append(" |"));
        return row.append('\n').toString();
    }

    /** one line of Markdown text: line breaks become spaces, markup characters are escaped (and what starts a block, at the start) */
    static String inline(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        String flat = text.replaceAll("\\s*\\R\\s*", " ");
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            if ("\\`*_[]<>|~".indexOf(c) >= 0 || i == 0 && "#+-=".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** a paragraph of Markdown: each line escaped, kept as a line of its own */
    private static String lines(String text) {
        return String.join("  \n", text.lines().map(ReportDocument::inline).toList());
    }

    /** HTML text and attribute values */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
