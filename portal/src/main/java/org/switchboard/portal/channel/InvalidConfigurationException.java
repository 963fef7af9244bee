package org.switchboard.portal.channel;

import java.util.List;
import java.util.stream.Collectors;
import org.switchboard.plugin.api.config.ConfigProblem;

/** A channel account configuration that the schema or the connector refuses; nothing was saved. */
public class InvalidConfigurationException extends RuntimeException {

    private final List<ConfigProblem> problems;

    public InvalidConfigurationException(List<ConfigProblem> problems) {
        super(problems.stream().map(p -> (p.key() == null ? "" : p.key() + ": ") + p.message())
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
