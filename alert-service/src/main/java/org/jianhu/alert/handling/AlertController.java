package org.jianhu.alert.handling;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jianhu.alert.lifecycle.Actor;
import org.jianhu.servicesupport.input.InputPolicy;
import org.jianhu.servicesupport.input.InvalidInput;
import org.jianhu.servicesupport.paging.Page;
import org.jianhu.servicesupport.paging.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;

/** The alert list and the steps of 交办 → 整改 → 核验 → 销号 (or dismissal). */
@RestController
@RequestMapping("/api/alerts")
class AlertController {

    private final ReadingAlerts reading;
    private final HandlingAlerts handling;

    AlertController(ReadingAlerts reading, HandlingAlerts handling) {
        this.reading = reading;
        this.handling = handling;
    }

    /** Each body is checked by the input policy, naming the field: an organisation is a name, the rest text. */
    record Assignment(@NotBlank String organisation, @NotNull LocalDate deadline, String comment) {
        void check() {
            InvalidInput.refuseIf("organisation", InputPolicy.name("organisation", organisation));
            InvalidInput.refuseIf("comment", InputPolicy.optionalText("comment", comment));
        }
    }

    record Rectification(@NotBlank String comment) {
        void check() {
            InvalidInput.refuseIf("comment", InputPolicy.text("comment", comment));
        }
    }

    record Verification(@NotNull Boolean accepted, String comment) {
        void check() {
            InvalidInput.refuseIf("comment", InputPolicy.optionalText("comment", comment));
        }
    }

    record Closure(String comment) {
        void check() {
            InvalidInput.refuseIf("comment", InputPolicy.optionalText("comment", comment));
        }
    }

    record Dismissal(@NotBlank String justification) {
        void check() {
            InvalidInput.refuseIf("justification", InputPolicy.text("justification", justification));
        }
    }

    @GetMapping
    @Operation(summary = "The caller's alerts, newest first (raised at, then id), a page at a time; every filter "
            + "optional, together they all apply")
    Page<AlertSummary> list(@Parameter(description = "raised, assigned, rectificationReported, verified, closed or "
                                    + "dismissed; open for any of the first four") @RequestParam(required = false)
                            String status,
                            @Parameter(description = "the colour shown: RED, YELLOW or GREEN")
                            @RequestParam(required = false) String level,
                            @Parameter(description = "the project's id") @RequestParam(required = false) String project,
                            @Parameter(description = "the project's region") @RequestParam(required = false) String region,
                            @Parameter(description = "the rule, e.g. R01") @RequestParam(required = false) String rule,
                            PageRequest page, Actor reader) {
        return reading.mine(reader, AlertFilter.of(status, level, project, region, rule), page);
    }

    @GetMapping("/{id}")
    AlertDetails one(@PathVariable UUID id, Actor reader) {
        return reading.one(id, reader);
    }

    @PostMapping("/{id}/assignment")
    AlertDetails assign(@PathVariable UUID id, Actor actor, @Valid @RequestBody Assignment body) {
        body.check();
        return handling.assign(id, actor, body.organisation(), body.deadline(), body.comment());
    }

    @PostMapping("/{id}/rectification")
    AlertDetails reportRectification(@PathVariable UUID id, Actor actor, @Valid @RequestBody Rectification body) {
        body.check();
        return handling.reportRectification(id, actor, body.comment());
    }

    @PostMapping("/{id}/verification")
    AlertDetails verify(@PathVariable UUID id, Actor actor, @Valid @RequestBody Verification body) {
        body.check();
        return handling.verify(id, actor, body.accepted(), body.comment());
    }

    @PostMapping("/{id}/closure")
    AlertDetails close(@PathVariable UUID id, Actor actor, @RequestBody(required = false) Closure body) {
        if (body != null) {
            body.check();
        }
        return handling.close(id, actor, body == null ? null : body.comment());
    }

    @PostMapping("/{id}/dismissal")
    AlertDetails dismiss(@PathVariable UUID id, Actor actor, @Valid @RequestBody Dismissal body) {
        body.check();
        return handling.dismiss(id, actor, body.justification());
    }
}
