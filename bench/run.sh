#!/usr/bin/env bash
# dossier's performance benchmark, against Hugo on the same articles.
#
#   bench/run.sh
#
# Generates synthetic news dossiers (bench/Corpus.java; cached in bench/work/, git-ignored),
# then for each size builds them alternately with dossier (through bin/dossier, the launcher, with
# DOSSIER_HEAP=512m; and as plain java -Xmx512m -jar) and Hugo, and prints
# Markdown tables of median wall and CPU times and peak RSS; then, on the largest corpus, the
# first build with the build cache (as `dossier build` runs on a new dossier) and the rebuild
# after adding one article (with the cache, as a curator rebuilds; the full builds run with
# --no-cache, as Hugo builds everything), those two builds repeated in one warm JVM
# (bench/Warm.java), and the three-seed dossier's build with JVM start.
# Timings are this script's output only, never test assertions. Installs nothing.
#
# Settings (environment):
#   SIZES="1000 3000 10000"   corpus sizes (articles)
#   RUNS=5               timed runs of each tool per size, after one untimed warm-up run each
#   REBUILD_RUNS=3       timed add-one-article rebuilds
#   HEAP=512m            dossier's -Xmx (DOSSIER_HEAP for bin/dossier)
#   FALLBACK_HEAPS="1g 1536m 2g 4g"  heaps tried in turn when a size fails at HEAP (out of memory): the
#                        failure is recorded in the table, then the first heap that works is timed
#   TIMEOUT=900          seconds before a single build is given up
#   SEED=42              corpus seed
#   WARM_ROUNDS=5        rounds of bench/Warm.java: the largest corpus's full build and add-one
#                        rebuild repeated in one JVM, to show what the JIT's warm-up costs (0: none)
#   NEW_JDK=DIR          a JDK of release 25 or later, for bin/dossier with an ahead-of-time cache
#                        alongside (JAVA_HOME=DIR): default the first such JDK under /usr/lib/jvm;
#                        NEW_JDK= (empty) leaves those runs out
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/bench/work
SIZES=${SIZES:-"1000 3000 10000"}
RUNS=${RUNS:-5}
REBUILD_RUNS=${REBUILD_RUNS:-3}
WARM_ROUNDS=${WARM_ROUNDS:-5}
HEAP=${HEAP:-512m}
FALLBACK_HEAPS=${FALLBACK_HEAPS:-"1g 1536m 2g 4g"}
TIMEOUT=${TIMEOUT:-900}
SEED=${SEED:-42}
JAR=$ROOT/target/dossier.jar
die() { echo "bench/run.sh: $*" >&2; exit 2; }

