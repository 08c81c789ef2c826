package org.jianhu.supervision.web;

public class UnknownRule extends RuntimeException {

    public UnknownRule(String ruleId) {
        super("no rule " + ruleId + " in the catalogue");
    }
}
