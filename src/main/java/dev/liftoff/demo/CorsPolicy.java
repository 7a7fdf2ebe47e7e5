package dev.liftoff.demo;

import com.sun.net.httpserver.Headers;

/** The study-api lets exactly one browser origin, its web app, call it. */
final class CorsPolicy {

    private final String allowedOrigin;

    CorsPolicy(String allowedOrigin) {
        this.allowedOrigin = allowedOrigin;
    }

    /** On every response: the allow header for the app's origin, nothing for any other. */
    void allowOrigin(String origin, Headers response) {
        response.set("Vary", "Origin");
        if (allowedOrigin.equals(origin)) {
            response.set("Access-Control-Allow-Origin", origin);
        }
    }

    /** Answers a browser's preflight; another origin gets no allow headers, so its browser blocks the call. */
    void preflight(String origin, Headers response) {
        allowOrigin(origin, response);
        if (allowedOrigin.equals(origin)) {
            response.set("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
            response.set("Access-Control-Allow-Headers", "Content-Type, Authorization");
            response.set("Access-Control-Max-Age", "600");
        }
    }
}
