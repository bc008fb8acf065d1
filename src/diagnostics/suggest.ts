/**
 * Edit distance counting a swap of two neighbours as one edit (typos like
 * "joni" for "join"), bounded: names further apart than `max` are not worth
 * suggesting, so the loop stops early for them.
 */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let before: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + cost
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2] + 1)
      }
      current.push(value)
      if (value < best) best = value
    }
    if (best > max) return max + 1
    before = previous
    previous = current
  }
  return previous[b.length]
}

/** The closest candidate to `name`, if one is close enough to be a typo. */
export function suggest(
  name: string,
  candidates: Iterable<string>
): string | undefined {
  const max = Math.max(1, Math.floor(name.length / 3))
  let best: string | undefined
  let bestDistance = max + 1
  for (const candidate of candidates) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase(), max)
    if (d < bestDistance || (d === bestDistance && best && candidate < best)) {
      best = candidate
      bestDistance = d
    }
  }
  return bestDistance <= max ? best : undefined
}

/** ` did you mean "x"?` or an empty string. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const s = suggest(name, candidates)
  return s ? ` did you mean "${s}"?` : ''
}
