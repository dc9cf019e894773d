package io.cunjian.chassis.inbox;

/**
 * A record that can never be applied as it is (not a CloudEvent, not JSON, not what its schema
 * says). It goes to the dead-letter topic with this message as the reason; consumption goes on.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason);
    }

    public PoisonEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
