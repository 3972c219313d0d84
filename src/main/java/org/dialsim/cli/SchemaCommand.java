package org.dialsim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.dialsim.schema.ScenarioSchema;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dialsim schema}: print the JSON Schema of the scenario format, for editors. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Print the JSON Schema of scenario files, for editors.",
    synopsisHeading = "%nUsage: ",
    description = {
      "Print the JSON Schema (draft-07) of the scenario format: every key with its type, allowed values, "
          + "default and meaning, made from the defaults file the loader uses. An editor with a YAML language "
          + "server (VS Code's YAML extension, IntelliJ, Neovim's yamlls) then completes keys, shows what each "
          + "means and marks mistakes as you type. A checkout has it at "
          + "src/main/resources/org/dialsim/scenario.schema.json.",
      "",
      "Name it on the first line of a scenario file, with a path relative to that file or a URL:",
      "  # yaml-language-server: $schema=scenario.schema.json",
      ""
    },
    footer = {"", "Examples:", "  dialsim schema > scenario.schema.json", ExitCode.HELP_FOOTER})
public final class SchemaCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(ScenarioSchema.json());
    out.flush();
    return ExitCode.OK;
  }
}
