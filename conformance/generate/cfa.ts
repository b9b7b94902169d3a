// The CFAs of a seed: a pool of 64 training organisations shared by that seed's records, generated once and cached.
import type { Adresse } from '../model/payloads.js';
import * as id from './identities.js';
import { PHASE, pick, reseed } from './random.js';
import { CFA_DENOMINATIONS, departementOf } from './samples.js';

export interface CfaProfile {
  siret: string;
  uai: string;
  denomination: string;
  adresse: Adresse & { departement: string };
  /** IBAN the CFA invoices with (the échéances carry it). */
  iban: string;
}

const pool = new Map<string, CfaProfile>();

/**
 * CFA number `k` of `seed`. Generating it reseeds the shared Faker, so callers reseed their own stream afterwards
 * (drawCerfa does): the record's draws are then the same whether the CFA was cached or not.
 */
export function cfaFor(seed: number, k: number): CfaProfile {
  const key = `${seed}:${k}`;
  let cfa = pool.get(key);
  if (cfa === undefined) {
    reseed(seed, k, PHASE.cfa);
    const lieu = id.commune();
    const departement = departementOf(lieu);
    const denomination = id.denomination(pick(CFA_DENOMINATIONS), lieu.nom).nom;
    cfa = {
      siret: id.siret(),
      uai: id.uai(departement),
      denomination,
      adresse: { ...id.adresse(lieu), departement },
      iban: id.iban(),
    };
    if (pool.size >= 4096) pool.clear();
    pool.set(key, cfa);
  }
  return cfa;
}
