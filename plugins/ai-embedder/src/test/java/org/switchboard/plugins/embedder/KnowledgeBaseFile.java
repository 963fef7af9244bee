package org.switchboard.plugins.embedder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads {@code dataset/knowledge-base.tsv}: a header, then {@code id<TAB>title<TAB>body} per line. */
final class KnowledgeBaseFile {

    private KnowledgeBaseFile() {
    }

    static List<KeywordIndex.Article> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> {
            String[] f = l.split("\t", -1);
            if (f.length != 3) {
                throw new IllegalArgumentException("expected id, title, body: " + l);
            }
            return new KeywordIndex.Article(f[0], f[1], f[2]);
        }).toList();
    }
}