# new_jdk DIR: whether DIR is a JDK of release 25 or later (its release file says JAVA_VERSION="25...").
new_jdk() {
  local v
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null | head -n 1 || true)
  [ -x "$1/bin/java" ] && [ "${v:-0}" -ge 25 ]
}
if [ -z "${NEW_JDK+set}" ]; then
  NEW_JDK=""
  for d in /usr/lib/jvm/*/; do
    if new_jdk "${d%/}"; then NEW_JDK=${d%/}; break; fi
  done
fi

command -v hugo >/dev/null || die "hugo is not installed; on Debian/Ubuntu: apt-get install -y hugo"
[ -x /usr/bin/time ] || die "GNU time is not installed; on Debian/Ubuntu: apt-get install -y time"
command -v java >/dev/null || die "java (JDK 17+) is not on the PATH"
if [ -n "$NEW_JDK" ] && ! new_jdk "$NEW_JDK"; then
  die "NEW_JDK=$NEW_JDK is not a JDK of release 25 or later"
fi

# The jar, rebuilt when any source, template or the pom is newer than it.
if [ ! -f "$JAR" ] || [ -n "$(find src/main templates pom.xml -newer "$JAR" -print -quit)" ]; then
  echo "packaging target/dossier.jar ..." >&2
  ./mvnw -q -B package -DskipTests
fi

mkdir -p "$WORK/out"
export DOSSIER_CDS_DIR=$WORK/cds
# Ahead-of-time caches hold the profile of the run that recorded them: start without any, so
# that each is recorded by this run's warm-ups, as the tables say.
rm -f "$DOSSIER_CDS_DIR"/*.aot
unset DOSSIER_JAVA_OPTS DOSSIER_CDS

# dossier runs as a user runs it, through bin/dossier (class-data-sharing archive, JVM options
# chosen for the dossier's size, DOSSIER_HEAP for -Xmx), and for comparison as plain java -jar.

corpus() { # N -> path of the generated corpus, generating it once (again when the generator changes)
  local n=$1 dir=$WORK/corpus-$1
  if [ ! -f "$dir/index.yml" ] || [ bench/Corpus.java -nt "$dir/index.yml" ]; then
    echo "generating $n articles into $dir ..." >&2
    rm -rf "$dir" "$dir.tmp"
    java bench/Corpus.java "$n" "$dir.tmp" --seed "$SEED" >&2
    mv "$dir.tmp" "$dir"
  fi
  echo "$dir"
}

hugo_content() { # corpus dir, N -> a Hugo content folder: the bench/hugo pages plus articles/ linking to the corpus
  local src=$1 dir=$WORK/hugo-content-$2
  if [ ! -d "$dir/articles" ] || [ "$(find "$dir/articles" -name '*.md' | wc -l)" -ne "$(find "$src" -maxdepth 1 -name '*.md' | wc -l)" ]; then
    rm -rf "$dir"
    mkdir -p "$dir/articles"
    cp "$ROOT"/bench/hugo/content/*.md "$dir"/
    for f in "$src"/*.md; do ln -s "$f" "$dir/articles/"; done
  fi
  echo "$dir"
}

# measure LABEL CMD... : runs CMD under GNU time; prints "wall-seconds peak-RSS-KB cpu-seconds"
# (cpu = user + system), or "FAIL rc" after showing the end of its error output.
measure() {
  local label=$1; shift
  local t=$WORK/out/time.txt err=$WORK/out/stderr.txt rc=0
  timeout "$TIMEOUT" /usr/bin/time -f '%e %M %U %S' -o "$t" "$@" >/dev/null 2>"$err" || rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "  $label failed with exit $rc$([ "$rc" -eq 124 ] && echo " (timed out after ${TIMEOUT}s)"):" >&2
    tail -5 "$err" | sed 's/^/    /' >&2
    echo "FAIL $rc"
  else
    tail -1 "$t" | awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}'
  fi
}

median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) print "-"; else if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }
max() { sort -g | tail -1; }
mib() { [ "$1" = "-" ] && echo "-" || awk -v k="$1" 'BEGIN {printf "%.0f MiB", k/1024}'; }

heap=$HEAP

echo "## Machine" 
echo
echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores available"
echo "- memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "- java: $(java -version 2>&1 | head -2 | tail -1)"
[ -n "$NEW_JDK" ] && echo "- newer JDK, for bin/dossier with an AOT cache: $("$NEW_JDK/bin/java" -version 2>&1 | head -2 | tail -1) ($NEW_JDK)"
echo "- hugo: $(hugo version | cut -d' ' -f1-2)"
echo "- dossier: $(java -jar "$JAR" --version 2>&1 | head -1), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- settings: RUNS=$RUNS REBUILD_RUNS=$REBUILD_RUNS HEAP=$HEAP SEED=$SEED"
echo

results=()
newer=()
for n in $SIZES; do
  src=$(corpus "$n")
  content=$(hugo_content "$src" "$n")
  dout=$WORK/out/dossier-$n
  hout=$WORK/out/hugo-$n
  rm -rf "$dout" "$hout"
  # The warm-up run also finds the heap dossier needs: HEAP, or else the first fallback that works.
  heap=""
  for h in $HEAP $FALLBACK_HEAPS; do
    heap=$h
    echo "N=$n: warm-up, dossier with -Xmx$heap ..." >&2
    read -r s k c < <(measure "dossier warm-up (-Xmx$heap)" env DOSSIER_HEAP="$heap" "$ROOT/bin/dossier" build "$src" --out "$dout" --force --no-cache)
    [ "$s" != FAIL ] && break
    results+=("| $n | fails with -Xmx$heap (exit $k after $(tail -1 "$WORK/out/time.txt" 2>/dev/null | cut -d' ' -f1) s: $(grep -o -m1 'OutOfMemoryError.*' "$WORK/out/stderr.txt" || echo "see its stderr")) | | | | | | | | |")
    heap=""
  done
  if [ -n "$NEW_JDK" ] && [ -n "$heap" ]; then
    # Its warm-up records the ahead-of-time cache for this size of dossier (if none yet).
    echo "N=$n: warm-up, dossier on $(basename "$NEW_JDK") ..." >&2
    measure "dossier warm-up on the newer JDK" env JAVA_HOME="$NEW_JDK" DOSSIER_HEAP="$heap" "$ROOT/bin/dossier" build "$src" --out "$dout" --force --no-cache >/dev/null
  fi
  echo "N=$n: warm-up, hugo ..." >&2
  measure "hugo warm-up" hugo --quiet -s "$ROOT/bench/hugo" --contentDir "$content" -d "$hout" >/dev/null
  dt=(); dm=(); dc=(); jt=(); at=(); am=(); ht=(); hm=(); hc=()
  for r in $(seq "$RUNS"); do
    if [ -n "$heap" ]; then
      read -r s k c < <(measure "dossier run $r" env DOSSIER_HEAP="$heap" "$ROOT/bin/dossier" build "$src" --out "$dout" --force --no-cache)
      echo "N=$n run $r: dossier (bin/dossier, -Xmx$heap) $s s, $k KB, cpu ${c:-} s" >&2
      [ "$s" != FAIL ] && dt+=("$s") && dm+=("$k") && dc+=("$c")
      read -r s k c < <(measure "dossier java -jar run $r" java -Xmx"$heap" -jar "$JAR" build "$src" --out "$dout" --force --no-cache)
      echo "N=$n run $r: dossier (java -jar, -Xmx$heap) $s s, $k KB, cpu ${c:-} s" >&2
      [ "$s" != FAIL ] && jt+=("$s")
      if [ -n "$NEW_JDK" ]; then
        read -r s k c < <(measure "dossier newer JDK run $r" env JAVA_HOME="$NEW_JDK" DOSSIER_HEAP="$heap" "$ROOT/bin/dossier" build "$src" --out "$dout" --force --no-cache)
        echo "N=$n run $r: dossier (bin/dossier on $(basename "$NEW_JDK"), -Xmx$heap) $s s, $k KB, cpu ${c:-} s" >&2
        [ "$s" != FAIL ] && at+=("$s") && am+=("$k")
      fi
    fi
    read -r s k c < <(measure "hugo run $r" hugo --quiet -s "$ROOT/bench/hugo" --contentDir "$content" -d "$hout")
    echo "N=$n run $r: hugo $s s, $k KB, cpu ${c:-} s" >&2
    [ "$s" != FAIL ] && ht+=("$s") && hm+=("$k") && hc+=("$c")
  done
  dmed=$(printf '%s\n' "${dt[@]}" | grep . | median || true)
  jmed=$(printf '%s\n' "${jt[@]}" | grep . | median || true)
  hmed=$(printf '%s\n' "${ht[@]}" | grep . | median || true)
  amed=$(printf '%s\n' "${at[@]}" | grep . | median || true)
  amax=$(printf '%s\n' "${am[@]}" | grep . | max || echo -)
  aratio=$(awk -v d="$amed" -v h="$hmed" 'BEGIN {if (d+0 > 0 && h+0 > 0) printf "%.2f", d/h; else print "-"}')
  ratio=$(awk -v d="$dmed" -v h="$hmed" 'BEGIN {if (d+0 > 0 && h+0 > 0) printf "%.2f", d/h; else print "-"}')
  dmax=$(printf '%s\n' "${dm[@]}" | grep . | max || echo -)
  hmax=$(printf '%s\n' "${hm[@]}" | grep . | max || echo -)
  dcpu=$(printf '%s\n' "${dc[@]}" | grep . | median || true)
  hcpu=$(printf '%s\n' "${hc[@]}" | grep . | median || true)
  cratio=$(awk -v d="$dcpu" -v h="$hcpu" 'BEGIN {if (d+0 > 0 && h+0 > 0) printf "%.2f", d/h; else print "-"}')
  results+=("| $n | ${dmed:--} s with -Xmx${heap:-?} (${#dt[@]}/$RUNS ok) | ${jmed:--} s | ${hmed:--} s | $ratio | ${dcpu:--} s | ${hcpu:--} s | $cratio | $(mib "${dmax:--}") | $(mib "${hmax:--}") |")
  newer+=("| $n | ${amed:--} s (${#at[@]}/$RUNS ok) | $aratio | $(mib "${amax:--}") |")
  eval "hugo_median_$n=${hmed:-0}"
  eval "dossier_median_$n=${dmed:-0}"
  eval "heap_$n=${heap:-}"
done

# Into an empty output folder. The builds above write into the folder their warm-up filled,
# where dossier compares each file with the one there and writes none, while Hugo writes every
# file again; a first build into a new folder writes all of them, so that is timed too, on the
# largest corpus, for both tools, alternating.
largest=$(printf '%s\n' $SIZES | sort -n | tail -1)
esrc=$(corpus "$largest")
econtent=$(hugo_content "$esrc" "$largest")
eheap=$(eval echo "\${heap_$largest:-}")
et=(); ec=(); eht=(); ehc=()
if [ -n "$eheap" ]; then
  for r in $(seq "$REBUILD_RUNS"); do
    rm -rf "$WORK/out/empty-dossier" "$WORK/out/empty-hugo" && sync
    read -r s k c < <(measure "dossier into an empty folder, run $r" env DOSSIER_HEAP="$eheap" "$ROOT/bin/dossier" build "$esrc" --out "$WORK/out/empty-dossier" --no-cache)
    echo "N=$largest into an empty folder, run $r: dossier $s s, $k KB, cpu ${c:-} s" >&2
    [ "$s" != FAIL ] && et+=("$s") && ec+=("$c")
    rm -rf "$WORK/out/empty-dossier" && sync
    read -r s k c < <(measure "hugo into an empty folder, run $r" hugo --quiet -s "$ROOT/bench/hugo" --contentDir "$econtent" -d "$WORK/out/empty-hugo")
    echo "N=$largest into an empty folder, run $r: hugo $s s, $k KB, cpu ${c:-} s" >&2
    [ "$s" != FAIL ] && eht+=("$s") && ehc+=("$c")
  done
  rm -rf "$WORK/out/empty-dossier" "$WORK/out/empty-hugo"
fi
emed=$(printf '%s\n' "${et[@]}" | grep . | median || true)
ecpu=$(printf '%s\n' "${ec[@]}" | grep . | median || true)
ehmed=$(printf '%s\n' "${eht[@]}" | grep . | median || true)
ehcpu=$(printf '%s\n' "${ehc[@]}" | grep . | median || true)
eratio=$(awk -v d="${emed:-0}" -v h="${ehmed:-0}" 'BEGIN {if (d+0 > 0 && h+0 > 0) printf "%.2f", d/h; else print "-"}')

echo "## Full builds"
echo
echo "Medians of $RUNS runs each, the tools alternating, after one untimed warm-up each. dossier runs"
echo "through \`bin/dossier\` (the launcher: CDS archive, JVM options for the dossier's size; CPU, RSS"
echo "and the ratios are its figures), and as plain \`java -Xmx$HEAP -jar\` for comparison. Wall is"
echo "elapsed time; CPU is user + system time, less disturbed by other load on the machine. Peak RSS is"
echo "the largest of the runs."
echo
echo "| articles | dossier wall | dossier wall, java -jar | Hugo wall | wall ratio | dossier CPU | Hugo CPU | CPU ratio | dossier peak RSS | Hugo peak RSS |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${results[@]}"
echo
if [ "${#et[@]}" -gt 0 ]; then
  echo "Those builds write into the folder their warm-up filled: dossier compares each file with the one"
  echo "there and writes none, Hugo writes every file again. Into an empty folder ($largest articles, median of"
  echo "${#et[@]}, alternating): dossier ${emed} s (CPU ${ecpu} s), Hugo ${ehmed} s (CPU ${ehcpu} s): ratio ${eratio}."
  echo
fi
if [ -n "$NEW_JDK" ]; then
  echo "The same builds, in the same rounds, through \`JAVA_HOME=$NEW_JDK bin/dossier\` (an ahead-of-time"
  echo "cache recorded by the untimed warm-up of the first size that uses its JVM options):"
  echo
  echo "| articles | dossier wall on the newer JDK | ratio to Hugo | peak RSS |"
  echo "|---:|---:|---:|---:|"
  printf '%s\n' "${newer[@]}"
  echo
fi

# Rebuild after adding one article: the largest corpus, built into an output folder, then one
# generated article and its index entry (and an event citing it) added, and built again into
# the same folder.
src=$esrc
heap=$(eval echo "\${heap_$largest:-}")
heap=${heap:-$HEAP}
copy=$WORK/rebuild-$largest
rout=$WORK/out/rebuild-$largest
rt=(); rm_=(); rc_=(); nt=(); nm=(); nc=(); art=(); ant=(); ft=(); fm=(); fc=()
for r in $(seq "$REBUILD_RUNS"); do
  rm -rf "$copy" "$rout"
  cp -r "$src" "$copy"
  # The first build of the copy: as a curator's first `dossier build` of a new dossier (the
  # build cache on, and empty), which also writes the cache the rebuilds use.
  read -r s k c < <(measure "rebuild before" env DOSSIER_HEAP="$heap" "$ROOT/bin/dossier" build "$copy" --out "$rout" --force)
  [ "$s" = FAIL ] && break
  echo "first build with the cache, run $r: $s s, $k KB, cpu ${c:-} s" >&2
  ft+=("$s") && fm+=("$k") && fc+=("$c")
  java bench/Corpus.java --add-one "$copy" --seed "$SEED" >&2
  read -r s k c < <(measure "rebuild run $r" env DOSSIER_HEAP="$heap" "$ROOT/bin/dossier" build "$copy" --out "$rout" --force)
  echo "add-one rebuild run $r: $s s, $k KB, cpu ${c:-} s" >&2
  [ "$s" != FAIL ] && rt+=("$s") && rm_+=("$k") && rc_+=("$c")
  read -r s k c < <(measure "no-change rebuild run $r" env DOSSIER_HEAP="$heap" "$ROOT/bin/dossier" build "$copy" --out "$rout" --force)
  echo "no-change rebuild run $r: $s s, $k KB, cpu ${c:-} s" >&2
  [ "$s" != FAIL ] && nt+=("$s") && nm+=("$k") && nc+=("$c")
  if [ -n "$NEW_JDK" ]; then
    # The same steps on the newer JDK, from a fresh copy.
    rm -rf "$copy" "$rout"
    cp -r "$src" "$copy"
    read -r s k c < <(measure "rebuild before, newer JDK" env JAVA_HOME="$NEW_JDK" DOSSIER_HEAP="$heap" "$ROOT/bin/dossier" build "$copy" --out "$rout" --force)
    [ "$s" = FAIL ] && continue
    java bench/Corpus.java --add-one "$copy" --seed "$SEED" >&2
    read -r s k c < <(measure "rebuild run $r, newer JDK" env JAVA_HOME="$NEW_JDK" DOSSIER_HEAP="$heap" "$ROOT/bin/dossier" build "$copy" --out "$rout" --force)
    echo "add-one rebuild run $r on $(basename "$NEW_JDK"): $s s, $k KB, cpu ${c:-} s" >&2
    [ "$s" != FAIL ] && art+=("$s")
    read -r s k c < <(measure "no-change rebuild run $r, newer JDK" env JAVA_HOME="$NEW_JDK" DOSSIER_HEAP="$heap" "$ROOT/bin/dossier" build "$copy" --out "$rout" --force)
    echo "no-change rebuild run $r on $(basename "$NEW_JDK"): $s s, $k KB, cpu ${c:-} s" >&2
    [ "$s" != FAIL ] && ant+=("$s")
  fi
done
armed=$(printf '%s\n' "${art[@]}" | grep . | median || true)
anmed=$(printf '%s\n' "${ant[@]}" | grep . | median || true)
nmed=$(printf '%s\n' "${nt[@]}" | grep . | median || true)
nmax=$(printf '%s\n' "${nm[@]}" | grep . | max || echo -)
ncpu=$(printf '%s\n' "${nc[@]}" | grep . | median || true)
fmed=$(printf '%s\n' "${ft[@]}" | grep . | median || true)
fmax=$(printf '%s\n' "${fm[@]}" | grep . | max || echo -)
fcpu=$(printf '%s\n' "${fc[@]}" | grep . | median || true)
rmed=$(printf '%s\n' "${rt[@]}" | grep . | median || true)
rmax=$(printf '%s\n' "${rm_[@]}" | grep . | max || echo -)
rcpu=$(printf '%s\n' "${rc_[@]}" | grep . | median || true)
hfull=$(eval echo "\${hugo_median_$largest:-0}")
rratio=$(awk -v d="${rmed:-0}" -v h="$hfull" 'BEGIN {if (d+0 > 0 && h+0 > 0) printf "%.2f", d/h; else print "-"}')

# The same builds of the largest corpus repeated in one JVM (bench/Warm.java), with the heap and
# collector bin/dossier uses: the rounds after the first two run dossier's code compiled, so
# set beside the fresh-JVM figures above they show what the JIT's warm-up costs.
warm_full=""
warm_add=""
if [ "$WARM_ROUNDS" -gt 0 ]; then
  echo "warm: $WARM_ROUNDS rounds of the $largest-article builds in one JVM ..." >&2
  if warm=$(java -Xmx"$heap" -XX:+UseParallelGC -cp "$JAR" bench/Warm.java "$src" "$WORK/out" "$WARM_ROUNDS" "$SEED"); then
    warm_full=$(echo "$warm" | sed -n 's/^warm full=\([0-9.]*\) .*/\1/p')
    warm_add=$(echo "$warm" | sed -n 's/.* addone=\([0-9.]*\)$/\1/p')
  else
    echo "bench/Warm.java failed" >&2
  fi
