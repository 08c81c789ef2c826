package org.jianhu.project.web;

/**
 * The version of the project a write is conditional on, as its {@code If-Match} header names it; a
 * controller takes it as a parameter. The version is null when the write is unconditional (no
 * {@code If-Match}, or {@code *}); an {@code If-Match} that names no version is refused (400).
 */
public record ExpectedVersion(Long version) {
}
