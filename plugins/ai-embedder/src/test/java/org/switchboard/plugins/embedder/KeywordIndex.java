package org.switchboard.plugins.embedder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Plays the portal's knowledge-base retrieval in the evaluation: Lucene BM25 with the portal's "text" analysis
 * (standard tokenizer, lower case, ASCII folding, English Porter stemming), a simple query string over the title
 * (boost 2) and the body, any word matching, as {@code KnowledgeBase.retrieve} asks Hibernate Search for.
 */
final class KeywordIndex implements AutoCloseable {

    /** One article of the evaluation's knowledge base. */
    record Article(String id, String title, String body) {
    }

    private final List<Article> articles;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final Analyzer analyzer;
    private final DirectoryReader reader;

    KeywordIndex(List<Article> articles) throws IOException {
        this.articles = List.copyOf(articles);
        this.analyzer = CustomAnalyzer.builder().withTokenizer("standard").addTokenFilter("lowercase")
                .addTokenFilter("asciiFolding").addTokenFilter("snowballPorter", "language", "English").build();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (int i = 0; i < articles.size(); i++) {
                Document doc = new Document();
                doc.add(new StringField("n", String.valueOf(i), Field.Store.YES));
                doc.add(new TextField("title", articles.get(i).title(), Field.Store.NO));
                doc.add(new TextField("body", articles.get(i).body(), Field.Store.NO));
                writer.addDocument(doc);
            }
        }
        this.reader = DirectoryReader.open(directory);
    }

    /** The matching articles, best first (at most {@code limit}). */
    List<Article> search(String question, int limit) throws IOException {
        String cleaned = question.replaceAll("[+\\-|\"*~()]", " ").strip();
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, Map.of("title", 2.0f, "body", 1.0f));
        parser.setDefaultOperator(BooleanClause.Occur.SHOULD);
        Query query = parser.parse(cleaned);
        List<Article> hits = new ArrayList<>();
        if (query == null) {
            return hits;
        }
        IndexSearcher searcher = new IndexSearcher(reader);
        for (ScoreDoc hit : searcher.search(query, limit).scoreDocs) {
            hits.add(articles.get(Integer.parseInt(searcher.storedFields().document(hit.doc).get("n"))));
        }
        return hits;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
        analyzer.close();
    }
}
