package dev.liftoff.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportDocumentTest {

    private static final String HOSTILE = "<img src=x onerror=\"alert('x')\"> & | *bold* _it_ [link](http://x)";

    private static ReportDocument document() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Requested by", HOSTILE);
        facts.put("Left out", null);
        return new ReportDocument("Release " + HOSTILE)
                .paragraph("first line\n# not a heading")
                .facts(facts)
                .heading("Approvals")
                .table(List.of("User", "Comment"), List.of(List.of("sam", "fine | ship it\nnow")), "none")
                .table(List.of("User"), List.of(), "No decision yet.")
                .bullets(List.of("- not a nested list"));
    }

    @Test
    void markdownEscapesWhatWouldBecomeMarkup() {
        String markdown = document().markdown();
        assertThat(markdown).startsWith("# Release \\<img src=x onerror=\"alert('x')\"\\> & \\| \\*bold\\* \\_it\\_ \\[link\\](http://x)\n");
        assertThat(markdown).contains("first line  \n\\# not a heading\n")
                .contains("- **Requested by:** \\<img")
                .doesNotContain("Left out")
                .contains("## Approvals\n")
                .contains("| User | Comment |\n| --- | --- |\n| sam | fine \\| ship it now |\n")
                .contains("No decision yet.")
                .contains("- \\- not a nested list");
    }

    @Test
    void htmlEscapesEverything() {
        String html = document().html();
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<title>Release &lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; | *bold* _it_ [link](http://x)</title>")
                .contains("<h1>Release &lt;img")
                .contains("<li><strong>Requested by:</strong> &lt;img src=x")
                .contains("<td>fine | ship it\nnow</td>")
                .contains("<p>first line<br>\n# not a heading</p>")
                .doesNotContain("<img");
    }
}
