package io.cunjian.chassis.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Makes a state-changing resource method honour {@code Idempotency-Key}: a repeat with the same key and
 * body gets the first answer again (status, body, Location, ETag) and changes nothing; the same key with
 * another body is refused with 422. Requests without the header run normally.
 * <p>
 * The method runs inside the transaction that records the answer, so the business change and the record
 * commit together; a method that fails records nothing and may be retried with the same key.
 * For blocking methods (no {@code Uni}) whose body is a JSON entity, form fields or file uploads.
 */
@InterceptorBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface Idempotent {
}
