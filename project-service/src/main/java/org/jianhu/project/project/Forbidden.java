package org.jianhu.project.project;

/** The actor may not do or read this (RFC 9457 forbidden); nothing is recorded. */
public class Forbidden extends RuntimeException {

    public Forbidden(String message) {
        super(message);
    }
}
