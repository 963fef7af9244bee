package org.switchboard.portal.search;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryDependsOnPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Checks the index directory's mapping version ({@link IndexSchemaVersion}) before JPA and Hibernate Search start. */
@Configuration(proxyBeanMethods = false)
class IndexSchemaConfiguration {

    /** The index directory, prepared; a bean so that the entity manager factory can wait for it. */
    @Bean
    SearchIndexDirectory searchIndexDirectory(@Value("${spring.jpa.properties.hibernate.search.backend.directory.root:"
            + "${switchboard.data-directory:data}/index}") String root) {
        Path directory = Path.of(root).toAbsolutePath();
        return new SearchIndexDirectory(directory, IndexSchemaVersion.prepare(directory));
    }

    /**
     * @param path    where the index lives
     * @param emptied whether an index of an older mapping was emptied at this start
     */
    record SearchIndexDirectory(Path path, boolean emptied) {
    }

    @Bean
    static EntityManagerFactoryDependsOnPostProcessor searchIndexDirectoryFirst() {
        return new EntityManagerFactoryDependsOnPostProcessor("searchIndexDirectory");
    }
}
