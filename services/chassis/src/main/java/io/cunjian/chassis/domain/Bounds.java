package io.cunjian.chassis.domain;

/**
 * Bounds that several services' requests and answers share, for their Bean Validation annotations
 * ({@code @Size(max = Bounds.ACTOR)}): the annotation is where a bound lives, the OpenAPI document
 * shows it and the service enforces it (docs/adr/0027-bounds-in-the-contract.md). It lives with the
 * domain's shared facts because some services answer with domain records.
 */
public final class Bounds {

    /** Lists answer at most this many items a page (docs/design.md, "Paging"). */
    public static final int PAGE_SIZE = 500;
    /** The last page number a list takes: 50 million rows at the largest page size, beyond any list here. */
    public static final int PAGE = 100_000;
    /** A count of rows or a resource's version: a 64-bit counter from zero. */
    public static final long COUNT = Long.MAX_VALUE;
    /**
     * Who did something, as stored: the token's subject. The narrowest actor column holds 200 characters, and a
     * token whose subject is longer is refused at sign-in (401, {@code AttributableSubject}) rather than failing
     * at the first write it makes.
     */
    public static final int ACTOR = 200;
    /** A token's claims as echoed back: a token travels in a request header of at most 20 KB. */
    public static final int TOKEN_TEXT = 20_480;
    /** A token's list claims (roles, regions): what 20 KB of header can hold. */
    public static final int TOKEN_LIST = 10_000;
    /** An id written as a UUID (36 characters). */
    public static final int UUID_TEXT = 36;
    /** An If-Match header: an ETag is the quoted entity version ({@code "7"}), maybe weak or a list. */
    public static final int IF_MATCH = 64;
    /** A region code or a prefix of one: at most the 12 digits of a village code. */
    public static final int REGION_CODE = 12;
    /** A flag or a true/false query parameter as text. */
    public static final int FLAG = 5;
    /** A work category's code (the category events' contract: lower-case kebab case, 50 characters). */
    public static final int CATEGORY_CODE = 50;
    /** A unit as a code (LAMP, METRE…: five letters at most) or a measure word (盏, 米…). */
    public static final int UNIT = 5;
    /** A calendar day as text (yyyy-MM-dd). */
    public static final int DAY = 10;
    /**
     * An imported spreadsheet (CSV or XLSX), in bytes: the request body limit of every import route
     * ({@code cunjian.http.limits.routes}, 4M; 413 beyond), declared as the body's maxLength (ADR 0037).
     */
    public static final int IMPORT_FILE = 4 * 1024 * 1024;
    /** The rows an import takes at most (the default of {@code cunjian.import.max-rows}). */
    public static final int IMPORT_ROWS = 20_000;

    private Bounds() {
    }
}
