// The recette files: the documented example and every mock profile's recette are valid, and stay in step with mocks/profiles.yaml.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledProfiles } from '../../mocks/profiles.js';
import { packageRoot } from '../engine/package-root.js';
import { loadRecette, parseRecette, recetteDuProfil, recetteDuProfilPath, recetteDuProfilYaml, recetteSchemaPath } from './recette.js';

describe('recette files', () => {
  it('keeps one recette file per mock profile, generated from mocks/profiles.yaml (UPDATE_RECETTES=1 rewrites them)', () => {
    for (const profile of bundledProfiles().values()) {
      const path = recetteDuProfilPath(profile.id);
      const expected = recetteDuProfilYaml(profile);
      if (process.env.UPDATE_RECETTES === '1') writeFileSync(path, expected);
      expect(readFileSync(path, 'utf8'), `${path} is stale: UPDATE_RECETTES=1 npx vitest run conformance/suite/recette.test.ts`).toBe(expected);
      expect(loadRecette(path)).toEqual(recetteDuProfil(profile));
    }
  });

  it('documents every member of the schema in the example, which is valid', () => {
    const example = loadRecette(join(packageRoot(), 'recettes', 'exemple.yaml'));
    const schema = JSON.parse(readFileSync(recetteSchemaPath(), 'utf8')) as { properties: Record<string, { properties?: Record<string, unknown> }> };
    for (const [name, member] of Object.entries(schema.properties)) {
      expect(example, name).toHaveProperty(name);
      const value = (example as unknown as Record<string, unknown>)[name];
      for (const sub of Object.keys(member.properties ?? {})) if (name !== 'particularites') expect(value, `${name}.${sub}`).toHaveProperty(sub);
    }
  });

  it('refuses a recette that does not follow the schema, naming the file and the member', () => {
    expect(() => parseRecette('version: 1\nopco: X\ncapacite: [v2]\n', 'r.yaml')).toThrow(/r\.yaml: \/ must NOT have additional properties \(capacite\)/);
    expect(() => parseRecette('version: 1\nopco: X\ndelais: { instruction: 2 jours }\n', 'r.yaml')).toThrow(/r\.yaml: \/delais\/instruction must match pattern/);
    expect(() => parseRecette('version: 1\nopco: X\ncfas: [{ cle: { env: "1X" } }]\n', 'r.yaml')).toThrow(/\/cfas\/0\/cle/);
    expect(() => parseRecette('version: [\n', 'r.yaml')).toThrow(/r\.yaml:\d+:\d+: invalid YAML/);
  });
});
