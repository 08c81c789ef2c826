// Turns the JSON-schema validators that kubernetes-models packages ship (Ajv "standalone" code,
// one module per OpenAPI definition under _schemas/) back into JSON schemas (draft 4).
//
//   node decompile.mjs <out.json> <root definition> <_schemas dir>...
//
// Ajv compiles every sub-schema of a definition into its own function; each function is read
// back as one schema: its type check (with `null` allowed when the generator allowed it), enum,
// format, pattern, min/max limits, required, the properties it dispatches to, items (the
// `for (i0 …)` loop), map values (the `for (key0 in …)` loop), oneOf, and the definitions it
// imports (-> $ref); an object also checked against other objects (a Go struct embedding them) is
// written out flat, with their properties and required lists merged into its own. The result is
// one file: `definitions` holds every reachable function, the root is a $ref to the requested
// definition. Anything the reader does not recognise stops it.
import fs from "node:fs";
import path from "node:path";

const [out, root, ...dirs] = process.argv.slice(2);
const files = new Map(); // definition name -> file
for (const dir of dirs) {
  for (const f of fs.readdirSync(dir)) {
    if (f.endsWith(".js")) files.set(f.slice(0, -3), path.join(dir, f));
  }
}

const definitions = {};
const parsed = new Map(); // definition -> {funcs, exported, imports, consts}

function functionBodies(src) {
  const funcs = new Map();
  const re = /function (validate\d+)\(data,\{[^}]*\}=\{\}\)\{/g;
  let m;
  while ((m = re.exec(src))) {
    let depth = 1, i = re.lastIndex, quote = null;
    for (; depth > 0; i++) {
      const c = src[i];
      if (quote) { if (c === "\\") i++; else if (c === quote) quote = null; continue; }
      if (c === '"' || c === "'" || c === "`") quote = c;
      else if (c === "{") depth++;
      else if (c === "}") depth--;
    }
    funcs.set(m[1], src.slice(re.lastIndex, i - 1));
  }
  return funcs;
}

