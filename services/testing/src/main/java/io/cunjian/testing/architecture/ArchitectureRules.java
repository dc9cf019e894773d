package io.cunjian.testing.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.regex.Pattern;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers every Cunjian service keeps, as rules over one service's root package (e.g.
 * {@code io.cunjian.workorders}):
 * <ul>
 * <li>{@code api} — inbound adapters: REST resources, Kafka consumers, request and view records. It talks
 * to {@code domain} only (commands in, views out), and passes the caller on: whether the caller may is the
 * use case's decision, not the resource's.</li>
 * <li>{@code domain} — aggregates, named policies and use cases, and the interfaces through which use cases
 * reach storage and other systems (which the domain owns). No HTTP, Kafka, JPA or JDBC; rejections, not
 * problems.</li>
 * <li>{@code persistence} — implements the domain's storage interfaces (JPA entities, queries).</li>
 * <li>{@code events} — the event payloads the service publishes or reads, as typed records: plain data.</li>
 * </ul>
 * Nothing but {@code persistence} knows {@code persistence}, nothing but {@code api} knows {@code api}, and the
 * service's packages have no cycles. {@link ServiceArchitectureContract} applies them to a service; the
 * contract's own test applies them to planted violations to prove each can fail.
 */
public final class ArchitectureRules {

    /** Transport and storage technology the domain must not see. */
    static final String[] TECHNOLOGY = {
        "jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx..",
        "org.apache.kafka..", "io.smallrye.reactive.messaging..", "io.cloudevents..",
        "jakarta.persistence..", "io.quarkus.hibernate..", "io.quarkus.panache..", "java.sql..", "javax.sql..",
        "io.agroal.."
    };

    /** Chassis parts that belong to the HTTP or storage edge, not to the domain. */
    static final String[] CHASSIS_EDGE = {
        "io.cunjian.chassis.problem..", "io.cunjian.chassis.concurrency..", "io.cunjian.chassis.persistence..",
        "io.cunjian.chassis.inbox..", "io.cunjian.chassis.web..", "io.cunjian.chassis.openapi..",
        "io.cunjian.chassis.export.."
    };

    /** Where the chassis keeps the caller and its access rules. */
    static final String SECURITY = "io.cunjian.chassis.security";

    /** The caller's checks: the {@code require…} that throw, and the questions a decision is made of. */
    private static final Pattern CALLER_DECISIONS = Pattern.compile("require.*|may.*|hasRole|contractorOwns");

    private ArchitectureRules() {
    }

    public static ArchRule domainKnowsNoTransportOrStorage(String root) {
        return noClasses().that().resideInAPackage(root + ".domain..")
                .should().dependOnClassesThat(resideInAnyPackage(TECHNOLOGY).or(hibernateOrm())
                        .or(resideInAnyPackage(CHASSIS_EDGE))
                        .or(resideInAnyPackage(root + ".api..", root + ".persistence..")))
                .because("the domain decides; how requests arrive and where things are stored are the edges' business");
    }

    public static ArchRule apiTalksToTheDomainNotToStorage(String root) {
        return noClasses().that().resideInAPackage(root + ".api..")
                .should().dependOnClassesThat(resideInAnyPackage(root + ".persistence..", "jakarta.persistence..",
                        "io.quarkus.hibernate..", "io.quarkus.panache..", "java.sql..", "javax.sql..", "io.agroal..",
                        "io.cunjian.chassis.persistence..").or(hibernateOrm()))
                .because("the api hands commands to use cases and shows what they return");
    }

    /**
     * The api reads who is calling and hands it to one use case, which loads, authorizes, decides, stores and
     * publishes: no resource or consumer checks the caller itself (the caller's {@code require…}, {@code may…},
     * {@code hasRole}, {@code contractorOwns}) or names a policy, a decision or a list's region scope.
     */
    public static ArchRule apiLeavesAuthorizationToTheUseCases(String root) {
        return apiLeavesAuthorizationToTheUseCases(root, SECURITY);
    }

    /** {@link #apiLeavesAuthorizationToTheUseCases(String)} with the security classes in {@code security}. */
    static ArchRule apiLeavesAuthorizationToTheUseCases(String root, String security) {
        String caller = security + ".Caller";
        DescribedPredicate<JavaMethodCall> decision = DescribedPredicate.describe(
                "a check of " + caller + " (require…, may…, hasRole, contractorOwns)",
                call -> call.getTargetOwner().getName().equals(caller) && CALLER_DECISIONS.matcher(call.getName()).matches());
        Pattern rules = Pattern.compile(Pattern.quote(security) + "\\.(Policy|Policies|Decision|RegionScope)(\\$.*)?");
        DescribedPredicate<JavaClass> policies = DescribedPredicate.describe(
                "the access rules of " + security + " (Policy, Policies, Decision, RegionScope)",
                c -> rules.matcher(c.getName()).matches());
        return noClasses().that().resideInAPackage(root + ".api..")
                .should().callMethodWhere(decision)
                .orShould().dependOnClassesThat(policies)
                .because("a use case loads, authorizes, decides, stores and publishes in one direction; the api passes the"
                        + " caller on and shows the answer");
    }

    public static ArchRule onlyPersistenceKnowsPersistence(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".persistence..")
                .should().dependOnClassesThat().resideInAPackage(root + ".persistence..")
                .because("storage is reached through interfaces the domain owns");
    }

    public static ArchRule nothingDependsOnTheApi(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".api..")
                .should().dependOnClassesThat().resideInAPackage(root + ".api..")
                .because("the api is the outermost layer: requests come in through it, nothing calls back into it");
    }

    public static ArchRule eventPayloadsAreData(String root) {
        return noClasses().that().resideInAPackage(root + ".events..")
                .should().dependOnClassesThat(resideInAnyPackage(TECHNOLOGY).or(hibernateOrm())
                        .or(resideInAnyPackage(root + ".api..", root + ".persistence..")))
                .because("a published payload is plain data, readable without the service");
    }

    public static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    public static ArchRule configurationThroughConfigMapping(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.eclipse.microprofile.config.inject.ConfigProperty")
                .because("configuration is read through @ConfigMapping interfaces, one per concern");
    }

    /** Hibernate ORM, but not Hibernate Validator's constraint annotations (Bean Validation is fine anywhere). */
    private static DescribedPredicate<JavaClass> hibernateOrm() {
        return resideInAPackage("org.hibernate..").and(not(resideInAPackage("org.hibernate.validator..")))
                .as("Hibernate ORM");
    }
}
