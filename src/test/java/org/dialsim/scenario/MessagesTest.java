package org.dialsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How messages show a user's text: what could be misread is escaped, the rest as written. */
class MessagesTest {
  @Test
  void aLookAlikeLetterInALatinWordIsEscaped() {
    // Cyrillic е (U+0435) and а (U+0430), Greek ο (U+03BF): each prints as the Latin letter
    assertEquals("\"d\\u0435adline\"", Messages.quote("d\u0435adline"));
    assertEquals("prefer-ipv\\u0430", Messages.escape("prefer-ipv\u0430"));
    assertEquals("\"rfc83\\u03bf5\"", Messages.quote("rfc83\u03bf5"), "digits count as part of the word");
    assertEquals("\"svc.\\u0435xample.test\"", Messages.quote("svc.\u0435xample.test"), "only the mixed word");
  }

  @Test
  void aWordInOneScriptIsShownAsWritten() {
    assertEquals("\"Z\u00fcrich\"", Messages.quote("Z\u00fcrich"));
    assertEquals("\"\u041c\u043e\u0441\u043a\u0432\u0430 office\"", Messages.quote("\u041c\u043e\u0441\u043a\u0432\u0430 office"),
        "a Cyrillic word beside a Latin one is not mixed");
    assertEquals("\"\u6771\u4eac office\"", Messages.quote("\u6771\u4eac office"));
  }

  @Test
  void invisibleAndConfusablePunctuationIsEscaped() {
    assertEquals("\"dead\\u200bline\"", Messages.quote("dead\u200bline"));
    assertEquals("\"rtt\\uff1a 10ms\"", Messages.quote("rtt\uff1a 10ms"));
    assertEquals("\"prefer\\u2013ipv4\"", Messages.quote("prefer\u2013ipv4"));
  }
}
