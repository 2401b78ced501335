package dev.dossier.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A metadata value together with where it came from. An unknown value is {@code empty} with
 * origin {@link Origin#UNKNOWN}; it is never filled in with a guess.
 */
public record Field<T>(Optional<T> value, Origin origin) {

  public Field {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(origin, "origin");
    if (value.isEmpty() != (origin == Origin.UNKNOWN)) {
      throw new IllegalArgumentException("a value is unknown exactly when its origin is UNKNOWN");
    }
  }

  public static <T> Field<T> unknown() {
    return new Field<>(Optional.empty(), Origin.UNKNOWN);
  }

  public static <T> Field<T> of(T value, Origin origin) {
    return new Field<>(Optional.of(value), origin);
  }

  /** This field if known, else {@code other}. */
  public Field<T> or(Field<T> other) {
    return value.isPresent() ? this : other;
  }

  public boolean isKnown() {
    return value.isPresent();
  }

  /** For templates: the value, or null when unknown. */
  public T orNull() {
    return value.orElse(null);
  }
}
