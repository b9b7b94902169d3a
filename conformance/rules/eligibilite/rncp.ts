// RNCP code lists of a référentiel (inactive, not eligible to apprenticeship): lookup by code, prefix and case ignored.

/** RNCP codes compare without their "RNCP" prefix and case. */
export function normaliserRncp(code: string): string {
  const upper = code.trim().toUpperCase();
  return upper.startsWith('RNCP') ? upper.slice(4) : upper;
}

const sets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** Whether `code` is in `list`: a scan for the usual short lists, an indexed set for a whole référentiel. */
export function dansListeRncp(list: readonly string[], code: string): boolean {
  const cible = normaliserRncp(code);
  if (list.length <= 16) {
    for (const c of list) if (typeof c === 'string' && normaliserRncp(c) === cible) return true;
    return false;
  }
  let set = sets.get(list);
  if (!set) {
    set = new Set(list.filter((c) => typeof c === 'string').map(normaliserRncp));
    sets.set(list, set);
  }
  return set.has(cible);
}
