package org.dialsim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GithubAnnotationTest {
  @Test
  void positionsAndTitle() {
    assertEquals("::error file=scenarios/ci/a.yaml,line=12,col=5,title=dialsim check::UCMA: rate = 0.5",
        GithubAnnotation.error("scenarios/ci/a.yaml", 12, 5, "UCMA: rate = 0.5"));
    assertEquals("::error file=a.yaml,title=dialsim check::whole file", GithubAnnotation.error("a.yaml", 0, 0, "whole file"));
  }

  @Test
  void escapesAsTheActionsToolkitDoes() {
    // a line break would end the command; ':' and ',' separate properties; '%' starts an escape
    assertEquals("::error file=dir%2Cx/a%3Ab.yaml,line=1,col=2,title=dialsim check::95%25 CI%0Anext: line, ok%0D",
        GithubAnnotation.error("dir,x/a:b.yaml", 1, 2, "95% CI\nnext: line, ok\r"));
  }
}
