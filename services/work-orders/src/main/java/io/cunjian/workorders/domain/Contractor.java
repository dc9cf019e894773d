package io.cunjian.workorders.domain;

import java.util.Objects;

import io.cunjian.chassis.domain.InvalidInput;
import io.cunjian.chassis.domain.StateConflict;

/**
 * A contractor (施工单位): a company known by its unified social credit code, which its staff's tokens
 * carry as {@code contractor_id}. Only active contractors take new work orders.
 */
public record Contractor(String id, Details details, long version) {

    public record Contact(String name, String phone) {
    }

    /** What district admins may change: everything but the code. */
    public record Details(String name, Contact contact, boolean active) {
        public Details {
            Objects.requireNonNull(name, "name");
            name = name.strip();
            contact = contact == null ? null
                    : new Contact(contact.name() == null ? null : contact.name().strip(),
                            contact.phone() == null ? null : contact.phone().strip());
        }
    }

    /**
     * A new contractor. Refused when the code is not 18 characters of the code's alphabet or its check
     * character is wrong (field {@code id}), and when the code is already registered.
     */
    public static Contractor register(String id, Details details, boolean alreadyRegistered) {
        if (!UnifiedSocialCreditCode.isValid(id)) {
            throw new InvalidInput("id", "problem.contractor.id.invalid");
        }
        if (alreadyRegistered) {
            throw new StateConflict(null, "problem.contractor.already-registered", id);
        }
        return new Contractor(id, details, 0);
    }

    /** The contractor with new details; itself, unchanged, when they are the same. */
    public Contractor update(Details newDetails) {
        return newDetails.equals(details) ? this : new Contractor(id, newDetails, version + 1);
    }
}
