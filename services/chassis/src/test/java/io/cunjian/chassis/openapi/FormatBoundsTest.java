package io.cunjian.chassis.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

/** A string of a length-fixing format gets that length wherever it is written; a length already given stays. */
class FormatBoundsTest {

    private static Schema string(String format) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).format(format);
    }

    @Test
    void componentsPropertiesItemsAndInlineParametersGetTheirFormatsLength() {
        Schema when = string("date-time");
        Schema ids = OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY)).items(string("uuid"));
        Schema day = string("date");
        Schema shorter = string("date").maxLength(10);
        Schema email = string("email");
        Schema record = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("when", when).addProperty("ids", ids).addProperty("shorter", shorter).addProperty("email", email);
        Parameter dueFrom = OASFactory.createParameter().name("dueFrom").in(Parameter.In.QUERY).schema(day);
        OpenAPI openAPI = OASFactory.createOpenAPI()
                .components(OASFactory.createComponents().addSchema("Record", record))
                .paths(OASFactory.createPaths().addPathItem("/things", OASFactory.createPathItem()
                        .GET(OASFactory.createOperation().addParameter(dueFrom))));

        FormatBounds.apply(openAPI);

        assertThat(when.getMaxLength()).isEqualTo(44);
        assertThat(ids.getItems().getMaxLength()).isEqualTo(36);
        assertThat(day.getMaxLength()).isEqualTo(16);
        assertThat(shorter.getMaxLength()).as("a bound given on the record wins").isEqualTo(10);
        assertThat(email.getMaxLength()).as("a format that fixes no length gets none").isNull();
    }
}
