/** A count as people read it: `1,250`. */
export function formatCount(n: number): string {
  const sign = n < 0 ? '-' : ''
  const digits = String(Math.trunc(Math.abs(n)))
  return sign + digits.replace(/\B(?=(\d{3})+$)/g, ',')
}

/** `1 step`, `2 steps`, `1,250 steps`. */
export function plural(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`
}
