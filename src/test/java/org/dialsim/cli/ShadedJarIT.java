package org.dialsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar as {@code mvn package} leaves it (run by failsafe after package): it starts,
 * and it carries every NOTICE and licence its shaded dependencies ship (Apache-2.0 section
 * 4(d); BSD-2 for HdrHistogram), none lost to another file of the same name.
 */
class ShadedJarIT {
  private static final Path JAR = Path.of(System.getProperty("dialsim.jar", "target/dialsim.jar"));
  private static final String APACHE_2 = "Apache License Version 2.0, January 2004";

  @Test
  void runsWithJavaDashJar() throws Exception {
    Process p = new ProcessBuilder("java", "-jar", JAR.toString(), "--version").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    assertTrue(out.startsWith("dialsim "), out);
  }

  /**
   * Maven warns on every build about a plugin declared twice in build/plugins (8 [WARNING]
   * lines) and uses only one of the declarations: two failsafe ones once came together in a merge.
   */
  @Test
  void thePomDeclaresEachBuildPluginOnce() throws Exception {
    var pom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(ProcessRun.basedir().resolve("pom.xml").toFile());
    var plugins = ((org.w3c.dom.Element) pom.getElementsByTagName("build").item(0)).getElementsByTagName("plugins");
    var declared = ((org.w3c.dom.Element) plugins.item(0)).getChildNodes();
    Set<String> seen = new HashSet<>();
    int count = 0;
    for (int i = 0; i < declared.getLength(); i++) {
      if (declared.item(i) instanceof org.w3c.dom.Element plugin && plugin.getTagName().equals("plugin")) {
        count++;
        String id = child(plugin, "groupId", "org.apache.maven.plugins") + ":" + child(plugin, "artifactId", "");
        assertTrue(seen.add(id), id + " is declared twice in build/plugins");
      }
    }
    assertTrue(count >= 5, "plugins found: " + count);
  }

  /** The text of a direct child element, or {@code absent}. */
  private static String child(org.w3c.dom.Element e, String tag, String absent) {
    for (var n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof org.w3c.dom.Element c && c.getTagName().equals(tag)) {
        return c.getTextContent().strip();
      }
    }
    return absent;
  }

  @Test
  void keepsEveryShadedDependencysNoticeAndLicence() throws IOException {
    try (JarFile shaded = new JarFile(JAR.toFile())) {
      Set<String> noticeLines = new HashSet<>(lines(text(shaded, "META-INF/NOTICE")));
      Set<String> licences = new HashSet<>();
      for (JarEntry e : entries(shaded)) {
        if (isLicence(e.getName())) {
          licences.add(normal(text(shaded, e.getName())));
        }
      }
      assertTrue(normal(text(shaded, "META-INF/LICENSE")).startsWith(APACHE_2), "dialsim's own licence");
      int dependencies = 0;
      for (Path dep : dependencyJars()) {
        try (JarFile jar = new JarFile(dep.toFile())) {
          if (!shadedInto(jar, shaded)) {
            continue;
          }
          dependencies++;
          for (JarEntry e : entries(jar)) {
            String n = e.getName();
            if (n.matches("META-INF/NOTICE(\\.txt|\\.md)?")) {
              for (String line : lines(text(jar, n))) {
                assertTrue(noticeLines.contains(line), dep.getFileName() + " " + n + ": missing \"" + line + "\"");
              }
            } else if (isLicence(n)) {
              String licence = normal(text(jar, n));
              // an Apache-2.0 text is the one dialsim's META-INF/LICENSE already is; Jackson's
              // LICENSE files only say that their module is under it
              boolean apache = licence.startsWith(APACHE_2) || licence.contains("licensed under the Apache (Software) License, version 2.0");
              assertTrue(licences.contains(licence) || apache,
                  dep.getFileName() + " " + n + " is not in the jar");
            }
          }
        }
      }
      assertTrue(dependencies >= 20, "shaded dependencies found on the class path: " + dependencies);
    }
  }

  private static boolean isLicence(String name) {
    return name.matches("META-INF/([A-Za-z-]+-)?LICENSE(\\.txt|\\.md)?");
  }

  /** True when the shaded jar holds {@code jar}'s first class. */
  private static boolean shadedInto(JarFile jar, JarFile shaded) {
    for (JarEntry e : entries(jar)) {
      if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/") && !e.getName().endsWith("module-info.class")) {
        return shaded.getEntry(e.getName()) != null;
      }
    }
    return false;
  }

  private static List<Path> dependencyJars() {
    List<Path> out = new ArrayList<>();
    for (String p : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (p.endsWith(".jar")) {
        out.add(Path.of(p));
      }
    }
    return out;
  }

  private static List<JarEntry> entries(JarFile jar) {
    List<JarEntry> out = new ArrayList<>();
    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
      out.add(e.nextElement());
    }
    return out;
  }

  private static String text(JarFile jar, String name) throws IOException {
    JarEntry e = jar.getJarEntry(name);
    assertTrue(e != null, jar.getName() + " has no " + name);
    try (var in = jar.getInputStream(e)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> lines(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private static String normal(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  static {
    // fail early with a clear message when run outside Maven's verify phase
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " is missing: run `mvn -B verify` (integration tests run after package)");
    }
  }
}
