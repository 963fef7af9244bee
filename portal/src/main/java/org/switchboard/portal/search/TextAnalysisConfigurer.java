package org.switchboard.portal.search;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The "text" analyzer used for messages and names: words split on Unicode boundaries, lower-cased, accents folded
 * ("José" finds "jose"), English stemming ("invoices" finds "invoice").
 */
public class TextAnalysisConfigurer implements LuceneAnalysisConfigurer {

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer("text").custom()
                .tokenizer("standard")
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding")
                .tokenFilter("snowballPorter").param("language", "English");
    }
}