fi

# The three-seed dossier: JVM start included, default heap. Three ways: everything from scratch
# (--no-cache), as a curator rebuilds it (build cache warm), and through bin/dossier (build
# cache and class-data-sharing archive warm; its first run, which makes the archive, untimed).
seeds() { # LABEL CMD... -> "median-wall median-cpu max-rss"
  local label=$1; shift
  local st=() sc=() sm=()
  for r in $(seq "$RUNS"); do
    read -r s k c < <(measure "seeds $label run $r" "$@")
    echo "seeds ($label) run $r: $s s, $k KB, cpu ${c:-} s" >&2
    [ "$s" != FAIL ] && st+=("$s") && sc+=("$c") && sm+=("$k")
  done
  echo "$(printf '%s\n' "${st[@]}" | grep . | median || echo -) $(printf '%s\n' "${sc[@]}" | grep . | median || echo -) $(printf '%s\n' "${sm[@]}" | grep . | max || echo -)"
}
seeds_copy=$WORK/seeds
rm -rf "$seeds_copy" && cp -r "$ROOT/seeds" "$seeds_copy" && rm -rf "$seeds_copy/.dossier-cache"
read -r cold_s cold_c cold_m < <(seeds cold java -jar "$JAR" build "$seeds_copy" --out "$WORK/out/seeds" --force --no-cache)
java -jar "$JAR" build "$seeds_copy" --out "$WORK/out/seeds" --force >/dev/null 2>&1 || true
read -r warm_s warm_c warm_m < <(seeds cached java -jar "$JAR" build "$seeds_copy" --out "$WORK/out/seeds" --force)
bin/dossier build "$seeds_copy" --out "$WORK/out/seeds" --force >/dev/null 2>&1 || true
read -r cds_s cds_c cds_m < <(DOSSIER_JAVA_OPTS="" seeds cds bin/dossier build "$seeds_copy" --out "$WORK/out/seeds" --force)
read -r c1_s c1_c c1_m < <(seeds cds-c1 bin/dossier build "$seeds_copy" --out "$WORK/out/seeds" --force)
if [ -n "$NEW_JDK" ]; then
  JAVA_HOME=$NEW_JDK bin/dossier build "$seeds_copy" --out "$WORK/out/seeds" --force >/dev/null 2>&1 || true
  read -r aot_s aot_c aot_m < <(JAVA_HOME=$NEW_JDK seeds aot bin/dossier build "$seeds_copy" --out "$WORK/out/seeds" --force)
