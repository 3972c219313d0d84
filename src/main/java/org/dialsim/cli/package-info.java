/**
 * The command line: one picocli class per subcommand. It maps options to a request, calls the
 * simulation and the report writers, and turns failures into the documented exit codes.
 */
package org.dialsim.cli;
