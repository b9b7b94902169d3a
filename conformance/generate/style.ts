// How the CFA software of a generated record writes its CERFA: the variety real deposit bodies show (wire-format.md §1).
//
// Real bodies differ by the software that wrote them, not at random member by member: one family writes the wire
// the way third-party CfaDock clients do (date-times with an offset, `adresse2: ""`, `nomUsage: null`, a birth
// département on three characters, `versionCERFA`), the other the way the online form's dictionary reads (plain
// dates, `departement` in addresses, `privePublic`). The style of (seed, index) comes from its own small stream,
// so the CLI can write a record's wire form without drawing the record twice, and the Faker stream never moves.
import { Sfc32Randomizer } from './random.js';

export interface StyleLogiciel {
  /** The software that wrote the body: `fil` (CfaDock clients, wire-format.md) or `formulaire` (the form's dictionary). */
  famille: 'fil' | 'formulaire';
  /** Dates sent as `2026-09-01T00:00:00+00:00` instead of `2026-09-01` (applied when the body is written). */
  datesHeure: boolean;
  /** `adresse2: ""` when an address has no complement (else the member is left out). */
  adresse2Vide: boolean;
  /** Addresses carry `departement` (the clients seen do not send it). */
  departementAdresse: boolean;
  /** `departementNaissance` padded to three characters: `069`, `099` abroad (GSTAG, AGECAP). */
  departementNaissance3: boolean;
  /** `apprenti.nomUsage: null` when there is none (else left out). */
  nomUsageNull: boolean;
  /** `versionCERFA` and `CERFASignatureProbante` at the top of the CERFA. */
  entete: boolean;
  /** `employeur.privePublic` sent (derivable from `typeEmployeur`, so often left out). */
  privePublic: boolean;
  /** `cerfa.numeroInterne` sent (mostly; absent, the OPCO assigns one and answers it). */
  numeroInterne: boolean;
  /** Phone numbers in the national form `0142600000` rather than `+33142600000`. */
  telephoneNational: boolean;
  /** `employeur.caisseComplementaire` sent. */
  caisseComplementaire: boolean;
}

/** Own stream of the style: never the shared Faker, so drawing a style moves no other draw. */
const STREAM = 0x5717e;
const rng = new Sfc32Randomizer();

/**
 * The style of record `index` of `seed`. `complet` (every optional part present) sends every optional member
 * the software may write, numeroInterne included, so plants that need one find it.
 */
export function styleDe(seed: number, index: number, complet = false): StyleLogiciel {
  rng.seed([seed, index, STREAM]);
  const p = (probability: number): boolean => rng.next() < probability;
  const fil = p(0.6);
  const style: StyleLogiciel = {
    famille: fil ? 'fil' : 'formulaire',
    datesHeure: fil ? p(0.8) : p(0.05),
    adresse2Vide: fil ? p(0.85) : p(0.1),
    departementAdresse: fil ? p(0.1) : p(0.85),
    departementNaissance3: fil ? p(0.85) : p(0.1),
    nomUsageNull: fil ? p(0.9) : p(0.2),
    entete: fil ? p(0.9) : p(0.3),
    privePublic: fil ? p(0.1) : p(0.8),
    numeroInterne: p(0.92),
    telephoneNational: fil ? p(0.7) : p(0.3),
    caisseComplementaire: fil ? p(0.8) : p(0.4),
  };
  if (complet) {
    style.entete = true;
    style.numeroInterne = true;
    style.caisseComplementaire = true;
  }
  return style;
}
