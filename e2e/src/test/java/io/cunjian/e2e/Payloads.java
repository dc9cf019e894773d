package io.cunjian.e2e;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.cunjian.infrastructure.Topics;
import io.cunjian.testing.TopicReader;

/**
 * What the services really put on the topics, read back from the stack's broker: numbers must be
 * written plain ({@code 80}, not {@code 8E+1}; ADR 0014), whichever service published them.
 */
final class Payloads {

    private static final JsonFactory JSON = new JsonFactory();

    private Payloads() {
    }

    /** Every number in scientific form on any topic, as {@code topic@offset ce_type: text}. */
    static List<String> scientificNumbers(String bootstrap) {
        List<String> found = new ArrayList<>();
        int read = 0;
        for (Topics.Spec topic : Topics.specs()) {
            for (TopicReader.Event e : TopicReader.readAll(bootstrap, topic.name(), Duration.ofSeconds(3))) {
                read++;
                for (String number : numbers(e.data())) {
                    if (number.contains("e") || number.contains("E")) {
                        found.add(topic.name() + "@" + e.partition() + ":" + e.offset() + " " + e.ceType() + ": " + number);
                    }
                }
            }
        }
        if (read == 0) {
            found.add("no events on the topics at all: nothing was checked");
        }
        return found;
    }

    /** The numbers of a JSON text as written (the parser's raw text, not the value). */
    private static List<String> numbers(String json) {
        List<String> numbers = new ArrayList<>();
        if (json == null) {
            return numbers;
        }
        try (JsonParser p = JSON.createParser(json)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                    numbers.add(p.getText());
                }
            }
        } catch (IOException e) {
            // A dead letter may hold anything; what is not JSON holds no JSON numbers.
        }
        return numbers;
    }
}
