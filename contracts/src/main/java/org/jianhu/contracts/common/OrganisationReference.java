package org.jianhu.contracts.common;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * An OC4IDS {@code OrganizationReference}: a party of the project by its identifier and name, e.g.
 * {@code {"id": "CN-USCC-913302001234567890", "name": "宁波海兴建设有限公司"}}. Its role (supplier, payer,
 * payee, inspector) is the field that holds it.
 *
 * <p>A bare string, as callers and events before parties sent it, names a party whose name is its identifier.
 */
public record OrganisationReference(String id, String name) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public OrganisationReference {
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static OrganisationReference named(String name) {
        return new OrganisationReference(name, name);
    }

    /** The same party: parties are compared by identifier, a name may be spelt differently. */
    public boolean sameParty(OrganisationReference other) {
        return other != null && id != null && id.equals(other.id);
    }

    /** How a person reads it: the name, or the identifier when it has no name. */
    public String displayName() {
        return name == null || name.isBlank() ? id : name;
    }
}
