package org.dialsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A headless Chromium driven through the Chrome DevTools Protocol over the JDK's WebSocket
 * client: open a page at a given width, wait for its load event, evaluate an expression in it.
 * DevTools evaluation is not script of the page, so the report's Content-Security-Policy (no
 * script at all) stays in force while it is measured.
 */
final class Chromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final long TIMEOUT_S = 30;

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();

  /** The browser binary: $DIALSIM_CHROMIUM, else chromium, chromium-browser or google-chrome on PATH. */
  static Optional<Path> find() {
    String given = System.getenv("DIALSIM_CHROMIUM");
    if (given != null && !given.isBlank()) {
      return Optional.of(Path.of(given)).filter(Files::isExecutable);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  private Chromium(Process process, Path profile, URI browser) throws Exception {
    this.process = process;
    this.profile = profile;
    this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(browser, new Listener())
        .get(TIMEOUT_S, TimeUnit.SECONDS);
  }

  /** Starts {@code binary} headless with a profile of its own, as the team rules prescribe. */
  static Chromium start(Path binary) throws Exception {
    Path profile = Files.createTempDirectory("dialsim-chromium");
    Process p = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    CompletableFuture<URI> url = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = err.readLine()) != null; ) {
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            url.complete(URI.create(m.group(1)));
          }
        }
        url.completeExceptionally(new IOException("Chromium exited without a DevTools address"));
      } catch (IOException e) {
        url.completeExceptionally(e);
      }
    }, "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    try {
      return new Chromium(p, profile, url.get(TIMEOUT_S, TimeUnit.SECONDS));
    } catch (Exception e) {
      stop(p, profile);
      throw e;
    }
  }

  /**
   * Opens {@code page} in a new tab whose viewport is {@code width} CSS pixels wide, waits until
   * it has loaded and returns the value of {@code expression}, with the error messages the
   * page logged (a refused resource, a failed image).
   */
  Result evaluate(URI page, int width, String expression) throws Exception {
    String target = send(null, "Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
    String session = send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
        .path("sessionId").asText();
    send(session, "Log.enable", Map.of());
    send(session, "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    events.clear();
    send(session, "Page.navigate", Map.of("url", page.toString()));
    // loaded when the document is this page's and complete (a load event could be about:blank's)
    String ready = "document.readyState === 'complete' && location.href === " + JSON.writeValueAsString(page.toString());
    List<String> errors = new ArrayList<>();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
    while (!send(session, "Runtime.evaluate", Map.of("expression", ready, "returnByValue", true))
        .at("/result/value").asBoolean()) {
      if (System.nanoTime() > until) {
        throw new IOException(page + " did not load in " + TIMEOUT_S + " s");
      }
      Thread.sleep(50);
    }
    for (JsonNode e; (e = events.poll()) != null; ) {
      if (e.path("method").asText().equals("Log.entryAdded") && e.at("/params/entry/level").asText().equals("error")) {
        errors.add(e.at("/params/entry/text").asText());
      }
    }
    JsonNode r = send(session, "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    if (r.has("exceptionDetails")) {
      throw new IOException("the expression failed: " + r.get("exceptionDetails"));
    }
    send(null, "Target.closeTarget", Map.of("targetId", target));
    return new Result(r.at("/result/value"), List.copyOf(errors));
  }

  /**
   * What {@link #evaluate} found.
   *
   * @param value the expression's value
   * @param errors messages the page logged at level error while loading
   */
  record Result(JsonNode value, List<String> errors) {}

  private JsonNode send(String session, String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode m = JSON.createObjectNode();
    m.put("id", id);
    m.put("method", method);
    m.set("params", JSON.valueToTree(params));
    if (session != null) {
      m.put("sessionId", session);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    socket.sendText(JSON.writeValueAsString(m), true).get(TIMEOUT_S, TimeUnit.SECONDS);
    JsonNode r = reply.get(TIMEOUT_S, TimeUnit.SECONDS);
    if (r.has("error")) {
      throw new IOException(method + ": " + r.get("error"));
    }
    return r.path("result");
  }

  /** Collects frames into messages: replies complete their request, the rest are events. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          JsonNode m = JSON.readTree(text.toString());
          CompletableFuture<JsonNode> reply = m.has("id") ? pending.remove(m.get("id").asInt()) : null;
          if (reply != null) {
            reply.complete(m);
          } else {
            events.add(m);
          }
        } catch (IOException e) {
          events.add(JSON.createObjectNode().put("method", "unreadable"));
        }
        text.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }

  @Override
  public void close() {
    socket.abort();
    stop(process, profile);
  }

  /** Ends the browser this class started, its helper processes first, and removes its profile. */
  private static void stop(Process p, Path profile) {
    p.descendants().forEach(ProcessHandle::destroy);
    p.destroy();
    try {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a profile left in the temp folder is harmless
    }
  }
}
