// Plain-JS helpers shared by the ruleset's custom functions: walk operations and schemas, follow local $refs.
// Plain JavaScript (ESM + JSDoc) on purpose: users' Spectral bundles these files and does not run TypeScript.

/** @typedef {Array<string | number>} JsonPath */
/** @typedef {Record<string, unknown>} JsonObject */
/** @typedef {{ message: string, path: JsonPath }} Finding */

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * The operations of the norm that are public (no CFA key): the OAuth2 token endpoint and CfaDock's OPCO lookup.
 * A rule's `functionOptions.publicOperations` replaces the list; a path matches when it ends with the listed one, so
 * an OPCO's prefix (`/akto/oauth/token`) is allowed.
 */
export const PUBLIC_OPERATIONS = ['POST /oauth/token', 'GET /api/opcos'];

/**
 * @param {{ method: string, pathKey: string }} entry
 * @param {unknown} options the rule's functionOptions
 * @returns {boolean}
 */
export function isPublicOperation(entry, options) {
  const listed = isObject(options) && Array.isArray(options.publicOperations) ? options.publicOperations : PUBLIC_OPERATIONS;
  return listed.some((item) => {
    if (typeof item !== 'string') return false;
    const [method, path] = item.trim().split(/\s+/);
    return method?.toLowerCase() === entry.method && typeof path === 'string' && (entry.pathKey === path || entry.pathKey.endsWith(path));
  });
}

/**
 * @param {unknown} value
 * @returns {value is JsonObject}
 */
export function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * @param {unknown} value
 * @returns {boolean}
 */
export function isNonEmptyString(value) {
  return typeof value === 'string' && value.trim().length > 0;
}

/**
 * Follows a same-document reference (`#/a/b`); anything else (another file, a URL) is not ours to follow here.
 * @param {unknown} root
 * @param {unknown} ref
 * @returns {unknown} the target, or undefined when the ref is not local or points nowhere
 */
export function resolveLocalRef(root, ref) {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  const pointer = ref.slice(1);
  if (pointer === '') return root;
  if (!pointer.startsWith('/')) return undefined;
  /** @type {unknown} */
  let node = root;
  for (const key of pointerToPath(ref)) {
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObject(node)) node = node[key];
    else return undefined;
  }
  return node;
}

/**
 * The JSON path a same-document reference points at: `#/components/responses/Not~1Found` → `['components', 'responses', 'Not/Found']`.
 * @param {string} ref
 * @returns {string[]}
 */
export function pointerToPath(ref) {
  const pointer = ref.startsWith('#') ? ref.slice(1) : ref;
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => safeDecode(raw).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** @param {string} text */
function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Follows `$ref` chains inside the document, with a bound so a ref cycle cannot loop forever.
 * @param {unknown} root
 * @param {unknown} node
 * @returns {unknown}
 */
export function deref(root, node) {
  let current = node;
  for (let hops = 0; hops < 20 && isObject(current) && typeof current.$ref === 'string'; hops++) {
    const target = resolveLocalRef(root, current.$ref);
    if (target === undefined) return current;
    current = target;
  }
  return current;
}

/**
 * The single `$ref` a schema stands for: `{$ref}` itself, or the OpenAPI 3.0 idiom `allOf: [{$ref}]` that lets a
 * referenced schema carry a sibling description.
 * @param {unknown} schema
 * @returns {string | undefined}
 */
export function singleRef(schema) {
  if (!isObject(schema)) return undefined;
  if (typeof schema.$ref === 'string') return schema.$ref;
  const allOf = schema.allOf;
  if (Array.isArray(allOf) && allOf.length === 1 && isObject(allOf[0]) && typeof allOf[0].$ref === 'string') {
    return allOf[0].$ref;
  }
  return undefined;
}

/**
 * True when `ref` points at `#/components/schemas/<name>` (in this file or another one).
 * @param {string | undefined} ref
 * @param {string} name
 */
export function refersToSchema(ref, name) {
  return typeof ref === 'string' && ref.endsWith(`#/components/schemas/${name}`);
}

/**
 * @typedef {object} OperationEntry
 * @property {string} pathKey the path template, e.g. `/v1/contrats`
 * @property {string} method lower-case HTTP method
 * @property {JsonObject} operation
 * @property {JsonObject} pathItem
 * @property {JsonPath} path JSON path of the operation from the document root
 * @property {string} label e.g. `GET /v1/contrats`
 */

/**
 * Every operation under `paths`; a path item written as a local `$ref` is followed (its path stays the caller's).
 * @param {unknown} root
 * @returns {OperationEntry[]}
 */
export function operations(root) {
  /** @type {OperationEntry[]} */
  const found = [];
  if (!isObject(root) || !isObject(root.paths)) return found;
  for (const [pathKey, rawItem] of Object.entries(root.paths)) {
    const pathItem = deref(root, rawItem);
    if (!isObject(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      found.push({
        pathKey,
        method,
        operation,
        pathItem,
        path: ['paths', pathKey, method],
        label: `${method.toUpperCase()} ${pathKey}`,
      });
    }
  }
  return found;
}

/**
 * Calls `visit` on every schema object written in the document (components, parameters, bodies, responses, headers,
 * nested properties/items/compositions), once per place it is written. `$ref` objects are not followed: their
 * target is visited where it is written. Examples and extensions are skipped: they hold data, not schemas.
 * @param {unknown} root
 * @param {(schema: JsonObject, path: JsonPath) => void} visit
 */
export function walkSchemas(root, visit) {
  /** @type {Set<unknown>} */
  const ancestors = new Set();

  /**
   * @param {unknown} schema
   * @param {JsonPath} path
   */
  function walkSchema(schema, path) {
    if (!isObject(schema) || typeof schema.$ref === 'string' || ancestors.has(schema)) return;
    ancestors.add(schema);
    visit(schema, path);
    for (const key of ['properties', 'patternProperties']) {
      const map = schema[key];
      if (isObject(map)) for (const [name, sub] of Object.entries(map)) walkSchema(sub, [...path, key, name]);
    }
    for (const key of ['items', 'additionalProperties', 'not']) {
      const sub = schema[key];
      if (Array.isArray(sub)) sub.forEach((item, i) => walkSchema(item, [...path, key, i]));
      else walkSchema(sub, [...path, key]);
    }
    for (const key of ['allOf', 'anyOf', 'oneOf', 'prefixItems']) {
      const list = schema[key];
      if (Array.isArray(list)) list.forEach((item, i) => walkSchema(item, [...path, key, i]));
    }
    ancestors.delete(schema);
  }

  /**
   * @param {unknown} node
   * @param {JsonPath} path
   */
  function walkContainer(node, path) {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walkContainer(item, [...path, i]));
      return;
    }
    if (!isObject(node) || ancestors.has(node)) return;
    ancestors.add(node);
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-') || key === 'example' || key === 'examples') continue;
      const isSchemaMap =
        (key === 'schemas' && path.length === 1 && path[0] === 'components') || (key === 'definitions' && path.length === 0);
      if (isSchemaMap && isObject(value)) {
        for (const [name, schema] of Object.entries(value)) walkSchema(schema, [...path, key, name]);
      } else if (key === 'schema') {
        walkSchema(value, [...path, key]);
      } else {
        walkContainer(value, [...path, key]);
      }
    }
    ancestors.delete(node);
  }

  walkContainer(root, []);
}

