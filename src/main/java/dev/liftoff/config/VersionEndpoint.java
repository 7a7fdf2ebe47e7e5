package dev.liftoff.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Where an environment says what it runs: JSON pointers to the commit SHA and the version. */
public record VersionEndpoint(
        @NotBlank @Pattern(regexp = "/.*", message = "must be a path starting with /") String path,
        @NotBlank @Pattern(regexp = "/.*", message = "must be a JSON pointer such as /commit") String commitPointer,
        @NotBlank @Pattern(regexp = "/.*", message = "must be a JSON pointer such as /version") String versionPointer) {

    public VersionEndpoint {
        path = path == null ? "/version" : path;
        commitPointer = commitPointer == null ? "/commit" : commitPointer;
        versionPointer = versionPointer == null ? "/version" : versionPointer;
    }

    static VersionEndpoint defaults() {
        return new VersionEndpoint(null, null, null);
    }
}
