package org.beyondlazy.cli;

import picocli.CommandLine.Option;

/** Options every subcommand takes. */
public final class CommonOptions {
    @Option(names = "--json", description = "Print the result as one JSON object on stdout.")
    boolean json;

    @Option(names = "--debug", description = "Print a stack trace with an error.")
    boolean debug;

    public boolean json() {
        return json;
    }
}