fi

echo "## Rebuild and seeds"
echo
echo "| measure | dossier wall | dossier CPU | peak RSS | target |"
echo "|---|---:|---:|---:|---|"
echo "| first build of those $largest with the build cache (empty), as \`dossier build\` runs on a new dossier; bin/dossier, -Xmx$heap (median of ${#ft[@]}) | ${fmed:--} s | ${fcpu:--} s | $(mib "${fmax:--}") | (not a target: the full builds above run with \`--no-cache\`, as Hugo keeps no cache) |"
echo "| rebuild after adding one article to $largest, bin/dossier, -Xmx$heap (median of ${#rt[@]}) | ${rmed:--} s | ${rcpu:--} s | $(mib "${rmax:--}") | < 0.25 × Hugo's full build ($hfull s): ratio $rratio |"
echo "| rebuild of those $largest with nothing changed (median of ${#nt[@]}) | ${nmed:--} s | ${ncpu:--} s | $(mib "${nmax:--}") | writes no file |"
echo "| three-seed dossier from scratch (\`--no-cache\`), JVM start included (median of $RUNS) | ${cold_s} s | ${cold_c} s | $(mib "${cold_m}") | < 1 s |"
echo "| three-seed dossier, build cache warm, JVM start included | ${warm_s} s | ${warm_c} s | $(mib "${warm_m}") | < 1 s |"
echo "| three-seed dossier through \`bin/dossier\` with both JIT compilers and G1 (\`DOSSIER_JAVA_OPTS=\`; build cache and CDS archive warm) | ${cds_s} s | ${cds_c} s | $(mib "${cds_m}") | < 1 s |"
echo "| three-seed dossier through \`bin/dossier\` as it ships (C1 only and the parallel collector below 2,000 documents; cache and archive warm) | ${c1_s} s | ${c1_c} s | $(mib "${c1_m}") | < 1 s |"
if [ -n "$NEW_JDK" ]; then
  aratio=$(awk -v d="${armed:-0}" -v h="$hfull" 'BEGIN {if (d+0 > 0 && h+0 > 0) printf "%.2f", d/h; else print "-"}')
  echo "| rebuild after adding one article to $largest, \`bin/dossier\` on the newer JDK (median of ${#art[@]}) | ${armed:--} s | | | ratio $aratio |"
  echo "| rebuild of those $largest with nothing changed, on the newer JDK (median of ${#ant[@]}) | ${anmed:--} s | | | writes no file |"
  echo "| three-seed dossier through \`bin/dossier\` on the newer JDK (AOT cache and build cache warm) | ${aot_s} s | ${aot_c} s | $(mib "${aot_m}") | < 1 s |"