/**
 * Calls `visit` on every property of every schema written in the document.
 * @param {unknown} root
 * @param {(name: string, property: unknown, path: JsonPath, owner: string) => void} visit
 */
export function walkProperties(root, visit) {
  walkSchemas(root, (schema, path) => {
    if (!isObject(schema.properties)) return;
    const owner = schemaLabel(root, path);
    for (const [name, property] of Object.entries(schema.properties)) {
      visit(name, property, [...path, 'properties', name], owner);
    }
  });
}

/**
 * A short human name for the schema at `path`, for messages: `schema Apprenti.adresse`,
 * `the request body of POST /v1/contrats`, `parameter "tri" of GET /v1/dossiers`…
 * @param {unknown} root
 * @param {JsonPath} path
 * @returns {string}
 */
export function schemaLabel(root, path) {
  const nested = propertyChain(path);
  const suffix = nested.length > 0 ? ` (property ${nested.join('.')})` : '';
  const [first, second, third, fourth, fifth] = path;
  if (first === 'components' && second === 'schemas' && third !== undefined) {
    return `schema ${[String(third), ...nested].join('.')}`;
  }
  if (first === 'components' && third !== undefined) return `${String(second)} ${String(third)}${suffix}`;
  if (first === 'paths' && second !== undefined && third !== undefined) {
    const method = String(third);
    const operation = HTTP_METHODS.includes(method) ? `${method.toUpperCase()} ${second}` : `path ${second}`;
    const parameterPath = fourth === 'parameters' ? path.slice(0, 5) : third === 'parameters' ? path.slice(0, 4) : undefined;
    if (parameterPath !== undefined) {
      const parameter = deref(root, resolveLocalRef(root, `#/${parameterPath.map((k) => String(k).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`));
      const name = isObject(parameter) && typeof parameter.name === 'string' ? `"${parameter.name}" ` : '';
      return `parameter ${name}of ${operation}${suffix}`;
    }
    if (fourth === 'requestBody') return `the request body of ${operation}${suffix}`;
    if (fourth === 'responses' && fifth !== undefined) return `the ${String(fifth)} response of ${operation}${suffix}`;
    return `${operation}${suffix}`;
  }
  return `the schema at ${path.join('.')}`;
}

/**
 * Names of the properties a nested schema sits under: `[..., 'properties', 'employeur', 'properties', 'adresse']`
 * → `['employeur', 'adresse']` (only after the outermost schema).
 * @param {JsonPath} path
 * @returns {string[]}
 */
function propertyChain(path) {
  /** @type {string[]} */
  const chain = [];
  for (let i = 0; i < path.length - 1; i++) if (path[i] === 'properties') chain.push(String(path[i + 1]));
  return chain;
}
