package org.switchboard.plugins.textclassifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.ai.LabelledText;

class LabelledCsvTest {

    @Test
    void reads_quoted_fields_with_commas_quotes_and_line_breaks_and_skips_the_header() throws IOException {
        String csv = "text,label\r\n"
                + "Where is my order?,order_status\r\n"
                + "\"Hi, I was charged twice\",billing\n"
                + "\"She said \"\"no\"\"\nthen hung up\",complaint\n"
                + "\n"
                + "  plain  , other ";

        List<LabelledText> rows = LabelledCsv.read(new StringReader(csv));

        assertThat(rows).containsExactly(
                new LabelledText("Where is my order?", "order_status"),
                new LabelledText("Hi, I was charged twice", "billing"),
                new LabelledText("She said \"no\"\nthen hung up", "complaint"),
                new LabelledText("plain", "other"));
    }

    @Test
    void a_row_without_a_label_is_refused_with_its_line_number() {
        assertThatThrownBy(() -> LabelledCsv.read(new StringReader("text,label\nok,other\njust text\n")))
                .isInstanceOf(IOException.class).hasMessageContaining("line 3").hasMessageContaining("2 fields");
    }

    @Test
    void an_unclosed_quote_is_refused() {
        assertThatThrownBy(() -> LabelledCsv.read(new StringReader("\"never closed,other\n")))
                .isInstanceOf(IOException.class).hasMessageContaining("never closed");
    }
}
