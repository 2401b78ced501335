package dev.dossier.cite;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.List;

/** A {@code [@...]} citation in the Markdown tree: one or more references as written. */
public final class CitationNode extends Node {

  private final List<CitationRef> refs;
  private int firstIndex = -1;

  CitationNode(BasedSequence chars, List<CitationRef> refs) {
    super(chars);
    this.refs = List.copyOf(refs);
  }

  public List<CitationRef> refs() {
    return refs;
  }

  /** The index of this node's first reference among all references of its Markdown text. */
  int firstIndex() {
    return firstIndex;
  }

  void firstIndex(int index) {
    this.firstIndex = index;
  }

  @Override
  public BasedSequence[] getSegments() {
    return EMPTY_SEGMENTS;
  }
}
