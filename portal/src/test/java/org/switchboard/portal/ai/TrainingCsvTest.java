package org.switchboard.portal.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.api.ai.LabelledText;

class TrainingCsvTest {

    @Test
    void reads_a_header_quoted_commas_quotes_and_line_breaks() {
        String csv = "\uFEFFtext,label\r\n\"Where is my order, please?\",order_status\n"
                + "\"She said \"\"refund\"\" twice\nand left\",refund\n\nplain text,other";
        assertThat(TrainingCsv.parse(csv.getBytes(StandardCharsets.UTF_8))).containsExactly(
                new LabelledText("Where is my order, please?", "order_status"),
                new LabelledText("She said \"refund\" twice\nand left", "refund"),
                new LabelledText("plain text", "other"));
    }

    @Test
    void malformed_rows_are_refused_with_their_line() {
        assertThatThrownBy(() -> TrainingCsv.parse("a,b\nno label here\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("row 2");
        assertThatThrownBy(() -> TrainingCsv.parse("\"open quote,x".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not closed");
        assertThatThrownBy(() -> TrainingCsv.parse("text,label\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("no examples");
    }
}
