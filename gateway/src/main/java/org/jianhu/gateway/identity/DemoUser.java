package org.jianhu.gateway.identity;

public record DemoUser(String id, String name, String role, String organisation, String region) {
}