fi
echo
if [ -n "$warm_full" ]; then
  dfull=$(eval echo "\${dossier_median_$largest:-0}")
  echo "## The JIT's share"
  echo
  echo "The same builds of the $largest articles repeated $WARM_ROUNDS times in one JVM (\`bench/Warm.java\`, -Xmx$heap,"
  echo "the parallel collector), against the fresh JVM that each \`dossier build\` starts. Warm: the median of"
  echo "the rounds after the first two, once the JIT has compiled dossier's code."
  echo
  echo "| build of $largest articles | fresh JVM (\`bin/dossier\`, above) | one JVM, warm | ratio to Hugo's full build ($hfull s), warm |"
  echo "|---|---:|---:|---:|"
  echo "| full build (\`--no-cache\`) | ${dfull} s | ${warm_full} s | $(awk -v d="$warm_full" -v h="$hfull" 'BEGIN {if (d+0 > 0 && h+0 > 0) printf "%.2f", d/h; else print "-"}') |"
  echo "| rebuild after adding one article | ${rmed:--} s | ${warm_add:--} s | $(awk -v d="${warm_add:-0}" -v h="$hfull" 'BEGIN {if (d+0 > 0 && h+0 > 0) printf "%.2f", d/h; else print "-"}') |"
  echo
fi
echo "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
