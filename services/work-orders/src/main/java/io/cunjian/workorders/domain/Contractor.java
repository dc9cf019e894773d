package io.cunjian.workorders.domain;

import java.util.Objects;

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

    public sealed interface Rejection permits InvalidCode, AlreadyRegistered {
    }

    /** Not 18 characters of the code's alphabet, or a wrong check character. Field {@code id}. */
    public record InvalidCode(String id) implements Rejection {
    }

    public record AlreadyRegistered(String id) implements Rejection {
    }

    public sealed interface Outcome permits Accepted, Unchanged, Rejected {
    }

    public record Accepted(Contractor contractor) implements Outcome {
    }

    public record Unchanged(Contractor contractor) implements Outcome {
    }

    public record Rejected(Rejection rejection) implements Outcome {
    }

    public static Outcome register(String id, Details details, boolean alreadyRegistered) {
        if (!UnifiedSocialCreditCode.isValid(id)) {
            return new Rejected(new InvalidCode(id));
        }
        if (alreadyRegistered) {
            return new Rejected(new AlreadyRegistered(id));
        }
        return new Accepted(new Contractor(id, details, 0));
    }

    public Outcome update(Details newDetails) {
        if (newDetails.equals(details)) {
            return new Unchanged(this);
        }
        return new Accepted(new Contractor(id, newDetails, version + 1));
    }
}
