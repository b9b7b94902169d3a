// RNCP code lists of a référentiel (inactive, not eligible to apprenticeship): lookup by code, prefix and case ignored.

/** RNCP codes compare without their "RNCP" prefix and case. */
export function normaliserRncp(code: string): string {
  const upper = code.trim().toUpperCase();
  return upper.startsWith('RNCP') ? upper.slice(4) : upper;
}

/**
 * `normaliserRncp(code) === cible` for a normalised `cible`, without building strings when `code` is plain ASCII
 * with no surrounding space (the usual case; anything else takes `normaliserRncp`). Asked on every CERFA read.
 */
function memeRncp(code: string, cible: string): boolean {
  const n = code.length;
  if (n === 0) return cible === '';
  for (let i = 0; i < n; i++) {
    const c = code.charCodeAt(i);
    if (c >= 127 || ((i === 0 || i === n - 1) && c <= 32)) return normaliserRncp(code) === cible;
  }
  const prefixe = n >= 4 && (code.charCodeAt(0) | 32) === 114 && (code.charCodeAt(1) | 32) === 110 && (code.charCodeAt(2) | 32) === 99 && (code.charCodeAt(3) | 32) === 112;
  const from = prefixe ? 4 : 0;
  if (n - from !== cible.length) return false;
  for (let i = from; i < n; i++) {
    let c = code.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c !== cible.charCodeAt(i - from)) return false;
  }
  return true;
}

const sets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** Whether `code` is in `list`: a scan for the usual short lists, an indexed set for a whole référentiel. */
export function dansListeRncp(list: readonly string[], code: string): boolean {
  const cible = normaliserRncp(code);
  if (list.length <= 16) {
    for (const c of list) if (typeof c === 'string' && memeRncp(c, cible)) return true;
    return false;
  }
  let set = sets.get(list);
  if (!set) {
    set = new Set(list.filter((c) => typeof c === 'string').map(normaliserRncp));
    sets.set(list, set);
  }
  return set.has(cible);
}
