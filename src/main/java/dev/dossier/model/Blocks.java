package dev.dossier.model;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A document's blocks, immutable, with its paragraphs picked out once: pages, the search index
 * and the exports ask a source for its paragraphs (or its paragraph n) many times a build, and a
 * record holds no field of its own to keep them in.
 */
final class Blocks extends AbstractList<Block> implements RandomAccess {

  private final List<Block> all;
  private final List<Paragraph> paragraphs;

  private Blocks(List<Block> blocks) {
    this.all = List.copyOf(blocks);
    this.paragraphs = all.stream().filter(Paragraph.class::isInstance).map(Paragraph.class::cast).toList();
  }

  static Blocks of(List<Block> blocks) {
    return blocks instanceof Blocks made ? made : new Blocks(blocks);
  }

  static List<Paragraph> paragraphs(List<Block> blocks) {
    return of(blocks).paragraphs;
  }

  @Override
  public Block get(int index) {
    return all.get(index);
  }

  @Override
  public int size() {
    return all.size();
  }
}
