package org.dialsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** dialsim's version, from the build (version.properties, filled in by Maven). */
public final class Version implements CommandLine.IVersionProvider {
  /** The version string, or "dev" outside a Maven build. */
  public static String get() {
    try (InputStream in = Version.class.getResourceAsStream("/org/dialsim/version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "dev");
      return v.startsWith("${") ? "dev" : v;
    } catch (IOException e) {
      return "dev";
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {"dialsim " + get(), "Java " + System.getProperty("java.version")};
  }
}