function parse(def) {
  if (parsed.has(def)) return parsed.get(def);
  const file = files.get(def);
  if (!file) throw new Error("no module for " + def);
  const src = fs.readFileSync(file, "utf8");
  const imports = new Map();
  for (const m of src.matchAll(/import\{validate as (validate\d+)\}from"([^"]+)"/g)) {
    imports.set(m[1], path.basename(m[2]).replace(/\.js$/, ""));
  }
  const consts = new Map();
  for (const m of src.matchAll(/let (schema\d+_enum)=(\[[^\]]*\]);/g)) consts.set(m[1], JSON.parse(m[2]));
  for (const m of src.matchAll(/let (formats\d+)=formats\.(\w+);/g)) consts.set(m[1], m[2]);
  for (const m of src.matchAll(/(?:let|const) (pattern\d+)=new RegExp\(("(?:[^"\\]|\\.)*")/g)) consts.set(m[1], JSON.parse(m[2]));
  const exported = src.match(/export const validate=(validate\d+);/)[1];
  const p = { def, funcs: functionBodies(src), imports, consts, exported };
  parsed.set(def, p);
  return p;
}

const key = (def, fn) => def + "." + fn;

function ref(p, fn) {
  if (p.imports.has(fn)) {
    const target = parse(p.imports.get(fn));
    return visit(target, target.exported);
  }
  if (!p.funcs.has(fn)) throw new Error(p.def + ": no function " + fn);
  return visit(p, fn);
}

function visit(p, fn) {
  const k = fn === p.exported ? p.def : key(p.def, fn);
  if (!(k in definitions)) {
    definitions[k] = null; // recursion guard
    definitions[k] = read(p, fn, p.funcs.get(fn));
  }
  return { $ref: "#/definitions/" + k };
}


function read(p, fn, body) {
  const s = {};
  const known = [];
  // type: the schemaPath "#/type" error and whether the failing test lets null through
  const typeErr = [...body.matchAll(/params:\{type:"(\w+)"\}/g)].map(m => m[1]);
  if (typeErr.length) {
    const t = typeErr[0];
    const first = body.indexOf('schemaPath:"#/type"');
    const test = body.slice(0, first);
    const cond = test.slice(Math.max(test.lastIndexOf("if("), test.lastIndexOf("else")));
    const nullable = cond.includes("null!==data");
    s.type = nullable ? [t, "null"] : t;
  }
  for (const m of body.matchAll(/keyword:"enum",params:\{allowedValues:(schema\d+_enum)\}/g)) s.enum = p.consts.get(m[1]);
  for (const m of body.matchAll(/params:\{format:"([\w-]+)"\}/g)) s.format = m[1];
  for (const m of body.matchAll(/keyword:"pattern",params:\{pattern:("(?:[^"\\]|\\.)*")\}/g)) s.pattern = JSON.parse(m[1]);
  for (const m of body.matchAll(/keyword:"(minimum|maximum|minLength|maxLength|minItems|maxItems)",params:\{(?:comparison:"[^"]*",)?limit:(-?[\d.e+]+)\}/g)) s[m[1]] = Number(m[2]);
  const required = [...new Set([...body.matchAll(/missingProperty:"([^"]+)"/g)].map(m => m[1]))];
  if (required.length) s.required = required;
  const props = {};
  for (const m of body.matchAll(/void 0!==data(?:\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*")\])&&\(?(validate\d+)\(data(?:\.\1|\[\2\]|\[[^\]]+\])/g)) {
    const name = m[1] ?? JSON.parse(m[2]);
    props[name] = ref(p, m[3]);
  }
  // optional properties also appear as `void 0===data.x||validateN(data.x` (older generator)
  for (const m of body.matchAll(/void 0===data(?:\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*")\])\|\|(validate\d+)\(data/g)) {
    props[m[1] ?? JSON.parse(m[2])] = ref(p, m[3]);
  }
  if (Object.keys(props).length) s.properties = props;
  const items = body.match(/(validate\d+)\(data\[i0\]/);
  if (items) s.items = ref(p, items[1]);
  const values = body.match(/for\(let key0 in data\)(validate\d+)\(data\[key0\]/);
  if (values) s.additionalProperties = ref(p, values[1]);
  // oneOf / delegation / embedding: validators called on `data` itself
  const self = [...body.matchAll(/(validate\d+)\(data,\{instancePath,parentData,parentDataProperty,rootData\}\)/g)].map(m => m[1]);
  if (body.includes('keyword:"oneOf"')) {
    s.oneOf = self.map(f => ref(p, f));
  } else if (self.length && isObject(s.type)) {
    // An object checked against other objects too is a Go struct embedding them (the generator's allOf). It is
    // written out flat, as the operator's CRD has it: closed (the tests close objects), an allOf would refuse
    // every embedded field in the outer object and every outer field in the embedded ones.
    for (const f of self) embed(p.def + " " + fn, s, resolved(ref(p, f)));
  } else if (self.length === 1) {
    const target = ref(p, self[0]);
    const nullable = /^let vErrors=null,errors=0;return null!==data&&\(/.test(body);
    if (Object.keys(s).length) return { ...s, allOf: [target] }; // draft 4 ignores keywords beside $ref
    return nullable ? { anyOf: [{ type: "null" }, target] } : target;
  } else if (self.length > 1) {
    throw new Error(p.def + " " + fn + ": several self calls without oneOf");
  }
  if (/instancePath:instancePath\+"\/[^"]*",schemaPath:"#\/properties\//.test(body)) throw new Error(p.def + " " + fn + ": inlined property checks");
  for (const k of ["enum", "format", "pattern"]) {
    if (body.includes('keyword:"' + k + '"') && !(k in s)) throw new Error(p.def + " " + fn + ": unread " + k);
  }
  const leftover = [...body.matchAll(/keyword:"(\w+)"/g)].map(m => m[1])
    .filter(k => !["type", "enum", "format", "pattern", "required", "oneOf", "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems"].includes(k));
  if (leftover.length) throw new Error(p.def + " " + fn + ": unknown keywords " + leftover);
  return s;
}

function isObject(type) {
  return type === "object" || (Array.isArray(type) && type.includes("object"));
}

function resolved(schema) {
  while (schema && schema.$ref) schema = definitions[schema.$ref.slice("#/definitions/".length)];
  if (!schema) throw new Error("an embedded object refers back to itself");
  return schema;
}

function embed(where, into, part) {
  const unknown = Object.keys(part).filter(k => !["type", "properties", "required"].includes(k));
  if (unknown.length || !isObject(part.type) || !part.properties) {
    throw new Error(where + ": embeds something that is not an object with properties: " + JSON.stringify(part));
  }
  into.properties ??= {};
  for (const [name, schema] of Object.entries(part.properties)) {
    if (name in into.properties && JSON.stringify(into.properties[name]) !== JSON.stringify(schema)) {
      throw new Error(where + ": property " + name + " declared twice, differently");
    }
    into.properties[name] = schema;
  }
  if (part.required) into.required = [...new Set([...(into.required ?? []), ...part.required])];
}

const top = parse(root);
const rootRef = visit(top, top.exported);
fs.writeFileSync(out, JSON.stringify({
  $comment: "Decompiled by schemas/decompile.mjs from the validators of the package named in schemas/README.md; do not edit",
  ...rootRef,
  definitions: Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b))),
}, null, 1) + "\n");
console.log(out, Object.keys(definitions).length, "definitions");
