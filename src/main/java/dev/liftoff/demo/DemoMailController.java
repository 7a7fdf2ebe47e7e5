package dev.liftoff.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The demo mailbox for any signed-in demo user: {@code GET /api/demo/mail} as JSON, or as a small
 * page, newest first, when a browser asks for HTML.
 */
@RestController
@Profile(DemoPorts.DEMO_PROFILE)
public class DemoMailController {

    private final DemoMailbox mailbox;

    public DemoMailController(DemoMailbox mailbox) {
        this.mailbox = mailbox;
    }

    /** JSON, unless the caller asks for HTML by name (a browser does; curl does not) */
    @GetMapping("/api/demo/mail")
    public ResponseEntity<?> mail(@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        List<Map<String, Object>> received = mailbox.received();
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(page(received));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(received);
    }

    private static String page(List<Map<String, Object>> received) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Liftoff demo mailbox</title>"
                + "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}article{border-top:1px solid #ccc;padding:.5em 0}"
                + "pre{white-space:pre-wrap;background:#f6f6f6;padding:.5em}</style></head><body><h1>Demo mailbox</h1><p>")
                .append(received.size()).append(received.size() == 1 ? " mail" : " mails")
                .append(" received by the demo SMTP server, newest first.</p>");
        for (int i = received.size() - 1; i >= 0; i--) {
            Map<String, Object> mail = received.get(i);
            html.append("<article><h2>").append(escape(mail.get("subject"))).append("</h2><p>")
                    .append(escape(mail.get("receivedAt"))).append(" &middot; to ").append(escape(mail.get("to")))
                    .append(" &middot; from ").append(escape(mail.get("from"))).append("</p><pre>")
                    .append(escape(mail.get("text"))).append("</pre></article>");
        }
        return html.append("</body></html>").toString();
    }

    private static String escape(Object text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text.toString());
    }
}
