// A generated contract fitted to the OPCO's recette (issue 18 §1): the training centre its key must name, one of the
// certifications it treats as active, an IDCC it serves. The rest of the contract stays as generated.
import type { Cerfa } from '../model/payloads.js';
import type { DonneesRecette } from './types.js';

export function cerfaPourLaRecette(cerfa: Cerfa, recette: DonneesRecette | undefined, index: number): Cerfa {
  if (!recette) return cerfa;
  const out = structuredClone(cerfa);
  const organisme = recette.organisme;
  if (organisme?.siret && out.organismeFormation) out.organismeFormation.siret = organisme.siret;
  if (organisme?.uai && out.organismeFormation) out.organismeFormation.uaiCfa = organisme.uai;
  const actives = recette.referentiels?.certificationsActives;
  if (actives && actives.length > 0 && out.formation && !actives.includes(String(out.formation.rncp))) out.formation.rncp = actives[index % actives.length]!;
  const idcc = recette.referentiels?.idcc;
  if (idcc && idcc.length > 0 && out.employeur && !idcc.includes(String(out.employeur.codeIdcc))) {
    out.employeur.codeIdcc = idcc[index % idcc.length]!;
    // The generated label names another convention: left out rather than wrong.
    delete (out.employeur as { libelleIdcc?: string }).libelleIdcc;
  }
  return out;
}
