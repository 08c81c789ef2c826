package org.jianhu.project.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;

/** The answer to an accepted command: the project and its version after it (also the ETag). */
public record CommandAccepted(String projectId, long version) {

    public static ResponseEntity<CommandAccepted> ok(String projectId, long version) {
        return ResponseEntity.ok().eTag(Versions.etag(version)).body(new CommandAccepted(projectId, version));
    }

    public static ResponseEntity<CommandAccepted> created(URI location, String projectId, long version) {
        return ResponseEntity.status(HttpStatus.CREATED).location(location).eTag(Versions.etag(version))
                .body(new CommandAccepted(projectId, version));
    }
}
