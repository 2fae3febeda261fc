package dev.tributary.core.input.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.input.InputRow;
import dev.tributary.core.input.UnparseableEventException;
import dev.tributary.core.spec.InvalidSpecException;
import dev.tributary.core.spec.SpecReader;
import dev.tributary.core.spec.TransformSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowTransformerTest {
    private static RowTransformer transformer(String json) {
        return new RowTransformer(SpecReader.read(json, TransformSpec.class));
    }

    private static InputRow row(Object... namesAndValues) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new InputRow(1000L, List.of("page", "user"), fields);
    }

    @Test
    void shouldRenameCopyAndConcatenateFields() {
        RowTransformer t = transformer("""
                {"transforms": [
                  {"type": "expression", "name": "title", "expression": "page"},
                  {"type": "expression", "name": "key", "expression": "concat(page, '|', user)"},
                  {"type": "expression", "name": "shout", "expression": "upper(title)"}]}""");
        InputRow out = t.apply(row("page", "Lake", "user", "ann"));
        assertThat(out.get("title")).isEqualTo("Lake");
        assertThat(out.get("key")).isEqualTo("Lake|ann");
        assertThat(out.get("shout")).isEqualTo("LAKE");
        assertThat(out.get("page")).isEqualTo("Lake");
        assertThat(out.timestamp()).isEqualTo(1000L);
    }

    @Test
    void shouldComputeArithmeticWithLongAndDoubleTypes() {
        RowTransformer t = transformer("""
                {"transforms": [
                  {"name": "twice", "expression": "added * 2"},
                  {"name": "half", "expression": "added / 2.0"},
                  {"name": "net", "expression": "added - deleted + 1"}]}""");
        InputRow out = t.apply(row("added", 7L, "deleted", 3L));
        assertThat(out.get("twice")).isEqualTo(14L);
        assertThat(out.get("half")).isEqualTo(3.5);
        assertThat(out.get("net")).isEqualTo(5L);
    }

    @Test
    void shouldGiveNullWhenAnOperandIsNullAsSqlDoes() {
        RowTransformer t = transformer("""
                {"transforms": [{"name": "key", "expression": "concat(page, user)"},
                                {"name": "safe", "expression": "nvl(user, 'anonymous')"}]}""");
        InputRow out = t.apply(row("page", "Lake"));
        assertThat(out.get("key")).isNull();
        assertThat(out.get("safe")).isEqualTo("anonymous");
    }

    @Test
    void shouldReplaceTheEventTimeWithATransformOfTime() {
        RowTransformer t = transformer("{\"transforms\": [{\"name\": \"__time\", \"expression\": \"__time + 500\"}]}");
        assertThat(t.apply(row("page", "x")).timestamp()).isEqualTo(1500L);
    }

    @Test
    void shouldDropRowsTheFilterRejectsAndKeepTheOthers() {
        RowTransformer t = transformer("""
                {"filter": {"type": "selector", "dimension": "country", "value": "NL"},
                 "transforms": [{"name": "country", "expression": "upper(cc)"}]}""");
        assertThat(t.apply(row("cc", "nl"))).isNotNull();
        assertThat(t.apply(row("cc", "de"))).isNull();
        assertThat(t.apply(row("page", "no country"))).isNull();
    }

    @Test
    void shouldTurnAFailingTransformOfTimeIntoAnUnparseableEvent() {
        RowTransformer t = transformer("{\"transforms\": [{\"name\": \"__time\", \"expression\": \"missing\"}]}");
        assertThatThrownBy(() -> t.apply(row("page", "x"))).isInstanceOf(UnparseableEventException.class);
    }

    @Test
    void shouldRefuseAnExpressionThatDoesNotParseNamingTheField() {
        assertThatThrownBy(() -> transformer("{\"transforms\": [{\"name\": \"x\", \"expression\": \"concat(a,\"}]}"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("transforms[0].expression");
        assertThatThrownBy(() -> transformer("{\"transforms\": [{\"name\": \"x\", \"expression\": \"frobnicate(a)\"}]}"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("frobnicate");
    }
}
