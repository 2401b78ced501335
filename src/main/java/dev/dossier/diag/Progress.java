package dev.dossier.diag;

/** How far a long build has come, for a progress bar; the stages call it as they go. */
public interface Progress {

  /** Says nothing: for tests, and for output that is not a terminal. */
  Progress NONE = new Progress() {
    @Override
    public void stage(String name, int total) {}

    @Override
    public void step() {}
  };

  /** A new stage begins, with {@code total} steps. */
  void stage(String name, int total);

  /** One step of the current stage is done. Called from several threads. */
  void step();

  /** Tells both. */
  static Progress both(Progress first, Progress second) {
    return new Progress() {
      @Override
      public void stage(String name, int total) {
        first.stage(name, total);
        second.stage(name, total);
      }

      @Override
      public void step() {
        first.step();
        second.step();
      }
    };
  }
}
